import * as tf from '@tensorflow/tfjs';
import { Adam, type CompileOptions, Dense, loadModel, RMSprop, SGD, Sequential } from '../index';
import type { WeightArray } from '../model/keras-weights';
import { modelFromArtifacts } from './model-from-artifacts';
import { cyclicOneHot, modelFromTfjsArtifacts, ourClassifier, randomInputs, savedFolder, type TwoDenseClassifier, tfjsArtifacts, tfjsClassifier, useTfjsWithTempFolder } from './tfjs-test-bench';

// `model.save(dest, { includeOptimizer: true })` (tfjs-core io.SaveConfig): the optimizer's step count and
// slots are saved after the weights, in group "optimizer" (tfjs-layers LayersModel.save), and restored by
// loadModel, so training resumes exactly.

const x = randomInputs(16, 5, 11);
const y = cyclicOneHot(16, 3);
const CLASSIFIER: TwoDenseClassifier = { inputs: 5, hidden: 8, activation: 'tanh', classes: 3 };

function build(optimizer: CompileOptions['optimizer']): Sequential {
  const model = ourClassifier(CLASSIFIER, 9);
  model.compile({ loss: 'categorical_crossentropy', optimizer, metrics: ['accuracy'] });
  return model;
}

/** `epochs` steps: one batch of all 16 rows per epoch, not shuffled, so two runs see the same batches. */
async function train(model: Sequential, epochs: number): Promise<void> {
  await model.fit(x, y, { epochs, batchSize: 16, shuffle: false, verbose: 0 });
}

const flat = (weights: WeightArray[]) => weights.flatMap((w) => Array.from(w instanceof Float32Array ? w : w.data));

const optimizers = [
  ['SGD with momentum', () => SGD({ learningRate: 0.1, momentum: 0.9 })],
  ['RMSprop', () => RMSprop({ learningRate: 0.01, momentum: 0.3 })],
  ['Adam', () => Adam(0.02)],
] as const;

describe('includeOptimizer: the optimizer state saved with the weights', () => {
  const folder = useTfjsWithTempFolder('backprop-optimizer-state-');

  it.each(optimizers)('%s: train 3 steps, save, load, train 4 = train 7 steps, bit for bit', async (_, optimizer) => {
    const straight = build(optimizer());
    await train(straight, 7);

    const first = build(optimizer());
    await train(first, 3);
    await first.save(`file://${folder()}`, { includeOptimizer: true });
    const resumed = await loadModel(`file://${folder()}`);
    expect((await resumed.getOptimizerState()).iterations).toBe(3);
    await train(resumed, 4);
    expect(flat(resumed.getWeights())).toEqual(flat(straight.getWeights()));
    // Without the state the loaded model starts a fresh optimizer, and the weights part.
    await first.save(`file://${folder()}`);
    const fresh = await loadModel(`file://${folder()}`);
    await train(fresh, 4);
    expect(flat(fresh.getWeights())).not.toEqual(flat(straight.getWeights()));
  });

  it('lays the state out as tfjs does: iter (int32), then each slot kind over every weight, named as tfjs names them', async () => {
    const model = build(Adam(0.02));
    await train(model, 2);
    await model.save(`file://${folder()}`, { includeOptimizer: true });
    const optimizer = savedFolder(folder()).json.weightsManifest[0].weights.filter((w) => w.group === 'optimizer');
    const [d1, d2] = model.layers.map((l) => l.name);
    expect(optimizer).toEqual([
      { name: 'iter', shape: [], dtype: 'int32', group: 'optimizer' },
      ...['m', 'v'].flatMap((slot) => [
        { name: `${d1}/kernel/${slot}`, shape: [5, 8], dtype: 'float32', group: 'optimizer' },
        { name: `${d1}/bias/${slot}`, shape: [8], dtype: 'float32', group: 'optimizer' },
        { name: `${d2}/kernel/${slot}`, shape: [8, 3], dtype: 'float32', group: 'optimizer' },
        { name: `${d2}/bias/${slot}`, shape: [3], dtype: 'float32', group: 'optimizer' },
      ]),
    ]);
  });

  // tfjs restores by position (Adam/RMSProp/Momentum setWeights slice the list), so our layout must be its own.
  it.each([
    ['SGD with momentum', () => SGD({ learningRate: 0.1, momentum: 0.9 })],
    ['RMSprop', () => RMSprop({ learningRate: 0.01, momentum: 0.3 })],
    ['Adam', () => Adam(0.02)],
  ] as const)('%s: tf.loadLayersModel restores our optimizer state, and tfjs then trains on as we do', async (_, optimizer) => {
    const ours = build(optimizer());
    await train(ours, 3);
    await ours.save(`file://${folder()}`, { includeOptimizer: true });
    const theirs = await tf.loadLayersModel(savedFolder(folder()).handler);
    expect(theirs.optimizer.iterations).toBe(3);
    const saved = await theirs.optimizer.getWeights();
    const state = await ours.getOptimizerState();
    expect(saved.map((w) => w.name)).toEqual(['iter', ...state.variables.map((v) => v.name)]);
    saved.forEach((w, i) => {
      if (i > 0) expect(Array.from(w.tensor.dataSync())).toEqual(Array.from(state.variables[i - 1].values));
    });
    // Four more steps in both engines from the same state: the same weights up to float32 rounding.
    await train(ours, 4);
    await theirs.fit(tf.tensor2d(x.data, [16, 5]), tf.tensor2d(y.data, [16, 3]), { epochs: 4, batchSize: 16, shuffle: false, verbose: 0 });
    const theirWeights = theirs.getWeights().flatMap((t) => Array.from(t.dataSync()));
    const ourWeights = flat(ours.getWeights());
    theirWeights.forEach((v, i) => expect(Math.abs(v - ourWeights[i])).toBeLessThan(1e-5));
    theirs.dispose();
  });

  it('a model saved by tfjs with includeOptimizer loads here with its optimizer state, and trains on as tfjs does', async () => {
    const theirs = tfjsClassifier(CLASSIFIER);
    theirs.compile({ optimizer: tf.train.adam(0.02), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const xs = tf.tensor2d(x.data, [16, 5]);
    const ys = tf.tensor2d(y.data, [16, 3]);
    await theirs.fit(xs, ys, { epochs: 3, batchSize: 16, shuffle: false, verbose: 0 });
    const ours = modelFromTfjsArtifacts(await tfjsArtifacts(theirs, { includeOptimizer: true }));
    expect((await ours.getOptimizerState()).iterations).toBe(3);
    await train(ours, 4);
    await theirs.fit(xs, ys, { epochs: 4, batchSize: 16, shuffle: false, verbose: 0 });
    const theirWeights = theirs.getWeights().flatMap((t) => Array.from(t.dataSync()));
    const ourWeights = flat(ours.getWeights());
    theirWeights.forEach((v, i) => expect(Math.abs(v - ourWeights[i])).toBeLessThan(1e-5));
    theirs.dispose();
    tf.dispose([xs, ys]);
  });

  it('malformed optimizer weights are ModelFormatErrors naming the file', async () => {
    const model = build(Adam(0.02));
    await train(model, 1);
    await model.save(`file://${folder()}`, { includeOptimizer: true });
    const { json, bytes: bin } = savedFolder(folder());
    const weights = json.weightsManifest[0].weights;
    const load = (changed: object, bytes = bin) => () => modelFromArtifacts({ ...json, weightsManifest: [{ ...json.weightsManifest[0], weights }], ...changed }, () => bytes, 'saved.json');
    expect(load({ trainingConfig: undefined })).toThrow('saved.json: the manifest has optimizer weights but model.json has no trainingConfig');
    const renamed = weights.map((w) => (w.name === 'iter' ? { ...w, name: 'iterations' } : w));
    expect(() => modelFromArtifacts({ ...json, weightsManifest: [{ ...json.weightsManifest[0], weights: renamed }] }, () => bin, 'saved.json')).toThrow(
      /saved\.json: the optimizer weights need "iter"/,
    );
    const int32Kernel = weights.map((w, i) => (i === 0 ? { ...w, dtype: 'int32' } : w));
    expect(() => modelFromArtifacts({ ...json, weightsManifest: [{ ...json.weightsManifest[0], weights: int32Kernel }] }, () => bin, 'saved.json')).toThrow(
      /must be unquantized float32 \(int32 only for optimizer weights\)/,
    );
    // One slot too many: 9 slots cannot be matched by position to the model's 4 weights.
    const extra = [...weights, { name: 'other/kernel/m', shape: [1], dtype: 'float32', group: 'optimizer' }];
    const longer = new Uint8Array(bin.length + 4);
    longer.set(bin);
    expect(() => modelFromArtifacts({ ...json, weightsManifest: [{ ...json.weightsManifest[0], weights: extra }] }, () => longer, 'saved.json')).toThrow(
      /saved\.json: optimizer weights "other\/kernel\/m" belong to no weight of the model/,
    );
  });

  it('includeOptimizer needs a compiled model, and the config is checked', async () => {
    const model = new Sequential({ seed: 1, layers: [Dense(2, { inputShape: [2] })] });
    await expect(model.save(`file://${folder()}`, { includeOptimizer: true })).rejects.toThrow('model.save with includeOptimizer needs a compiled model');
    await expect(model.save(`file://${folder()}`, { includeOptimiser: true } as never)).rejects.toThrow('Unknown option "includeOptimiser" in model.save config; did you mean "includeOptimizer"?');
    await expect(model.save(`file://${folder()}`, { trainableOnly: true } as never)).rejects.toThrow('trainableOnly in model.save config is not supported yet');
  });
});
