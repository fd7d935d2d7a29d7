// The Keras file format's names, limits and signatures: plain constants, part of the main bundle (the
// reader, writer and loadModel's dispatch use them) without fflate or h5wasm.

/** The members of a Keras 3 `.keras` file (keras/src/saving/saving_lib.py: `_CONFIG_FILENAME`, …). */
export const CONFIG_FILE = 'config.json';
export const METADATA_FILE = 'metadata.json';
export const WEIGHTS_FILE = 'model.weights.h5';

/** A `.keras` file's content: the parsed config.json and metadata.json, and the bytes of model.weights.h5. */
export interface KerasArchive {
  readonly config: unknown;
  readonly metadata: Record<string, unknown>;
  readonly weights: Uint8Array;
}

/**
 * The largest Keras file (and model.weights.h5 inside one) read: 1 GiB. h5wasm holds a copy of the HDF5
 * bytes in its 32-bit WebAssembly memory (at most 4 GiB, shared with the values read out of it), so
 * larger files could not be read anyway; refusing them up front keeps a bogus size from allocating.
 */
export const KERAS_FILE_LIMIT_BYTES = 1024 * 1024 * 1024;

/** A zip archive starts with a local file header, `PK\x03\x04` (PKWARE APPNOTE 4.3.7). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

