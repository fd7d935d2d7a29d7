import { ArgumentError, ModelFormatError } from '@backprop/core';
import type { NamedFile } from '../browser/browser-files-handler';
import { KERAS_FILE_LIMIT_BYTES } from './keras-format';

/** File names and URL paths that are Keras model files: `.keras` (Keras 3), `.h5` / `.hdf5` (legacy). */
const KERAS_NAME = /\.(keras|h5|hdf5)$/i;

/** True for a path, URL or file name of a Keras model file (a query or fragment after it is allowed in URLs). */
export function isKerasName(name: string): boolean {
  return KERAS_NAME.test(name.replace(/[?#].*$/, ''));
}

/**
 * The bytes of a Keras model file given to `loadModel` in a way that works in a browser: bytes
 * (Uint8Array, ArrayBuffer), a `File` (or a list of exactly one) named `*.keras` / `*.h5`, or an http(s)
 * URL whose path ends so. Null for anything else — a file path (read by the Node file IO), a model.json
 * URL, a handler. Sizes are checked against KERAS_FILE_LIMIT_BYTES before the bytes are read.
 */
export async function kerasBytesOf(target: unknown): Promise<{ bytes: Uint8Array; source: string } | null> {
  if (target instanceof Uint8Array) return { bytes: target, source: 'the Keras file bytes' };
  if (target instanceof ArrayBuffer) return { bytes: new Uint8Array(target), source: 'the Keras file bytes' };
  const file = singleKerasFile(target);
  if (file) {
    checkSize((file as { size?: unknown }).size, file.name);
    return { bytes: new Uint8Array(await file.arrayBuffer()), source: file.name };
  }
  if (typeof target === 'string' && /^https?:\/\//i.test(target) && isKerasName(target)) {
    let response: Response;
    try {
      response = await fetch(target);
    } catch (error) {
      throw new ModelFormatError(`${target}: the request failed (${(error as Error).message})`);
    }
    if (!response.ok) throw new ModelFormatError(`${target}: the server answered ${response.status} ${response.statusText}`);
    const length = response.headers.get('content-length');
    if (length !== null) checkSize(Number(length), target);
    return { bytes: new Uint8Array(await response.arrayBuffer()), source: target };
  }
  return null;
}

function singleKerasFile(target: unknown): NamedFile | null {
  const isFile = (f: unknown): f is NamedFile => f !== null && typeof f === 'object' && typeof (f as NamedFile).name === 'string' && typeof (f as NamedFile).arrayBuffer === 'function';
  if (isFile(target)) {
    if (!isKerasName(target.name)) throw new ArgumentError(`loadModel(file) expects a Keras file named *.keras, *.h5 or *.hdf5 (or pass [model.json, weights] for the tfjs format), got ${JSON.stringify(target.name)}`);
    return target;
  }
  if (target !== null && typeof target === 'object' && typeof (target as ArrayLike<unknown>).length === 'number' && (target as ArrayLike<unknown>).length === 1) {
    const only = (target as ArrayLike<unknown>)[0];
    if (isFile(only) && isKerasName(only.name)) return only;
  }
  return null;
}

function checkSize(size: unknown, source: string): void {
  if (typeof size === 'number' && size > KERAS_FILE_LIMIT_BYTES) {
    throw new ModelFormatError(`${source}: ${size} bytes, more than the limit of ${KERAS_FILE_LIMIT_BYTES} bytes for a model file (KERAS_FILE_LIMIT_BYTES)`);
  }
}
