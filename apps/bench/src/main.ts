/**
 * `pnpm bench`: in one run, time training steps of the 784-256-128-10 network (batch 128, SGD; or with
 * `--model cnn` the CNN of cnn-model.ts: ours, tfjs and the Python peers) for
 * every engine that loads here — scratch-wasm on 1 and 2 threads, scratch-js, tfjs-wasm, tfjs-cpu
 * (tfjs-node if installed), jax-js — and the native peers when a Python has them (PyTorch, Keras 3 on
 * JAX, on 1 and 2 threads; see python-peers.ts, BACKPROP_BENCH_PYTHON), all on the same real MNIST
 * batches; report ms/step, s/epoch, samples/s, GFLOP/s, the ratios to tfjs-wasm, to the fastest native
 * peer and to PyTorch on one thread, and inference images/s at batch 1 and 1000.
 *
 *   pnpm bench -- --steps 30 --engines scratch-wasm,tfjs-wasm --json bench.json
 *   pnpm bench -- --profile --steps 100 --threads 2   (per-kernel table of one training step instead)
 *   pnpm bench -- --model cnn --batch-size 64 --engines scratch-wasm,tfjs-wasm   (the CNN of cnn-model.ts)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { loadWasmKernels, writeFileAtomic } from '@backprop/core';
import type { BenchData, BenchEngine, BenchModel } from './bench-engine';
import { benchTable, type BenchResult, fillRatios } from './bench-table';
import { createScratchCnnEngine, createTfjsCnnEngine } from './cnn-engines';
import { cnnInferenceFlops, cnnTrainingFlops } from './cnn-model';
import { createJaxJsEngine } from './jax-js-engine';
import { timeSteps } from './measure';
import { mnistBatches } from './mnist-batches';
import { profileStep } from './profile-step';
import { findPython, type PythonFramework, runPythonPeer, writeBatchFile } from './python-peers';
import { createScratchEngine } from './scratch-engine';
import { createTfjsEngine } from './tfjs-engine';
import { inferenceFlops, trainingFlopsPerStep } from './training-flops';

const ALL_ENGINES = [
  'scratch-wasm',
  'scratch-wasm-2t',
  'scratch-js',
  'tfjs-wasm',
  'tfjs-cpu',
  'tfjs-node',
  'jax-js-wasm',
  'pytorch-1t',
  'pytorch-2t',
  'keras-jax-1t',
  'keras-jax-2t',
];
const EPOCH_SAMPLES = 60000;
/** Engines that take long per step get fewer timed steps so the whole run stays within minutes. */
const SLOW = new Set(['scratch-js', 'tfjs-wasm', 'tfjs-cpu', 'tfjs-node', 'jax-js-wasm']);

async function main(): Promise<void> {
  // `pnpm bench -- --json x` reaches here as `-- --json x`; the separator is not an argument.
  const args = process.argv.slice(2);
  if (args[0] === '--') args.shift();
  const { values } = parseArgs({
    args,
    options: {
      steps: { type: 'string', default: '20' },
      'batch-size': { type: 'string', default: '128' },
      engines: { type: 'string' },
      json: { type: 'string' },
      repeats: { type: 'string', default: '3' },
      profile: { type: 'boolean', default: false },
      threads: { type: 'string', default: '1' },
      model: { type: 'string', default: 'mlp' },
    },
  });
  const steps = positiveInt(values.steps, '--steps');
  const batchSize = positiveInt(values['batch-size'], '--batch-size');
  const repeats = positiveInt(values.repeats, '--repeats');
  const cnn = values.model === 'cnn';
  // Without --engines: every engine that has the chosen model.
  const engines = values.engines === undefined ? ALL_ENGINES.filter((e) => !cnn || CNN_ENGINES.has(e)) : String(values.engines).split(',');
  for (const e of engines) if (!ALL_ENGINES.includes(e)) throw new Error(`--engines: unknown engine "${e}"; expected some of ${ALL_ENGINES.join(', ')}`);
  if (!cnn && values.model !== 'mlp') throw new Error(`--model must be "mlp" or "cnn", got ${JSON.stringify(values.model)}`);
  if (cnn) for (const e of engines) if (!CNN_ENGINES.has(e)) throw new Error(`--model cnn: engine "${e}" has no CNN here; expected some of ${[...CNN_ENGINES].join(', ')}`);
  const model: BenchModel = { layers: [784, 256, 128, 10], activation: 'sigmoid', batchSize, learningRate: 0.01, seed: 1 };
  const stepsPerEpoch = Math.ceil(EPOCH_SAMPLES / batchSize);
  const flopsPerStep = cnn ? cnnTrainingFlops(batchSize) : trainingFlopsPerStep(model.layers, batchSize);
  const flopsInfer1000 = cnn ? cnnInferenceFlops(1000) : inferenceFlops(model.layers, 1000);
  const title = cnn ? 'CNN Conv2D 32 - MaxPool - Conv2D 64 - MaxPool - Dense 10 (relu/softmax, SGD)' : '784-256-128-10 sigmoid/softmax';
  console.log(`${title}, batch ${batchSize}, ${stepsPerEpoch} steps per epoch, ${(flopsPerStep / 1e6).toFixed(1)} MFLOP per step`);

  const data = mnistBatches(batchSize, 32, 1000);
  if (values.profile) {
    const threads = positiveInt(values.threads, '--threads');
    const kernels = loadWasmKernels('auto', { threads });
    if (!kernels) throw new Error('--profile needs the wasm kernels (run `pnpm --filter @backprop/core build`)');
    console.log(await profileStep(kernels, model, data, steps, threads));
    return;
  }
  const results: BenchResult[] = [];
  let batchFile: string | null = null;
  for (const name of engines) {
    const slow = SLOW.has(name);
    const n = slow ? Math.max(2, Math.ceil(steps / 5)) : steps;
    let timing: { msPerStep: number | null; msInfer1: number; msInfer1000: number; threads: number; description: string };
    try {
      const python = PYTHON_PEERS[name];
      if (python) {
        const found = findPython(python.framework);
        if ('reason' in found) {
          console.log(`${name}: skipped — ${found.reason}`);
          continue;
        }
        batchFile ??= writeBatchFile(data, 1000);
        const t = runPythonPeer(found.python, python.framework, python.threads, model, data, batchFile, { steps: n, repeats }, cnn);
        timing = { ...t, threads: python.threads, description: `${t.version}, ${python.threads === 1 ? 'pinned to 1 core' : `${python.threads} threads`}` };
        if (t.version.includes('reference BLAS')) {
          console.log(`${name}: note — PyTorch runs on the netlib reference BLAS, not a native peer's speed; on Debian: apt-get install libopenblas0-pthread`);
        }
      } else {
        const engine = cnn ? await createCnnEngine(name, model, data) : await createEngine(name, model, data);
        // An engine that cannot train the model (tfjs-wasm has no Conv2DBackpropFilter) is still timed at inference.
        let msPerStep: number | null = null;
        let description = engine.description;
        try {
          msPerStep = (await timeSteps(() => engine.trainStep(), { steps: n, warmup: slow ? 1 : 3, repeats })).msPerStep;
        } catch (error) {
          if ((error as Error).name !== 'TfjsUnsupportedError') throw error;
          description += `; inference only: ${(error as Error).message}`;
          console.log(`${name}: training skipped — ${(error as Error).message}`);
        }
        const one = await timeSteps(() => engine.infer(1), { steps: slow ? 20 : 200, warmup: 5, repeats });
        const thousand = await timeSteps(() => engine.infer(1000), { steps: slow ? 1 : 5, warmup: 1, repeats });
        await engine.dispose();
        timing = { msPerStep, msInfer1: one.msPerStep, msInfer1000: thousand.msPerStep, threads: engineThreads(name), description };
      }
    } catch (error) {
      console.log(`${name}: skipped — ${(error as Error).message}`);
      continue;
    }
    const ms = timing.msPerStep;
    const result: BenchResult = {
      engine: name,
      description: timing.description,
      threads: timing.threads,
      msPerStep: timing.msPerStep,
      secondsPerEpoch: ms === null ? null : (ms * stepsPerEpoch) / 1000,
      samplesPerSecond: ms === null ? null : (batchSize * 1000) / ms,
      gflops: ms === null ? null : flopsPerStep / (ms * 1e6),
      ratioToTfjsWasm: null,
      timeRatioToFastestNative: null,
      timeRatioToPytorch1Thread: null,
      inferenceImagesPerSecondBatch1: 1000 / timing.msInfer1,
      inferenceImagesPerSecondBatch1000: (1000 * 1000) / timing.msInfer1000,
      inferenceGflopsBatch1000: flopsInfer1000 / (timing.msInfer1000 * 1e6),
      inferenceSpeedups: { tfjsWasm1: null, tfjsWasm1000: null, native1: null, native1000: null },
    };
    results.push(result);
    if (ms !== null) console.log(`${name}: ${ms.toFixed(2)} ms/step, ${result.secondsPerEpoch?.toFixed(2)} s/epoch, ${result.gflops?.toFixed(1)} GFLOP/s`);
    console.log(`${name}: inference ${Math.round(result.inferenceImagesPerSecondBatch1000).toLocaleString('en-US')} images/s at batch 1000`);
  }
  if (batchFile) fs.rmSync(path.dirname(batchFile), { recursive: true, force: true });
  fillRatios(results);
  console.log(`\n${benchTable(results)}`);
  if (values.json) {
    const doc = { schemaVersion: 2, createdAt: new Date().toISOString(), node: process.version, model: cnn ? { name: 'cnn', batchSize, learningRate: model.learningRate, seed: model.seed } : model, stepsPerEpoch, results };
    writeFileAtomic(values.json, `${JSON.stringify(doc, null, 2)}\n`);
    console.log(`results written to ${values.json}`);
  }
}

/** The Python peers: framework and thread count. */
const PYTHON_PEERS: Record<string, { framework: PythonFramework; threads: number } | undefined> = {
  'pytorch-1t': { framework: 'torch', threads: 1 },
  'pytorch-2t': { framework: 'torch', threads: 2 },
  'keras-jax-1t': { framework: 'keras', threads: 1 },
  'keras-jax-2t': { framework: 'keras', threads: 2 },
};

function engineThreads(name: string): number {
  return name === 'scratch-wasm-2t' ? 2 : 1;
}

async function createEngine(name: string, model: BenchModel, data: BenchData): Promise<BenchEngine> {
  if (name === 'scratch-wasm' || name === 'scratch-wasm-2t') {
    const kernels = loadWasmKernels('auto', { threads: engineThreads(name) });
    if (!kernels) throw new Error('the wasm kernels do not load here (run `pnpm --filter @backprop/core build`)');
    return createScratchEngine('wasm', model, data, kernels);
  }
  if (name === 'scratch-js') return createScratchEngine('js', model, data);
  if (name === 'jax-js-wasm') return createJaxJsEngine(model, data);
  return createTfjsEngine(name, model, data);
}

/** The engines with the CNN: ours and tfjs's (the Python peers and jax-js run the MLP only). */
const CNN_ENGINES = new Set(['scratch-wasm', 'scratch-wasm-2t', 'scratch-js', 'tfjs-wasm', 'tfjs-cpu', 'tfjs-node', ...Object.keys(PYTHON_PEERS)]);

async function createCnnEngine(name: string, model: BenchModel, data: BenchData): Promise<BenchEngine> {
  if (name === 'scratch-wasm' || name === 'scratch-wasm-2t') {
    const kernels = loadWasmKernels('auto', { threads: engineThreads(name) });
    if (!kernels) throw new Error('the wasm kernels do not load here (run `pnpm --filter @backprop/core build`)');
    return createScratchCnnEngine('wasm', model, data, kernels);
  }
  if (name === 'scratch-js') return createScratchCnnEngine('js', model, data);
  return createTfjsCnnEngine(name, model, data);
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
