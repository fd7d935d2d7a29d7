import type { Dataset, Group } from 'h5wasm' with { 'resolution-mode': 'import' };

// Type-only use of h5wasm: this file is part of the main bundle (read-keras-weights.ts walks the file
// through it), so it must not load h5wasm; the module itself comes with '@backprop/layers/keras'.

/** The 8-byte signature every HDF5 file starts with (HDF5 File Format Specification, "Format Signature"). */
const SIGNATURE = [0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a];

export function isHdf5(bytes: Uint8Array): boolean {
  return bytes.length >= SIGNATURE.length && SIGNATURE.every((b, i) => bytes[i] === b);
}

/** A group's child of the given kind, or null when absent or of another kind. */
export function childGroup(parent: Group, name: string): Group | null {
  if (!parent.keys().includes(name)) return null;
  const entity = parent.get(name);
  return entity !== null && (entity as { type?: string }).type === 'Group' ? (entity as Group) : null;
}

export function childDataset(parent: Group, name: string): Dataset | null {
  if (!parent.keys().includes(name)) return null;
  const entity = parent.get(name);
  return entity !== null && (entity as { type?: string }).type === 'Dataset' ? (entity as Dataset) : null;
}
