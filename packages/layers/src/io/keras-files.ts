import type { H5File } from './keras/hdf5-file';
import type { KerasArchive } from './keras/keras-format';
import { KerasFilesNotEnabledError } from './keras/keras-errors';

/**
 * The heavy half of Keras file IO: HDF5 through h5wasm (~5.6 MB) and zip through fflate. The main entry
 * does not import them, so a browser bundle of a program that never touches a Keras file stays small
 * (esbuild and other bundlers without code splitting inline even a dynamic `import('h5wasm')`). They are
 * registered by `import '@backprop/layers/keras'` — the way @backprop/tfjs-adapter registers its backend —
 * and, in Node, by the main entry itself (platform/node.ts), where bundle size does not matter.
 */
export interface KerasFileCodecs {
  readHdf5<T>(bytes: Uint8Array, source: string, read: (file: H5File) => T): Promise<T>;
  writeHdf5(write: (file: H5File) => void): Promise<Uint8Array>;
  readKerasArchive(bytes: Uint8Array, source: string): KerasArchive;
  writeKerasArchive(archive: KerasArchive): Uint8Array;
}

let registered: KerasFileCodecs | null = null;

/** Enable Keras files (`.keras`, `.h5`) in `loadModel` and `model.save`; called by `@backprop/layers/keras`. */
export function registerKerasFiles(codecs: KerasFileCodecs): void {
  registered = codecs;
}

/** The registered codecs, or a KerasFilesNotEnabledError naming `where` and the import that enables them. */
export function kerasFileCodecs(where: string): KerasFileCodecs {
  if (!registered) throw new KerasFilesNotEnabledError(where);
  return registered;
}
