import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArgumentError } from '@backprop/core';

/**
 * Paths from `file://` URLs or plain paths, as tfjs-node's file handler takes them: `file://./my-model`,
 * `file:///abs/my-model`, `./my-model`, or any of these ending in `/model.json`.
 * Porting note: other schemes (`localstorage://`, `indexeddb://`, `http://`) exist only in tfjs.
 */
export function toPath(url: string): string {
  if (typeof url !== 'string' || url === '') throw new ArgumentError(`expected a file:// URL or a path, got ${JSON.stringify(url)}`);
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return url;
  if (!url.startsWith('file://')) throw new ArgumentError(`only file:// URLs (or plain paths) are supported, got ${JSON.stringify(url)}`);
  // `file://./dir` (tfjs-node's relative form) is not a valid file URL; read it as a path.
  return url.startsWith('file:///') ? fileURLToPath(url) : url.slice('file://'.length);
}

/** The directory to save into. */
export function modelDirectory(url: string): string {
  const path = toPath(url);
  return path.endsWith('.json') ? dirname(path) : path;
}

/** The model.json to load: the path itself if it names a .json file, else `<dir>/model.json`. */
export function modelJsonPath(url: string): string {
  const path = toPath(url);
  return path.endsWith('.json') ? path : join(path, 'model.json');
}
