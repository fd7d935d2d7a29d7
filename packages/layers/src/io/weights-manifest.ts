import { ModelFormatError } from '@backprop/core';

/** One weight tensor read from the weight files. */
export interface NamedWeight {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/**
 * Read the tensors a `weightsManifest` describes: each group's files are concatenated in order and
 * sliced by the group's weight specs (tfjs-core `io.decodeWeights`). Checks, each a ModelFormatError:
 * the manifest's structure, float32 only (no quantization), total bytes equal to the files' length,
 * paths that stay inside the model's directory, and finite values.
 */
export function readManifestWeights(manifest: unknown, readFile: (relativePath: string) => Uint8Array, file: string): Map<string, NamedWeight> {
  if (!Array.isArray(manifest)) throw new ModelFormatError(`${file}: weightsManifest must be a list of { paths, weights } groups, got ${JSON.stringify(manifest)}`);
  const out = new Map<string, NamedWeight>();
  manifest.forEach((group, g) => {
    const { paths, weights } = (group ?? {}) as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(paths) || !Array.isArray(weights)) throw new ModelFormatError(`${file}: weightsManifest[${g}] must have paths and weights lists`);
    const bytes = concat(paths.map((p) => readFile(safePath(p, file))));
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    for (const spec of weights as { name?: unknown; shape?: unknown; dtype?: unknown; quantization?: unknown }[]) {
      const name = String(spec?.name);
      const shape = spec?.shape;
      if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) {
        throw new ModelFormatError(`${file}: weight "${name}" must have a shape of non-negative integers, got ${JSON.stringify(shape)}`);
      }
      if (spec.dtype !== 'float32' || spec.quantization !== undefined) {
        throw new ModelFormatError(`${file}: weight "${name}" must be unquantized float32, got dtype ${JSON.stringify(spec.dtype)}${spec.quantization ? ' with quantization' : ''}`);
      }
      if (out.has(name)) throw new ModelFormatError(`${file}: weight "${name}" appears twice in the manifest`);
      const count = shape.reduce((n: number, d: number) => n * d, 1);
      if (offset + count * 4 > bytes.length) {
        throw new ModelFormatError(`${file}: weight files of group ${g} (${paths.join(', ')}) hold ${bytes.length} bytes, too few for weight "${name}" (needs bytes up to ${offset + count * 4})`);
      }
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++, offset += 4) {
        const v = view.getFloat32(offset, true);
        if (!Number.isFinite(v)) throw new ModelFormatError(`${file}: weight "${name}" value ${i} must be finite, got ${v}`);
        values[i] = v;
      }
      out.set(name, { shape, values });
    }
    if (offset !== bytes.length) {
      throw new ModelFormatError(`${file}: weight files of group ${g} (${paths.join(', ')}) hold ${bytes.length} bytes but the manifest describes ${offset}`);
    }
  });
  return out;
}

/** Weight paths are relative to model.json and must not leave its directory. */
function safePath(path: unknown, file: string): string {
  if (typeof path !== 'string' || path === '' || path.startsWith('/') || path.split(/[\\/]/).includes('..') || /^[a-z]+:/i.test(path)) {
    throw new ModelFormatError(`${file}: weight path ${JSON.stringify(path)} must be a relative path inside the model's directory`);
  }
  return path;
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
