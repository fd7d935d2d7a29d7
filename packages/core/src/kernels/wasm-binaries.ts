import { ArgumentError, KernelError } from '../errors';
import { RELAXED_SIMD_WASM_BASE64, SIMD_WASM_BASE64 } from './generated/wasm-binaries';

/** Which of the two builds: plain SIMD, or SIMD + relaxed SIMD (fused multiply-add). */
export type WasmBuild = 'simd' | 'relaxed';

/** Bytes of a .wasm file, or where to fetch one (a URL, or a string resolved against the page). */
export type WasmSource = Uint8Array | ArrayBuffer | URL | string;

/** The binaries the kernels are compiled from, and where they came from (for `describeKernels`). */
export interface WasmBinary {
  readonly bytes: Uint8Array;
  /** `embedded` (in this package's JS) or the URL / `bytes` the user gave. */
  readonly origin: string;
}

/**
 * The builds are embedded base64-encoded (scripts/build-wasm.mjs), which works unchanged in Node, in
 * every bundler and in a plain `<script type="module">`: there is no file to locate. They add ~50 kB
 * (~30 kB gzipped) to a bundle. An app that would rather serve the .wasm itself passes bytes or a URL to
 * `setWasmBinaries` / `loadWasmBinaries`; the embedded copy is then never decoded.
 */
const overrides = new Map<WasmBuild, WasmBinary>();
const decoded = new Map<string, Uint8Array>();
/**
 * The shared-memory builds for Node's worker pool, base64: provided by src/platform/node.ts, so browser
 * bundles (no worker pool there) do not carry them.
 */
const sharedBase64 = new Map<WasmBuild, string>();

/** Make the shared-memory builds available (called by the Node platform module). */
export function provideSharedWasmBinaries(builds: Record<WasmBuild, string>): void {
  for (const build of ['simd', 'relaxed'] as const) sharedBase64.set(build, builds[build]);
}

function decodeBase64(base64: string): Uint8Array {
  // atob is global in every browser and in Node ≥ 16.
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * The binary of one build: the user's, else the embedded one (decoded once). Shared-memory builds (the
 * worker pool's) are always the embedded ones, and null where none were provided (browser builds).
 */
export function wasmBinary(build: WasmBuild, shared = false): WasmBinary | null {
  const override = shared ? undefined : overrides.get(build);
  if (override) return override;
  const key = `${build}${shared ? '-shared' : ''}`;
  let bytes = decoded.get(key);
  if (!bytes) {
    const base64 = shared ? sharedBase64.get(build) : build === 'relaxed' ? RELAXED_SIMD_WASM_BASE64 : SIMD_WASM_BASE64;
    if (base64 === undefined) return null;
    bytes = decodeBase64(base64);
    decoded.set(key, bytes);
  }
  return { bytes, origin: shared ? 'embedded (shared memory)' : 'embedded' };
}

export interface WasmBinariesOptions {
  /** The plain SIMD build (`backprop-kernels.wasm`). */
  simd?: Uint8Array | ArrayBuffer;
  /** The relaxed-SIMD build (`backprop-kernels-relaxed.wasm`); without it, only `simd` is used. */
  relaxed?: Uint8Array | ArrayBuffer;
}

function asBytes(value: unknown, key: string): Uint8Array {
  if (value instanceof Uint8Array) return value;
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  throw new ArgumentError(`setWasmBinaries: "${key}" must be a Uint8Array or an ArrayBuffer, got ${value === null ? 'null' : typeof value}`);
}

/**
 * Use these bytes instead of the embedded builds; the next `getKernels()` / `setKernels('wasm')`
 * compiles them. Passing only `simd` also stops the embedded relaxed build from being chosen.
 */
export function setWasmBinaries(options: WasmBinariesOptions, origin = 'bytes'): void {
  for (const key of Object.keys(options)) {
    if (key !== 'simd' && key !== 'relaxed') throw new ArgumentError(`setWasmBinaries: unknown option "${key}"; expected "simd" and/or "relaxed"`);
  }
  if (options.simd === undefined) throw new ArgumentError('setWasmBinaries: "simd" (the plain SIMD build) is required');
  overrides.clear();
  overrides.set('simd', { bytes: asBytes(options.simd, 'simd'), origin });
  // Without a relaxed build of the user's own, never mix in the embedded one.
  overrides.set('relaxed', options.relaxed === undefined ? { bytes: new Uint8Array(0), origin } : { bytes: asBytes(options.relaxed, 'relaxed'), origin });
}

/** Forget `setWasmBinaries`: the embedded builds are used again. */
export function resetWasmBinaries(): void {
  overrides.clear();
}

async function fetchBytes(source: WasmSource, key: string): Promise<Uint8Array> {
  if (source instanceof Uint8Array) return source;
  if (source instanceof ArrayBuffer) return new Uint8Array(source);
  if (typeof source !== 'string' && !(source instanceof URL)) {
    throw new ArgumentError(`loadWasmBinaries: "${key}" must be bytes, a URL or a URL string, got ${source === null ? 'null' : typeof source}`);
  }
  const response = await fetch(source);
  if (!response.ok) throw new KernelError(`loadWasmBinaries: fetching ${String(source)} answered ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Fetch (or take) the builds and use them from now on, e.g. a .wasm the app serves itself:
 * `await loadWasmBinaries({ simd: new URL('./backprop-kernels.wasm', import.meta.url) })`.
 */
export async function loadWasmBinaries(options: { simd: WasmSource; relaxed?: WasmSource }): Promise<void> {
  const simd = await fetchBytes(options.simd, 'simd');
  const relaxed = options.relaxed === undefined ? undefined : await fetchBytes(options.relaxed, 'relaxed');
  const origin = typeof options.simd === 'string' || options.simd instanceof URL ? String(options.simd) : 'bytes';
  setWasmBinaries(relaxed === undefined ? { simd } : { simd, relaxed }, origin);
}
