/**
 * Seconds per MNIST epoch of the 784-256-128-10 sigmoid/softmax model (batch 128, SGD 0.01) on TensorFlow.js,
 * for each tfjs backend that runs here, with core's scratch engine alongside for reference.
 * Times STEPS steps after WARMUP untimed ones and extrapolates to ⌈60000 / 128⌉ = 469 steps.
 *
 *   npx tsx bench/tfjs-epoch-bench.ts            # wasm and cpu
 *   npx tsx bench/tfjs-epoch-bench.ts wasm       # one backend
 *   STEPS=50 npx tsx bench/tfjs-epoch-bench.ts
 */
import { createOptimizer, DenseNetwork, Rng } from '@backprop/core';
import { createModelSpec } from '../src/model-spec';
import { tfjsBackendFactory } from '../src/tfjs-backend-factory';
import { describeTfjs, initTfjs, type TfjsBackendName } from '../src/tfjs-runtime';

const STEPS = Number(process.env.STEPS ?? 20);
const WARMUP = 3;
const BATCH = 128;
const STEPS_PER_EPOCH = Math.ceil(60000 / BATCH);
const POOL_ROWS = 32 * BATCH;

const rng = new Rng(2024);
const x = Float32Array.from({ length: POOL_ROWS * 784 }, () => rng.uniform());
const y = new Float32Array(POOL_ROWS * 10);
for (let r = 0; r < POOL_ROWS; r++) y[r * 10 + rng.int(10)] = 1;
const spec = createModelSpec({
  inputSize: 784,
  layers: [
    { units: 256, activation: 'sigmoid' },
    { units: 128, activation: 'sigmoid' },
    { units: 10, activation: 'softmax' },
  ],
  loss: 'categoricalCrossentropy',
  optimizer: { name: 'sgd', learningRate: 0.01 },
  seed: 1,
});

/** Mean seconds of one training step, over STEPS steps after WARMUP. */
async function timeSteps(train: (bx: Float32Array, by: Float32Array) => number | Promise<number>): Promise<number> {
  const batch = (i: number) => {
    const r = (i * BATCH) % POOL_ROWS;
    return [x.subarray(r * 784, (r + BATCH) * 784), y.subarray(r * 10, (r + BATCH) * 10)] as const;
  };
  for (let i = 0; i < WARMUP; i++) await train(...batch(i));
  const start = process.hrtime.bigint();
  for (let i = 0; i < STEPS; i++) await train(...batch(WARMUP + i));
  return Number(process.hrtime.bigint() - start) / 1e9 / STEPS;
}

function report(label: string, perStep: number): void {
  console.log(`${label.padEnd(34)} ${(perStep * 1000).toFixed(1).padStart(8)} ms/step   ${(perStep * STEPS_PER_EPOCH).toFixed(1).padStart(7)} s/epoch`);
}

async function main(): Promise<void> {
  const wanted = (process.argv[2] ? [process.argv[2]] : ['wasm', 'cpu']) as TfjsBackendName[];
  console.log(`784-256-128-10 sigmoid/softmax, batch ${BATCH}, SGD 0.01: ${STEPS} timed steps × ${STEPS_PER_EPOCH} steps/epoch`);
  for (const backend of wanted) {
    const info = await initTfjs({ backend });
    const model = await tfjsBackendFactory.create(spec);
    report(describeTfjs(info), await timeSteps((bx, by) => model.trainOnBatch(bx, by, BATCH)));
    model.dispose();
  }
  const net = new DenseNetwork({ inputSize: 784, layers: spec.layers.map((l) => ({ units: l.units, activation: l.activation })), loss: spec.loss });
  net.setWeights(spec.initialWeights);
  const optimizer = createOptimizer(spec.optimizer, net.kernels);
  report(`scratch (${net.kernels.name} kernels), reference`, await timeSteps((bx, by) => net.trainStep(bx, by, BATCH, optimizer)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
