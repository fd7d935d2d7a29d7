import type { Sequential } from '../model/sequential';
import { fileModelIO } from '../platform/node';
import { resolveIOHandler } from './io-router';
import type { ModelIOHandler } from './model-io-handler';
import { type SaveConfig, savedArtifacts } from './training-artifacts';

/**
 * `model.save(target)`: a `file://` URL or plain path goes to the file system (Node; see
 * io/save-model.ts), a URL with another scheme to its handler (io/io-router.ts), an object to its own
 * `save`. The artifacts are built first, so a model the format cannot hold fails before anything is written.
 */
export async function saveModelTo(model: Sequential, target: string | ModelIOHandler, config?: SaveConfig): Promise<void> {
  const handler = resolveIOHandler(target, 'save');
  if (!handler) return fileModelIO.save(model, target as string, config);
  const { json, bin } = await savedArtifacts(model, config);
  await handler.save!({ modelJson: json, weightData: bin });
}
