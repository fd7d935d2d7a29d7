import { BackpropError, ModelFormatError } from '@backprop/core';
import { isHdf5 } from './hdf5-nodes';
import type { Dataset, File as H5File, Group } from 'h5wasm' with { 'resolution-mode': 'import' };

export type { Dataset, Group, H5File };
export { childDataset, childGroup, isHdf5 } from './hdf5-nodes';

type H5wasm = typeof import('h5wasm', { with: { 'resolution-mode': 'import' } });

let loading: Promise<H5wasm> | null = null;

/**
 * h5wasm (the HDF5 C library compiled to WebAssembly, ~4 MB of JS with the wasm inlined), imported on
 * first use: a program that never reads or writes a Keras file neither loads nor bundles it into its
 * main chunk. Its default entry is the browser build (an in-memory file system, no `node:*`), which runs
 * in Node as well — so one code path serves both. HDF5 errors are turned into exceptions instead of being
 * printed to stderr (`activate_throwing_error_handler`).
 */
export function loadHdf5(): Promise<H5wasm> {
  loading ??= import('h5wasm').then(async (h5) => {
    await h5.ready;
    h5.Module.activate_throwing_error_handler();
    return h5;
  });
  return loading;
}

let nextFile = 0;

/** The in-memory file system of h5wasm; null only before `ready`, which `loadHdf5` awaits. */
function memoryFs(h5: H5wasm) {
  if (!h5.FS) throw new Error('h5wasm is not ready');
  return h5.FS as unknown as { writeFile(path: string, data: Uint8Array): void; readFile(path: string): Uint8Array; unlink(path: string): void };
}

/**
 * Open HDF5 bytes read-only and hand the file to `read`; the copy in h5wasm's memory is removed
 * afterwards. Bytes that are not an HDF5 file (or a truncated one) are a ModelFormatError naming `source`.
 */
export async function readHdf5<T>(bytes: Uint8Array, source: string, read: (file: H5File) => T): Promise<T> {
  if (!isHdf5(bytes)) throw new ModelFormatError(`${source}: not an HDF5 file (it does not start with the HDF5 signature \\x89HDF\\r\\n\\x1a\\n)`);
  const h5 = await loadHdf5();
  const fs = memoryFs(h5);
  const path = `/backprop-read-${nextFile++}.h5`;
  fs.writeFile(path, bytes);
  try {
    let file: H5File;
    try {
      file = new h5.File(path, 'r');
    } catch (error) {
      throw new ModelFormatError(`${source}: the HDF5 file cannot be opened (truncated or corrupted): ${firstLine(error)}`);
    }
    try {
      return read(file);
    } catch (error) {
      // HDF5 reports damage it meets while reading (a corrupted B-tree, a bad dataset header) as plain errors.
      if (error instanceof BackpropError) throw error;
      throw new ModelFormatError(`${source}: the HDF5 file is corrupted: ${firstLine(error)}`);
    } finally {
      file.close();
    }
  } finally {
    fs.unlink(path);
  }
}

/** A new HDF5 file filled by `write`, as bytes. */
export async function writeHdf5(write: (file: H5File) => void): Promise<Uint8Array> {
  const h5 = await loadHdf5();
  const fs = memoryFs(h5);
  const path = `/backprop-write-${nextFile++}.h5`;
  const file = new h5.File(path, 'w');
  try {
    try {
      write(file);
    } finally {
      file.close();
    }
    return fs.readFile(path).slice();
  } finally {
    fs.unlink(path);
  }
}

/** The first line of an error's message: h5wasm's carry HDF5's whole error stack. */
export function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('HDF5-DIAG'));
  return lines.slice(0, 3).join(' ') || message;
}

