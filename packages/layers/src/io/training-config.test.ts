import { ModelFormatError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { Adam, type CompileOptions, Dense, loadModel, ModelStateError, RMSprop, SGD, Sequential } from '../index';
import { modelFromArtifacts } from './model-from-artifacts';
import { cyclicOneHot, modelFromTfjsArtifacts, ourClassifier, randomInputs, savedFolder, type TwoDenseClassifier, tfjsArtifacts, tfjsClassifier, useTfjsWithTempFolder } from './tfjs-test-bench';

// The training config in model.json, checked against TensorFlow.js 4.22 itself: tfjs-layers'
// `LayersModel.save` writes `trainingConfig` (src/engine/training.ts `getTrainingConfig`) and
// `tf.loadLayersModel` compiles the model from it (`loadTrainingConfig`).

const CLASSIFIER: TwoDenseClassifier = { inputs: 4, hidden: 6, activation: 'relu', classes: 3 };

function data(rows: number, seed: number) {
  return { x: randomInputs(rows, 4, seed), y: cyclicOneHot(rows, 3) };
}

function ourModel(options: CompileOptions): Sequential {
  const model = ourClassifier(CLASSIFIER, 5);
  model.compile(options);
  return model;
}

/** tfjs's own training config for the same compile, from a save with includeOptimizer (tfjs writes it only then). */
async function tfjsTrainingConfig(optimizer: tf.Optimizer, loss: string, metrics: string[]): Promise<unknown> {
  const model = tfjsClassifier(CLASSIFIER);
  model.compile({ optimizer, loss, metrics });
  const { trainingConfig } = await tfjsArtifacts(model, { includeOptimizer: true });
  model.dispose();
  return trainingConfig;
}

describe('training config in model.json (tfjs `trainingConfig`)', () => {
  const folder = useTfjsWithTempFolder('backprop-training-config-');

  it.each([
    ['Adam', () => ({ loss: 'categoricalCrossentropy', optimizer: Adam(0.01), metrics: ['accuracy'] }), () => tf.train.adam(0.01, 0.9, 0.999, 1e-7), 'categoricalCrossentropy', ['accuracy']],
    ['SGD with Nesterov momentum', () => ({ loss: 'mse', optimizer: SGD({ learningRate: 0.1, momentum: 0.9, nesterov: true }), metrics: ['mae', 'acc'] }), () => tf.train.momentum(0.1, 0.9, true), 'meanSquaredError', ['mae', 'acc']],
    ['plain SGD', () => ({ loss: 'categorical_crossentropy', optimizer: SGD(0.05) }), () => tf.train.sgd(0.05), 'categoricalCrossentropy', []],
    ['RMSprop', () => ({ loss: 'categoricalCrossentropy', optimizer: RMSprop({ learningRate: 0.002, rho: 0.8, momentum: 0.5 }), metrics: ['categoricalAccuracy'] }), () => tf.train.rmsprop(0.002, 0.8, 0.5, 1e-7), 'categoricalCrossentropy', ['categoricalAccuracy']],
  ] as const)('%s: written as tfjs writes it; loadModel and tf.loadLayersModel both return it compiled', async (_, options, tfjsOptimizer, tfjsLoss, tfjsMetrics) => {
    const model = ourModel(options() as CompileOptions);
    await model.save(`file://${folder()}`);
    const { json, handler } = savedFolder(folder());
    expect(json.trainingConfig).toEqual(await tfjsTrainingConfig(tfjsOptimizer(), tfjsLoss, [...tfjsMetrics]));

    const loaded = await loadModel(`file://${folder()}`);
    expect(loaded.compileConfig?.optimizer).toEqual(model.compileConfig?.optimizer);
    expect(loaded.compileConfig?.loss.spec).toEqual(model.compileConfig?.loss.spec);
    expect(loaded.compileConfig?.metrics.map((m) => m.name)).toEqual(model.compileConfig?.metrics.map((m) => m.name));
    // Compiled as it was: evaluate works at once and gives the original's numbers.
    const { x, y } = data(9, 1);
    expect(await loaded.evaluate(x, y)).toEqual(await model.evaluate(x, y));

    const theirs = await tf.loadLayersModel(handler);
    const reference = tfjsOptimizer();
    expect(theirs.optimizer.getClassName()).toBe(reference.getClassName());
    expect(theirs.optimizer.getConfig()).toEqual(reference.getConfig());
    expect(theirs.loss).toBe(tfjsLoss);
    expect(theirs.metricsNames).toEqual(['loss', ...tfjsMetrics.map((m) => (m === 'accuracy' ? 'acc' : m))]);
    theirs.dispose();
  });

  it('a model saved uncompiled has no training config and loads uncompiled, as before', async () => {
    const model = new Sequential({ seed: 2, layers: [Dense(3, { inputShape: [4] })] });
    await model.save(`file://${folder()}`);
    expect(savedFolder(folder()).json.trainingConfig).toBeUndefined();
    const loaded = await loadModel(`file://${folder()}`);
    expect(loaded.compileConfig).toBeNull();
    const { x, y } = data(2, 3);
    await expect(loaded.evaluate(x, y)).rejects.toThrow(ModelStateError);
  });

  it('a model.json written by tfjs with a training config loads here compiled with its loss, metrics and optimizer', async () => {
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 3, inputShape: [4], activation: 'softmax', name: 'tfjs_dense' })] });
    model.compile({ optimizer: tf.train.rmsprop(0.003, 0.85, 0.1, 1e-6), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const artifacts = await tfjsArtifacts(model, { includeOptimizer: true });
    model.dispose();
    const ours = modelFromTfjsArtifacts(artifacts);
    expect(ours.compileConfig?.optimizer).toMatchObject({ name: 'rmsprop', learningRate: 0.003, rho: 0.85, momentum: 0.1, epsilon: 1e-6 });
    expect(ours.compileConfig?.loss.spec).toEqual({ name: 'categoricalCrossentropy' });
    expect(ours.compileConfig?.metrics.map((m) => m.name)).toEqual(['accuracy']);
  });

  it('a training config this engine cannot honour is a ModelFormatError naming the file', () => {
    const bytes = new Uint8Array(4 * 6);
    const build = (trainingConfig: unknown) => () =>
      modelFromArtifacts(
        {
          format: 'layers-model',
          modelTopology: { class_name: 'Sequential', config: { name: 'm', layers: [{ class_name: 'Dense', config: { name: 'only', units: 2, batch_input_shape: [null, 2] } }] } },
          weightsManifest: [{ paths: ['w.bin'], weights: [{ name: 'only/kernel', shape: [2, 2], dtype: 'float32' }, { name: 'only/bias', shape: [2], dtype: 'float32' }] }],
          trainingConfig,
        },
        () => bytes,
        'm.json',
      );
    const adam = { class_name: 'Adam', config: { learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } };
    expect(build({ loss: 'mean_squared_error', metrics: [], optimizer_config: adam })().compileConfig?.optimizer).toMatchObject({ name: 'adam', learningRate: 0.01 });
    expect(build({ loss: 'mse', optimizer_config: { class_name: 'RMSProp', config: { learningRate: 0.1, decay: 0.9, momentum: 0, epsilon: 1e-7, centered: true } } })).toThrow(
      'm.json: trainingConfig.optimizer_config: RMSProp centered true is not supported',
    );
    expect(build({ loss: 'mse', optimizer_config: { class_name: 'Adam', config: { learningRate: 0.01, beta_1: 0.9 } } })).toThrow(ModelFormatError);
    expect(build({ loss: 'mse', optimizer_config: adam, loss_weights: [1] })).toThrow('m.json: trainingConfig.loss_weights is not supported');
    expect(build({ loss: 'no_such_loss', optimizer_config: adam })).toThrow(/m\.json: trainingConfig: Unknown loss "no_such_loss"/);
    expect(build({ loss: 'mse', optimizer_config: adam, extra: 1 })).toThrow('m.json: trainingConfig has unknown keys "extra"');
  });
});
