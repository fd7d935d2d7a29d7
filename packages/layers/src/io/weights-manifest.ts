import { ModelFormatError } from '@backprop/core';

/** One weight tensor read from the weight files. */
export interface ManifestWeight {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** A weight spec of the manifest, checked, its values not yet read. */
interface CheckedSpec {
  readonly name: string;
  readonly shape: number[];
  readonly count: number;
}

/** Dimensions per weight: Dense kernels have 2; tfjs's largest (conv3d) 5. */
const MAX_RANK = 8;

/**
 * Read the tensors a `weightsManifest` describes: each group's files are concatenated in order and
 * sliced by the group's weight specs (tfjs-core `io.decodeWeights`). Checks, each a ModelFormatError:
 * the manifest's structure, float32 only (no quantization), paths that stay inside the model's directory
 * and name each file once, the bytes the specs declare against the bytes the files hold — all before any
 * weight is allocated — and finite values.
 */
export function readManifestWeights(manifest: unknown, readFile: (relativePath: string) => Uint8Array, file: string): Map<string, ManifestWeight> {
  if (!Array.isArray(manifest)) throw new ModelFormatError(`${file}: weightsManifest must be a list of { paths, weights } groups, got ${brief(manifest)}`);
  const out = new Map<string, ManifestWeight>();
  const seenPaths = new Set<string>();
  const names = new Set<string>();
  manifest.forEach((group, g) => {
    const { paths, weights } = (group !== null && typeof group === 'object' ? group : {}) as { paths?: unknown; weights?: unknown };
    if (!Array.isArray(paths) || !Array.isArray(weights)) throw new ModelFormatError(`${file}: weightsManifest[${g}] must have paths and weights lists, got ${brief(group)}`);
    const specs = weights.map((spec, i) => checkSpec(spec, file, `weightsManifest[${g}].weights[${i}]`, names));
    const declared = specs.reduce((n, s) => n + s.count * 4, 0);
    for (const path of paths) {
      safePath(path, file);
      // The same file twice would multiply the memory a small model.json can make us allocate.
      if (seenPaths.has(path)) throw new ModelFormatError(`${file}: weight path ${JSON.stringify(path)} is listed twice in the weightsManifest; expected each file once`);
      seenPaths.add(path);
    }
    if (paths.length === 0 && declared > 0) throw new ModelFormatError(`${file}: weightsManifest[${g}] lists weights but no paths`);
    const bytes = concat(paths.map((p) => readFile(p)));
    const where = `${file}: weight files of group ${g} (${paths.join(', ')})`;
    if (declared !== bytes.length) {
      const missing = declared > bytes.length ? firstBeyond(specs, bytes.length) : undefined;
      throw new ModelFormatError(
        missing
          ? `${where} hold ${bytes.length} bytes, too few for weight "${missing.name}" (needs bytes up to ${missing.end}; the manifest describes ${declared})`
          : `${where} hold ${bytes.length} bytes but the manifest describes ${declared}`,
      );
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    let offset = 0;
    for (const { name, shape, count } of specs) {
      const values = new Float32Array(count);
      for (let i = 0; i < count; i++, offset += 4) {
        const v = view.getFloat32(offset, true);
        if (!Number.isFinite(v)) throw new ModelFormatError(`${file}: weight "${name}" value ${i} must be finite, got ${v}`);
        values[i] = v;
      }
      out.set(name, { shape, values });
    }
  });
  return out;
}

function checkSpec(spec: unknown, file: string, where: string, names: Set<string>): CheckedSpec {
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) throw new ModelFormatError(`${file}: ${where} must be { name, shape, dtype }, got ${brief(spec)}`);
  const { name, shape, dtype, quantization } = spec as Record<string, unknown>;
  if (typeof name !== 'string' || name === '') throw new ModelFormatError(`${file}: ${where}.name must be a non-empty string, got ${brief(name)}`);
  if (!Array.isArray(shape) || shape.length > MAX_RANK || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    throw new ModelFormatError(`${file}: weight "${name}" must have a shape of at most ${MAX_RANK} non-negative integers, got ${brief(shape)}`);
  }
  if (dtype !== 'float32' || quantization !== undefined) {
    throw new ModelFormatError(`${file}: weight "${name}" must be unquantized float32, got dtype ${brief(dtype)}${quantization ? ' with quantization' : ''}`);
  }
  if (names.has(name)) throw new ModelFormatError(`${file}: weight "${name}" appears twice in the manifest`);
  names.add(name);
  return { name, shape: shape as number[], count: (shape as number[]).reduce((n, d) => n * d, 1) };
}

/** The first weight that ends beyond `length` bytes, and where it ends. */
function firstBeyond(specs: readonly CheckedSpec[], length: number): { name: string; end: number } | undefined {
  let end = 0;
  for (const { name, count } of specs) {
    end += count * 4;
    if (end > length) return { name, end };
  }
  return undefined;
}

/**
 * Weight paths are relative to model.json, name a file inside its directory and are written plainly:
 * no absolute path, drive or scheme, no `..`, and no empty or `.` last segment (`.`, `weights.bin/`,
 * `a//b`), which could only name a directory.
 */
function safePath(path: unknown, file: string): string {
  const segments = typeof path === 'string' ? path.split(/[\\/]/) : [];
  const last = segments[segments.length - 1];
  if (
    typeof path !== 'string' ||
    path === '' ||
    path.includes('\0') ||
    path.startsWith('/') ||
    /^[a-z][a-z0-9+.-]*:/i.test(path) ||
    segments.some((s, i) => s === '..' || (s === '' && i > 0)) ||
    last === '' ||
    last === '.'
  ) {
    throw new ModelFormatError(`${file}: weight path ${brief(path)} must be a relative path to a file inside the model's directory`);
  }
  return path;
}

function brief(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
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
