import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ArgumentError } from '../errors';
import { jsKernels } from './js-kernels';
import { loadWasmBinaries, resetWasmBinaries, setWasmBinaries, wasmBinary } from './wasm-binaries';
import { createWasmKernels } from './wasm-kernels';
import { hasWasmSimd, loadWasmKernelModule } from './wasm-module';

// The files scripts/build-wasm.mjs compiled and embedded: the embedded copy must be byte-identical.
const built = (file: string) => new Uint8Array(readFileSync(join(__dirname, '..', '..', 'build', 'wasm', file)));
const simdIt = hasWasmSimd() ? it : it.skip;

function matmulAgrees(module: NonNullable<ReturnType<typeof loadWasmKernelModule>>): void {
  const kernels = createWasmKernels(module);
  const a = Float32Array.from([1, 2, 3, 4, 5, 6]);
  const b = Float32Array.from([0.5, -1, 2, 0.25, -3, 1]);
  const expected = new Float32Array(4);
  const actual = new Float32Array(4);
  jsKernels.matmul(a, b, expected, 2, 3, 2);
  kernels.matmul(a, b, actual, 2, 3, 2);
  expect(Array.from(actual)).toEqual(Array.from(expected));
}

describe('wasm binaries', () => {
  afterEach(() => resetWasmBinaries());

  it('embeds exactly the compiled builds', () => {
    expect(wasmBinary('simd')).toEqual({ bytes: built('backprop-kernels.wasm'), origin: 'embedded' });
    expect(wasmBinary('relaxed')).toEqual({ bytes: built('backprop-kernels-relaxed.wasm'), origin: 'embedded' });
  });

  simdIt('compiles bytes passed by the user instead, and never mixes in the embedded relaxed build', () => {
    setWasmBinaries({ simd: built('backprop-kernels.wasm').buffer as ArrayBuffer });
    const module = loadWasmKernelModule('auto');
    expect(module).not.toBeNull();
    expect(module!.file).toBe('bytes');
    expect(module!.relaxedSimd).toBe(false);
    matmulAgrees(module!);
    expect(loadWasmKernelModule('relaxed')).toBeNull();
  });

  simdIt('fetches a URL (a data: URL here; http(s) and blob: URLs in a browser)', async () => {
    const url = `data:application/wasm;base64,${Buffer.from(built('backprop-kernels.wasm')).toString('base64')}`;
    await loadWasmBinaries({ simd: url });
    const module = loadWasmKernelModule('simd');
    expect(module!.file).toBe(url);
    matmulAgrees(module!);
  });

  it('returns null for bytes that are not a kernel module, so the js kernels stay the fallback', () => {
    setWasmBinaries({ simd: new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 255]) });
    expect(loadWasmKernelModule('auto')).toBeNull();
  });

  it('rejects unknown keys, a missing simd build and wrong types', () => {
    expect(() => setWasmBinaries({ simd: new Uint8Array(8), wasm: 1 } as never)).toThrow(new ArgumentError('setWasmBinaries: unknown option "wasm"; expected "simd" and/or "relaxed"'));
    expect(() => setWasmBinaries({})).toThrow('setWasmBinaries: "simd" (the plain SIMD build) is required');
    expect(() => setWasmBinaries({ simd: 'x' as never })).toThrow('setWasmBinaries: "simd" must be a Uint8Array or an ArrayBuffer, got string');
    return expect(loadWasmBinaries({ simd: 42 as never })).rejects.toThrow('loadWasmBinaries: "simd" must be bytes, a URL or a URL string, got number');
  });
});
