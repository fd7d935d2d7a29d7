import type { Sequential } from '../model/sequential';
import { fileModelIO } from '../platform/node';
import { resolveIOHandler } from './io-router';
import { downloadKerasFile } from './keras/keras-download';
import type { ModelIOHandler } from './model-io-handler';
import { modelArtifacts } from './model-json';

/**
 * `model.save(target)`: a `file://` URL or plain path goes to the file system (Node; see
 * io/save-model.ts), a URL with another scheme to its handler (io/io-router.ts), an object to its own
 * `save`; `downloads://<name>.keras` downloads one Keras 3 file. The artifacts are built first, so a model
 * the format cannot hold fails before anything is written.
 */
export async function saveModelTo(model: Sequential, target: string | ModelIOHandler): Promise<void> {
  if (typeof target === 'string' && /^downloads:\/\/[^?#]+\.keras$/i.test(target)) return downloadKerasFile(model, target.slice('downloads://'.length));
  const handler = resolveIOHandler(target, 'save');
  if (!handler) return fileModelIO.save(model, target as string);
  const plan = model.plan();
  const weights = await model.getWeightsAsync();
  const { json, bin } = modelArtifacts(model.name, model.layers, plan, weights);
  await handler.save!({ modelJson: json, weightData: bin });
}
