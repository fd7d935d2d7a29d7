/**
 * The Node-only part of @backprop/layers: `file://` URLs and plain paths. The package's browser build
 * replaces this module with ./browser.ts (same exports, stubs that throw PlatformError), so a bundle
 * for the browser contains no `node:*` import. Keep both files' exports identical.
 */
import { loadModel } from '../io/load-model';
import { saveModel } from '../io/save-model';
import type { FileModelIO } from './file-model-io';

export const fileModelIO: FileModelIO = { save: saveModel, load: loadModel };
