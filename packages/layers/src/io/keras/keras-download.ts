import { ArgumentError } from '@backprop/core';
import type { Sequential } from '../../model/sequential';
import { kerasFileBytes } from './keras-model-writer';

/**
 * `model.save('downloads://<name>.keras')`: the page downloads one Keras 3 file, which Keras's
 * `load_model` and `loadModel(file)` here open. (`downloads://<name>` without `.keras` keeps tfjs's two files.)
 */
export async function downloadKerasFile(model: Sequential, name: string, doc: Document | undefined = globalThis.document): Promise<void> {
  if (/[\\/]/.test(name)) throw new ArgumentError(`downloads:// takes a file name without a directory, got ${JSON.stringify(name)}`);
  if (!doc) throw new ArgumentError(`downloads://${name}: needs a page with a document (not a worker or Node)`);
  const bytes = await kerasFileBytes(model);
  const url = URL.createObjectURL(new Blob([bytes.slice().buffer], { type: 'application/octet-stream' }));
  const anchor = doc.createElement('a');
  anchor.download = name;
  anchor.href = url;
  anchor.click();
  // Revoked on the next turn: the click has started the download by then.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
