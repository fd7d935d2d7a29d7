import { KernelError } from '../errors';
import { jsKernels } from './js-kernels';
import { getKernels, loadKernels, setKernels } from './kernel-registry';
import { loadWasmKernels } from './wasm-kernels';
import { hasWasmSimd } from './wasm-module';

// Memory management and argument staging of the wasm kernels, and their registration.
const simd = hasWasmSimd();
if (!simd) console.warn('wasm heap tests skipped: this runtime has no WebAssembly SIMD');
const describeWasm = simd ? describe : describe.skip;

describeWasm('wasm kernel memory', () => {
  const wasm = loadWasmKernels();

  it('loads (if this fails, run `pnpm --filter @backprop/core build` to compile the .wasm)', () => {
    expect(wasm).not.toBeNull();
  });
  if (!wasm) return;

  it('alloc returns zero-filled, 16-byte-aligned views of one shared memory', () => {
    const a = wasm.alloc(5);
    const b = wasm.alloc(3);
    expect(a).toBeInstanceOf(Float32Array);
    expect(Array.from(a)).toEqual([0, 0, 0, 0, 0]);
    expect(a.byteOffset % 16).toBe(0);
    expect(b.byteOffset % 16).toBe(0);
    expect(a.buffer).toBe(b.buffer);
    expect(b.byteOffset).toBeGreaterThanOrEqual(a.byteOffset + 5 * 4);
  });

  it('keeps earlier views valid while hundreds of megabytes are allocated after them', () => {
    const first = wasm.alloc(1000);
    first[999] = 42;
    const big = Array.from({ length: 8 }, () => wasm.alloc(8 * 1024 * 1024)); // 8 × 32 MiB
    expect(first.length).toBe(1000);
    expect(first[999]).toBe(42);
    big[7][0] = 1;
    expect(first.buffer).toBe(big[7].buffer);
    for (const buffer of big) wasm.free(buffer);
    wasm.free(first);
  });

  it('reuses freed blocks, zero-filled again', () => {
    const a = wasm.alloc(100);
    a.fill(3);
    const offset = a.byteOffset;
    wasm.free(a);
    const b = wasm.alloc(100);
    expect(b.byteOffset).toBe(offset);
    expect(b.every((v) => v === 0)).toBe(true);
  });

  it('rejects double frees and foreign buffers', () => {
    const a = wasm.alloc(4);
    wasm.free(a);
    expect(() => wasm.free(a)).toThrow(/double free/);
    expect(() => wasm.free(new Float32Array(4))).toThrow(KernelError);
  });

  it('throws a clear error when the memory is exhausted, without growing it', () => {
    const before = wasm.alloc(1);
    expect(() => wasm.alloc(2 ** 31)).toThrow(/out of memory/);
    expect(before.length).toBe(1);
    wasm.free(before);
  });

  it('rejects Float64Array with a TypeError naming the js kernels', () => {
    const a = new Float64Array(4);
    expect(() => wasm.matmul(a, new Float32Array(4), new Float32Array(4), 2, 2, 2)).toThrow(KernelError);
    expect(() => wasm.sgdUpdate(new Float32Array(2), new Float64Array(2), 2, 0.1)).toThrow(/js kernels/);
  });

  it('rejects buffers shorter than the values the call needs', () => {
    expect(() => wasm.matmul(wasm.alloc(3), wasm.alloc(4), wasm.alloc(4), 2, 2, 2)).toThrow(KernelError);
  });

  it('mixes heap views and plain arrays, copying only the plain outputs back', () => {
    const w = wasm.alloc(6);
    w.set([1, 2, 3, 4, 5, 6]);
    const g = new Float32Array([1, 1, 1, 1, 1, 1]);
    wasm.sgdUpdate(w, g, 6, 0.5);
    expect(Array.from(w)).toEqual([0.5, 1.5, 2.5, 3.5, 4.5, 5.5]);
    expect(Array.from(g)).toEqual([1, 1, 1, 1, 1, 1]);
    const plainW = Float32Array.from([1, 2]);
    wasm.sgdUpdate(plainW, wasm.alloc(2).fill(2), 2, 0.5);
    expect(Array.from(plainW)).toEqual([0, 1]);
  });

  it('stages plain arrays larger than the scratch area and several per call', () => {
    const m = 300;
    const k = 300;
    const n = 300;
    const a = Float32Array.from({ length: m * k }, (_, i) => ((i * 7) % 13) - 6);
    const b = Float32Array.from({ length: k * n }, (_, i) => ((i * 5) % 11) - 5);
    const expected = new Float32Array(m * n);
    jsKernels.matmul(a, b, expected, m, k, n);
    const c = new Float32Array(m * n);
    wasm.matmul(a, b, c, m, k, n);
    // Small integers: every product and partial sum is exact in float32.
    expect(c).toEqual(expected);
  });

  it('is registered as "wasm" and chosen over js by default', () => {
    // BACKPROP_KERNELS forces a set (CI may run the suites once per set).
    if (!process.env.BACKPROP_KERNELS) expect(getKernels()).toBe(wasm);
    expect(loadKernels('wasm')).toBe(wasm);
    setKernels('js');
    expect(getKernels()).toBe(jsKernels);
    setKernels('wasm');
    expect(getKernels().name).toBe('wasm');
  });
});
