// Compiles the AssemblyScript kernels in assembly/ to two WebAssembly modules in dist/kernels/:
//   backprop-kernels.wasm          SIMD (every runtime with WebAssembly SIMD: Node ≥ 16.4)
//   backprop-kernels-relaxed.wasm  SIMD + relaxed SIMD, whose fused multiply-add speeds up the GEMM
//                                  (on by default from Node 22; Node 20 needs --experimental-wasm-relaxed-simd)
//   backprop-kernels-shared.wasm, backprop-kernels-relaxed-shared.wasm
//                                  the same two importing a *shared* memory, for the worker pool
//                                  (threads > 1), whose workers instantiate the module on that memory
// src/kernels/wasm-module.ts picks one at load time by feature detection.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import asc from 'assemblyscript/asc';

const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(packageRoot, 'dist', 'kernels');

const common = [
  path.join(packageRoot, 'assembly', 'index.ts'),
  '-O3',
  '--runtime', 'stub',
  // Assertions only guard internal invariants; the TypeScript loader checks every buffer length first.
  '--noAssert',
  // The loader owns the memory (one fixed reservation, never grown, so Float32Array views stay valid).
  '--importMemory',
  // No managed objects and no asserts left, so nothing can call abort.
  '--use', 'abort=',
  '--enable', 'simd',
];

// A shared memory must declare its maximum; 65536 pages (4 GiB) admits any reservation the loader makes.
const shared = ['--enable', 'threads', '--sharedMemory', '--maximumMemory', '65536'];
const variants = [
  { file: 'backprop-kernels.wasm', flags: [] },
  { file: 'backprop-kernels-relaxed.wasm', flags: ['--enable', 'relaxed-simd'] },
  { file: 'backprop-kernels-shared.wasm', flags: shared },
  { file: 'backprop-kernels-relaxed-shared.wasm', flags: ['--enable', 'relaxed-simd', ...shared] },
];

await mkdir(outDir, { recursive: true });
for (const { file, flags } of variants) {
  const outFile = path.join(outDir, file);
  const { error, stderr } = await asc.main([...common, ...flags, '--outFile', outFile]);
  if (error) {
    console.error(stderr.toString());
    throw new Error(`asc failed for ${file}: ${error.message}`);
  }
  console.log(`built ${path.relative(packageRoot, outFile)}`);
}
