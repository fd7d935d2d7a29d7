import { activationNames, getActivation } from '../activations/activation-registry';
import { Rng } from '../random';
import { jsKernels } from './js-kernels';
import { ACTIVATION_CODES, createWasmKernels } from './wasm-kernels';
import { hasWasmSimd, loadWasmKernelModule } from './wasm-module';

// Every activation of the registry (the one table of activations) must exist in the WebAssembly switch
// of assembly/activations.ts, and an unknown code must trap there rather than silently compute another
// activation (it used to fall through to linear).
const describeWasm = hasWasmSimd() ? describe : describe.skip;

describe('wasm activation codes', () => {
  it('every registered activation has a distinct wasm code', () => {
    const codes = activationNames.map((name) => ACTIVATION_CODES[name]);
    for (const [i, code] of codes.entries()) expect([activationNames[i], Number.isInteger(code)]).toEqual([activationNames[i], true]);
    expect(new Set(codes).size).toBe(activationNames.length);
    // …and no code for an activation the registry does not know.
    expect(Object.keys(ACTIVATION_CODES).sort()).toEqual([...activationNames].sort());
  });
});

describeWasm('wasm activation switch', () => {
  // A module of its own: the trap below must not leave the shared kernel set's staging half-used.
  const module = loadWasmKernelModule();
  it('loads (if this fails, run `pnpm --filter @backprop/core build` to compile the .wasm)', () => {
    expect(module).not.toBeNull();
  });
  if (!module) return;
  const wasm = createWasmKernels(module);
  const rng = new Rng(12);
  const rows = 5;
  const cols = 7;
  const n = rows * cols;

  it.each(activationNames.map((name) => [name]))('%s: wasm forward and backward agree with the registry formula', (name) => {
    const activation = { name, alpha: getActivation(name).defaultAlpha || 0.2 };
    const z = wasm.alloc(n);
    for (let i = 0; i < n; i++) z[i] = rng.uniform(-4, 4);
    const expected = new Float32Array(n);
    jsKernels.biasActivation(Float32Array.from(z), null, expected, rows, cols, activation);
    const y = wasm.alloc(n);
    wasm.biasActivation(z, null, y, rows, cols, activation);
    for (let i = 0; i < n; i++) expect(Math.abs(y[i] - expected[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expected[i])));
    const dy = wasm.alloc(n);
    for (let i = 0; i < n; i++) dy[i] = rng.uniform(-1, 1);
    const expectedDz = new Float32Array(n);
    jsKernels.activationBackward(z, expected, dy, expectedDz, rows, cols, activation);
    const dz = wasm.alloc(n);
    wasm.activationBackward(z, y, dy, dz, rows, cols, activation);
    for (let i = 0; i < n; i++) expect(Math.abs(dz[i] - expectedDz[i])).toBeLessThanOrEqual(1e-5 * Math.max(1, Math.abs(expectedDz[i])));
    for (const buffer of [z, y, dy, dz]) wasm.free(buffer);
  });

  it('an unknown activation code traps (forward and backward) instead of computing linear', () => {
    const unknown = Math.max(...Object.values(ACTIVATION_CODES)) + 1;
    const bytes = n * 4;
    const base = module.exports.heapBase() + 1024 * 1024 * 64; // far past anything allocated above
    const [z, y, dy, dz] = [0, 1, 2, 3].map((i) => base + i * bytes);
    expect(() => module.exports.biasActivation(z, 0, y, rows, cols, unknown, 0)).toThrow(/unreachable/);
    expect(() => module.exports.activationBackward(z, y, dy, dz, rows, cols, unknown, 0)).toThrow(/unreachable/);
  });
});
