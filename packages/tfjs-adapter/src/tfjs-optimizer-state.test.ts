import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, Rng } from '@backprop/core';
import { Adam, type CompileOptions, Dense, loadModel, RMSprop, SGD, Sequential, setBackend, type WeightArray } from '@backprop/layers';
import './index'; // registers the `tfjs` backend
import { initTfjs } from './tfjs-runtime';

// Save / load of the training config and the optimizer state (tfjs's `includeOptimizer`) on the tfjs
// backend: its tf.train optimizers keep the slots, read and restored through `optimizer.getWeights()` /
// `setWeights()` (tfjs-core src/optimizers/*_optimizer.ts).

const rng = new Rng(12);
const x = new Matrix(16, 5, Float32Array.from({ length: 80 }, () => rng.uniform(-1, 1)));
const y = new Matrix(16, 3);
for (let r = 0; r < 16; r++) y.set(r, (r * 5) % 3, 1);

function build(optimizer: CompileOptions['optimizer'], backend: string): Sequential {
  const model = new Sequential({ seed: 4 });
  // Fixed layer names, so that two models' states name the same slots alike.
  model.add(Dense(8, { inputShape: [5], activation: 'tanh', name: 'hidden' }));
  model.add(Dense(3, { activation: 'softmax', name: 'out' }));
  model.compile({ loss: 'categorical_crossentropy', optimizer, metrics: ['accuracy'], backend });
  return model;
}

/** `epochs` steps of one unshuffled batch of all 16 rows: two runs see the same batches. */
async function train(model: Sequential, epochs: number): Promise<void> {
  await model.fit(x, y, { epochs, batchSize: 16, shuffle: false, verbose: 0 });
}

const flat = (weights: WeightArray[]) => weights.flatMap((w) => Array.from(w instanceof Float32Array ? w : w.data));

const optimizers = [
  ['SGD with momentum', () => SGD({ learningRate: 0.1, momentum: 0.9 })],
  ['RMSprop', () => RMSprop({ learningRate: 0.01, momentum: 0.3 })],
  ['Adam', () => Adam(0.02)],
] as const;

describe('includeOptimizer on the tfjs backend', () => {
  let dir: string;
  beforeAll(() => initTfjs({ backend: 'cpu' }));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backprop-tfjs-optimizer-state-'));
    // loadModel compiles a model with a training config for the current backend, as compile() without `backend`.
    setBackend('tfjs');
  });
  afterEach(() => {
    setBackend('scratch');
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(optimizers)('%s: train 3 steps, save, load, train 4 = train 7 steps', async (_, optimizer) => {
    const straight = build(optimizer(), 'tfjs');
    await train(straight, 7);
    const first = build(optimizer(), 'tfjs');
    await train(first, 3);
    await first.save(`file://${dir}`, { includeOptimizer: true });
    const resumed = await loadModel(`file://${dir}`);
    expect(resumed.backendName).toBe('tfjs');
    expect(resumed.compileConfig?.optimizer).toEqual(first.compileConfig?.optimizer);
    expect((await resumed.getOptimizerState()).iterations).toBe(3);
    await train(resumed, 4);
    // The same tfjs ops on the same values in the same order: the same numbers.
    expect(flat(resumed.getWeights())).toEqual(flat(straight.getWeights()));
    for (const m of [straight, first, resumed]) m.dispose();
  });

  it.each(optimizers)('%s: the same state, slot for slot, as the scratch engine after the same steps', async (_, optimizer) => {
    const tfjs = build(optimizer(), 'tfjs');
    const scratch = build(optimizer(), 'scratch');
    await train(tfjs, 2);
    await train(scratch, 2);
    const a = await tfjs.getOptimizerState();
    const b = await scratch.getOptimizerState();
    expect(a.iterations).toBe(2);
    expect(a.variables.map((v) => v.name)).toEqual(b.variables.map((v) => v.name));
    a.variables.forEach((v, i) => v.values.forEach((value, j) => expect(Math.abs(value - b.variables[i].values[j])).toBeLessThan(1e-5)));
    tfjs.dispose();
  });

  it('a state saved by the scratch engine resumes on tfjs as the scratch engine resumes it', async () => {
    const scratch = build(Adam(0.02), 'scratch');
    await train(scratch, 3);
    await scratch.save(`file://${dir}`, { includeOptimizer: true });
    const onTfjs = await loadModel(`file://${dir}`);
    await train(onTfjs, 4);
    await train(scratch, 4);
    const ours = flat(scratch.getWeights());
    flat(onTfjs.getWeights()).forEach((v, i) => expect(Math.abs(v - ours[i])).toBeLessThan(1e-5));
    const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    expect(json.trainingConfig.optimizer_config.class_name).toBe('Adam');
    onTfjs.dispose();
  });
});
