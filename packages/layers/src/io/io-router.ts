import { ArgumentError } from '@backprop/core';
import { browserDownloads } from './browser/downloads-handler';
import { browserFiles, isFileList } from './browser/browser-files-handler';
import { httpHandler } from './browser/http-handler';
import { indexedDBHandler } from './browser/indexeddb-handler';
import { localStorageHandler } from './browser/local-storage-handler';
import type { ModelIOHandler } from './model-io-handler';

/**
 * URL scheme → handler, as tfjs-core's IORouterRegistry does (`tf.io.registerSaveRouter`). `file://`
 * and plain paths are not here: they need Node's file system and are handled by src/platform/.
 */
const routers = new Map<string, (url: string) => ModelIOHandler>([
  ['indexeddb', (url) => indexedDBHandler(url.slice('indexeddb://'.length))],
  ['localstorage', (url) => localStorageHandler(url.slice('localstorage://'.length))],
  ['downloads', (url) => browserDownloads(url.slice('downloads://'.length) || undefined)],
  ['http', (url) => httpHandler(url)],
  ['https', (url) => httpHandler(url)],
]);

/** Add or replace the handler for a URL scheme (`name` without `://`). */
export function registerIORouter(scheme: string, router: (url: string) => ModelIOHandler): void {
  if (!/^[a-z][a-z0-9+.-]*$/.test(scheme) || scheme === 'file') {
    throw new ArgumentError(`registerIORouter: scheme must be lower-case letters, digits, "+", "." or "-" and not "file", got ${JSON.stringify(scheme)}`);
  }
  routers.set(scheme, router);
}

/** The scheme of `target` (`indexeddb`), `file` for `file://` and plain paths. */
export function schemeOf(target: string): string {
  const match = /^([a-z][a-z0-9+.-]*):\/\//i.exec(target);
  return match ? match[1].toLowerCase() : 'file';
}

/**
 * The handler for a save or load target other than a file: a URL with a registered scheme, a
 * handler object, or (load only) the files of an `<input type=file multiple>`. Returns null for
 * `file://` URLs and plain paths.
 */
export function resolveIOHandler(target: unknown, purpose: 'save' | 'load'): ModelIOHandler | null {
  const what = purpose === 'save' ? 'model.save' : 'loadModel';
  if (typeof target === 'string') {
    if (target === '') throw new ArgumentError(`${what} expects a URL, a path or a handler, got ""`);
    const scheme = schemeOf(target);
    if (scheme === 'file') return null;
    const router = routers.get(scheme);
    if (!router) {
      throw new ArgumentError(`${what}: no handler for ${JSON.stringify(`${scheme}://`)} in ${JSON.stringify(target)}; supported: file:// (Node), ${[...routers.keys()].map((s) => `${s}://`).join(', ')}, or a handler object`);
    }
    return router(target);
  }
  if (purpose === 'load' && isFileList(target)) return browserFiles(Array.from(target));
  if (target !== null && typeof target === 'object' && typeof (target as ModelIOHandler)[purpose] === 'function') return target as ModelIOHandler;
  const got = target === null ? 'null' : Array.isArray(target) ? 'an array that is not a list of files' : typeof target === 'object' ? `an object without a ${purpose}() method` : typeof target;
  throw new ArgumentError(`${what} expects a URL, a path${purpose === 'load' ? ', File objects' : ''} or a handler with ${purpose}(), got ${got}`);
}
