import { ModelFormatError } from '@backprop/core';
import type { Sequential } from '../model/sequential';
import { fileModelIO } from '../platform/node';
import { resolveIOHandler } from './io-router';
import type { NamedFile } from './browser/browser-files-handler';
import { kerasBytesOf } from './keras/keras-load-target';
import { modelFromKerasBytes } from './keras/model-from-keras';
import { modelFromArtifacts } from './model-from-artifacts';
import type { ModelIOHandler } from './model-io-handler';

/**
 * Where `loadModel` reads from: a URL or path, File objects (model.json + weights), or a handler; for a
 * Keras file (`.keras`, legacy `.h5`) also its bytes, its `File`, or its path or http(s) URL.
 */
export type LoadTarget = string | ModelIOHandler | ArrayLike<NamedFile> | NamedFile | Uint8Array | ArrayBuffer;

/**
 * Load a model saved in the TensorFlow.js layers format, as `tf.loadLayersModel` does: from a
 * `file://` URL or path (Node), `indexeddb://`, `localstorage://`, `http(s)://`, the files of an
 * `<input type=file multiple>`, or any handler with `load()`. Validated completely before it returns
 * (ModelFormatError naming the source); uncompiled, seeded with `seed` (default 0) for later training.
 * Keras files load too: a path or http(s) URL ending in `.keras` / `.h5`, their bytes or their `File`.
 */
export async function loadModel(target: LoadTarget, options: { seed?: number } = {}): Promise<Sequential> {
  const keras = await kerasBytesOf(target);
  if (keras) return modelFromKerasBytes(keras.bytes, keras.source, options.seed);
  const handler = resolveIOHandler(target, 'load');
  if (!handler) return fileModelIO.load(target as string, options);
  const { modelJson, weightFiles, source } = await handler.load!();
  const read = (path: string) => {
    const bytes = weightFiles.get(path);
    if (!bytes) throw new ModelFormatError(`${source}: weights file "${path}" is missing (have: ${[...weightFiles.keys()].join(', ') || 'none'})`);
    return bytes;
  };
  return modelFromArtifacts(modelJson, read, source, options.seed);
}
