import { environmentVariable, nodeBuiltin } from '../platform/runtime';
import { type WasmBuild, wasmBinary } from './wasm-binaries';

/**
 * The slice of the WebAssembly JS API used here. Typed locally because the project's lib (ES2022) and
 * @types/node 20 do not declare the `WebAssembly` global; declaring it globally would clash once they do.
 */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
}
interface WebAssemblyApi {
  validate(bytes: Uint8Array): boolean;
  Memory: new (descriptor: { initial: number; maximum: number; shared?: boolean }) => WasmMemory;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}
const webAssembly = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;

/** The functions exported by assembly/index.ts; pointers are byte offsets into `memory`. */
export interface WasmKernelExports {
  heapBase(): number;
  gemmWorkspaceBytes(): number;
  gemm(a: number, b: number, c: number, m: number, k: number, n: number, transA: number, transB: number, accumulate: number, workspace: number): void;
  gemmBlock(
    a: number,
    b: number,
    c: number,
    m: number,
    k: number,
    n: number,
    transA: number,
    transB: number,
    accumulate: number,
    workspace: number,
    i0: number,
    i1: number,
    j0: number,
    j1: number,
  ): void;
  biasActivation(z: number, bias: number, out: number, rows: number, cols: number, code: number, alpha: number): void;
  activationBackward(z: number, y: number, dy: number, dz: number, rows: number, cols: number, code: number, alpha: number): void;
  columnSums(a: number, out: number, rows: number, cols: number, accumulate: number): void;
  softmaxCrossEntropy(z: number, targets: number, probs: number, grad: number, rows: number, cols: number, gradScale: number): number;
  sgdUpdate(w: number, g: number, n: number, lr: number): void;
  momentumUpdate(w: number, g: number, v: number, n: number, lr: number, momentum: number, nesterov: number): void;
  adamUpdate(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    lr: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    epsilon: number,
    c1: number,
    c2: number,
  ): void;
  rmspropUpdate(w: number, g: number, s: number, mom: number, n: number, lr: number, rho: number, oneMinusRho: number, momentum: number, epsilon: number): void;
  /** assembly/convolution.ts; the thirteen numbers after `batch` are a WindowGeometry (see wasm-conv-kernels.ts). */
  im2col(x: number, cols: number, batch: number, ...geometry: number[]): void;
  col2im(cols: number, dx: number, batch: number, ...geometryThenAccumulate: number[]): void;
  /** assembly/pooling.ts; `poolGeometry` as in wasm-conv-kernels.ts's poolArgs. */
  maxPool(x: number, y: number, argmax: number, batch: number, ...poolGeometry: number[]): void;
  maxPoolBackward(dy: number, argmax: number, dx: number, batch: number, sampleIn: number, sampleOut: number): void;
  avgPool(x: number, y: number, batch: number, ...poolGeometry: number[]): void;
  avgPoolBackward(dy: number, dx: number, batch: number, ...poolGeometry: number[]): void;
  adagradUpdate(w: number, g: number, acc: number, n: number, lr: number, epsilon: number): void;
  adadeltaUpdate(w: number, g: number, accGrad: number, accDelta: number, n: number, lr: number, rho: number, oneMinusRho: number, epsilon: number): void;
  adamaxUpdate(w: number, g: number, m: number, u: number, n: number, lr: number, oneMinusBeta1: number, beta2: number, epsilon: number, c1: number): void;
  nadamUpdate(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    lr: number,
    oneMinusBeta1: number,
    oneMinusBeta2: number,
    epsilon: number,
    momentumScale: number,
    gradientScale: number,
    c2: number,
  ): void;
}

export interface WasmKernelModule {
  readonly exports: WasmKernelExports;
  readonly memory: WasmMemory;
  /** Whether the relaxed-SIMD build (fused multiply-add) was loaded. */
  readonly relaxedSimd: boolean;
  /** Where the bytes came from: `embedded`, `bytes`, or the URL given to `loadWasmBinaries`. */
  readonly file: string;
  /** The compiled WebAssembly.Module, which worker threads instantiate on the same (shared) memory. */
  readonly compiled: object;
  /** Whether `memory` is a shared WebAssembly.Memory (a build from backprop-kernels-*shared.wasm). */
  readonly shared: boolean;
}

export type SimdVariant = 'auto' | 'simd' | 'relaxed';

const PAGE_BYTES = 65536;
/**
 * 1 GiB reserved once and never grown: growing a WebAssembly.Memory detaches its ArrayBuffer and so
 * would invalidate every Float32Array handed out by `alloc`. Untouched pages cost no resident memory
 * on Linux (V8 reserves address space for every wasm memory anyway). Override with BACKPROP_WASM_MEMORY_MB.
 */
const DEFAULT_MEMORY_MB = 1024;

// Tiny modules for feature detection (the approach of GoogleChromeLabs/wasm-feature-detect):
// () -> v128 { i32x4.splat(0) }, and the same with f32x4.relaxed_madd of three such vectors.
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00, 0x0a, 0x08, 0x01, 0x06, 0x00,
  0x41, 0x00, 0xfd, 0x11, 0x0b,
]);
const RELAXED_SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00, 0x0a, 0x13, 0x01, 0x11, 0x00,
  0x41, 0x00, 0xfd, 0x11, 0x41, 0x00, 0xfd, 0x11, 0x41, 0x00, 0xfd, 0x11, 0xfd, 0x85, 0x02, 0x0b,
]);

function validates(bytes: Uint8Array): boolean {
  try {
    return webAssembly?.validate(bytes) === true;
  } catch {
    return false;
  }
}

export const hasWasmSimd = (): boolean => validates(SIMD_PROBE);
export const hasWasmRelaxedSimd = (): boolean => validates(RELAXED_SIMD_PROBE);

/** The build's bytes (shared-memory builds for the worker pool), or null when there are none. */
function findBinary(build: WasmBuild, shared: boolean): { bytes: Uint8Array; origin: string } | null {
  const binary = wasmBinary(build, shared);
  return binary && binary.bytes.length > 0 ? binary : null;
}

function createMemory(api: WebAssemblyApi, shared: boolean): WasmMemory | null {
  const requested = Number(environmentVariable('BACKPROP_WASM_MEMORY_MB'));
  let megabytes = Number.isFinite(requested) && requested >= 16 ? Math.min(Math.floor(requested), 4096) : DEFAULT_MEMORY_MB;
  // A smaller reservation still works when address space is limited (ulimit -v).
  for (; megabytes >= 16; megabytes = Math.floor(megabytes / 2)) {
    const pages = Math.floor((megabytes * 1024 * 1024) / PAGE_BYTES);
    try {
      return new api.Memory(shared ? { initial: pages, maximum: pages, shared } : { initial: pages, maximum: pages });
    } catch {
      // RangeError: could not allocate memory — try half.
    }
  }
  return null;
}

function instantiate(api: WebAssemblyApi, binary: { bytes: Uint8Array; origin: string }, relaxedSimd: boolean, shared: boolean): WasmKernelModule | null {
  const memory = createMemory(api, shared);
  if (!memory) return null;
  const module = new api.Module(binary.bytes);
  const instance = new api.Instance(module, { env: { memory } });
  return { exports: instance.exports as unknown as WasmKernelExports, memory, relaxedSimd, file: binary.origin, compiled: module, shared };
}

/**
 * Opt-in (BACKPROP_WASM_RELAXED_SIMD=1) for Node 20, where relaxed SIMD sits behind a V8 flag: set the
 * flag at run time. V8 reads wasm feature flags when it compiles a module, so this works in practice,
 * but Node documents flags changed after start-up as unsupported — hence not the default. `node:v8` is
 * reached through `process.getBuiltinModule`, so browser bundles never see it.
 */
function enableRelaxedSimdIfRequested(): void {
  if (environmentVariable('BACKPROP_WASM_RELAXED_SIMD') !== '1' || hasWasmRelaxedSimd()) return;
  try {
    nodeBuiltin<{ setFlagsFromString(flags: string): void }>('node:v8')?.setFlagsFromString('--experimental-wasm-relaxed-simd');
  } catch {
    // Unknown flag on this runtime: stay with plain SIMD.
  }
}

/**
 * Compile and instantiate the kernels synchronously. Returns null — never throws — when WebAssembly
 * SIMD is unavailable or the module cannot be compiled, so the js kernels remain the fallback.
 * `auto` takes the relaxed-SIMD build when the runtime validates f32x4.relaxed_madd.
 */
export function loadWasmKernelModule(variant: SimdVariant = 'auto', shared = false): WasmKernelModule | null {
  if (webAssembly === undefined || !hasWasmSimd()) return null;
  if (variant !== 'simd') enableRelaxedSimdIfRequested();
  const wantRelaxed = variant === 'relaxed' || (variant === 'auto' && hasWasmRelaxedSimd());
  if (wantRelaxed) {
    const binary = findBinary('relaxed', shared);
    if (binary && hasWasmRelaxedSimd()) {
      try {
        const loaded = instantiate(webAssembly, binary, true, shared);
        if (loaded) return loaded;
      } catch {
        // Fall through to the plain SIMD build.
      }
    }
    if (variant === 'relaxed') return null;
  }
  const binary = findBinary('simd', shared);
  if (!binary) return null;
  try {
    return instantiate(webAssembly, binary, false, shared);
  } catch {
    return null;
  }
}
