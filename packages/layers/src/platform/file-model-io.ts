import type { SaveConfig } from '../io/training-artifacts';
import type { Sequential } from '../model/sequential';

/** Saving and loading `file://` URLs and plain paths: Node's file system, or stubs in the browser build. */
export interface FileModelIO {
  save(model: Sequential, url: string, config?: SaveConfig): Promise<void>;
  load(url: string, options: { seed?: number }): Promise<Sequential>;
}
