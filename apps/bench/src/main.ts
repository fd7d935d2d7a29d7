/**
 * `pnpm bench`: in one process, time training steps of the 784-256-128-10 network (batch 128, SGD) for
 * every engine that loads here — scratch-wasm, scratch-js, tfjs-wasm, tfjs-cpu (tfjs-node if installed) —
 * on real MNIST batches, and report ms/step, s/epoch, GFLOP/s, the ratio to tfjs-wasm, and inference images/s at batch 1 and 1000.
 *
 *   pnpm bench -- --steps 30 --engines scratch-wasm,tfjs-wasm --json bench.json
 *   pnpm bench -- --profile --steps 100 --threads 2   (per-kernel table of one training step instead)
 */
import { parseArgs } from 'node:util';
import { loadWasmKernels, writeFileAtomic } from '@backprop/core';
import type { BenchEngine, BenchModel } from './bench-engine';
import { benchTable, type BenchResult } from './bench-table';
import { timeSteps } from './measure';
import { mnistBatches } from './mnist-batches';
import { profileStep } from './profile-step';
import { createScratchEngine } from './scratch-engine';
import { createTfjsEngine } from './tfjs-engine';
import { inferenceFlops, trainingFlopsPerStep } from './training-flops';

const ALL_ENGINES = ['scratch-wasm', 'scratch-js', 'tfjs-wasm', 'tfjs-cpu', 'tfjs-node'];
const EPOCH_SAMPLES = 60000;

async function main(): Promise<void> {
  // `pnpm bench -- --json x` reaches here as `-- --json x`; the separator is not an argument.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  const { values } = parseArgs({
    args,
    options: {
      steps: { type: 'string', default: '20' },
      'batch-size': { type: 'string', default: '128' },
      engines: { type: 'string', default: ALL_ENGINES.join(',') },
      json: { type: 'string' },
      repeats: { type: 'string', default: '3' },
      profile: { type: 'boolean', default: false },
      threads: { type: 'string', default: '1' },
    },
  });
  const steps = positiveInt(values.steps, '--steps');
  const batchSize = positiveInt(values['batch-size'], '--batch-size');
  const repeats = positiveInt(values.repeats, '--repeats');
  const engines = String(values.engines).split(',');
  for (const e of engines) if (!ALL_ENGINES.includes(e)) throw new Error(`--engines: unknown engine "${e}"; expected some of ${ALL_ENGINES.join(', ')}`);
  const model: BenchModel = { layers: [784, 256, 128, 10], activation: 'sigmoid', batchSize, learningRate: 0.01, seed: 1 };
  const stepsPerEpoch = Math.ceil(EPOCH_SAMPLES / batchSize);
  const flopsPerStep = trainingFlopsPerStep(model.layers, batchSize);
  console.log(`784-256-128-10 sigmoid/softmax, batch ${batchSize}, ${stepsPerEpoch} steps per epoch, ${(flopsPerStep / 1e6).toFixed(1)} MFLOP per step`);

  const data = mnistBatches(batchSize, 32, 1000);
  if (values.profile) {
    const threads = positiveInt(values.threads, '--threads');
    const kernels = loadWasmKernels('auto', { threads });
    if (!kernels) throw new Error('--profile needs the wasm kernels (run `pnpm --filter @backprop/core build`)');
    console.log(await profileStep(kernels, model, data, steps, threads));
    return;
  }
  const results: BenchResult[] = [];
  for (const name of engines) {
    let engine: BenchEngine | null = null;
    try {
      engine = name.startsWith('scratch') ? createScratchEngine(name === 'scratch-wasm' ? 'wasm' : 'js', model, data) : await createTfjsEngine(name, model, data);
    } catch (error) {
      console.log(`${name}: skipped — ${(error as Error).message}`);
      continue;
    }
    // The slow engines get fewer timed steps so the whole run stays within minutes.
    const slow = name === 'scratch-js' || name.startsWith('tfjs');
    const n = slow ? Math.max(2, Math.ceil(steps / 5)) : steps;
    const train = await timeSteps(() => engine.trainStep(), { steps: n, warmup: slow ? 1 : 3, repeats });
    const one = await timeSteps(() => engine.infer(1), { steps: slow ? 20 : 200, warmup: 5, repeats });
    const thousand = await timeSteps(() => engine.infer(1000), { steps: slow ? 1 : 5, warmup: 1, repeats });
    await engine.dispose();
    const result: BenchResult = {
      engine: name,
      description: engine.description,
      msPerStep: train.msPerStep,
      secondsPerEpoch: (train.msPerStep * stepsPerEpoch) / 1000,
      gflops: flopsPerStep / (train.msPerStep * 1e6),
      ratioToTfjsWasm: null,
      inferenceImagesPerSecondBatch1: 1000 / one.msPerStep,
      inferenceImagesPerSecondBatch1000: (1000 * 1000) / thousand.msPerStep,
      inferenceGflopsBatch1000: inferenceFlops(model.layers, 1000) / (thousand.msPerStep * 1e6),
    };
    results.push(result);
    console.log(`${name}: ${result.msPerStep.toFixed(2)} ms/step, ${result.secondsPerEpoch.toFixed(2)} s/epoch, ${result.gflops.toFixed(1)} GFLOP/s`);
  }
  const reference = results.find((r) => r.engine === 'tfjs-wasm');
  for (const r of results) r.ratioToTfjsWasm = reference ? reference.secondsPerEpoch / r.secondsPerEpoch : null;
  console.log(`\n${benchTable(results)}`);
  if (values.json) {
    const doc = { schemaVersion: 1, createdAt: new Date().toISOString(), node: process.version, model, stepsPerEpoch, results };
    writeFileAtomic(values.json, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`results written to ${values.json}`);
  }
}

function positiveInt(value: string | boolean | undefined, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive integer, got ${JSON.stringify(value)}`);
  return n;
}

// `pnpm bench -- --json file` runs in this package's directory; relative paths mean where the user typed it.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
main().catch((error) => {
  console.error(`bench: ${(error as Error).message}`);
  process.exitCode = 1;
});
