import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ActivationSpec, Matrix } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { Activation, Dense, Dropout, loadModel, Sequential } from '../index';
import { cyclicOneHot, modelFromTfjsArtifacts, randomInputs, savedFolder, tfjsArtifacts, useTfjsWithTempFolder } from './tfjs-test-bench';

// Interop with TensorFlow.js 4.22 itself (how files reach tfjs and leave it: tfjs-test-bench.ts).

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

/** The activations of a model that do something, in order: a LeakyReLU / ELU layer loads as an Activation layer after a linear Dense. */
function nonLinearActivations(model: Sequential): ActivationSpec[] {
  return model.layers
    .flatMap((l) => ('activation' in l ? [(l as { activation: ActivationSpec }).activation] : []))
    .filter((a) => a.name !== 'linear');
}

describe('TensorFlow.js interop', () => {
  const folder = useTfjsWithTempFolder('backprop-tfjs-');

  it('tf.loadLayersModel reads our model.json + the weights file it names, and predicts the same', async () => {
    const model = new Sequential({ seed: 3 });
    model.add(Dense(16, { inputShape: [12], activation: 'relu' }));
    model.add(Dropout(0.25));
    model.add(Dense(8, { activation: 'tanh', kernelInitializer: 'heNormal' }));
    model.add(Dense(5, { useBias: false }));
    model.add(Activation('softmax'));
    model.compile({ loss: 'categorical_crossentropy', optimizer: 'adam' });
    const x = randomInputs(20, 12, 4);
    const y = cyclicOneHot(20, 5);
    await model.fit(x, y, { epochs: 2, batchSize: 8, verbose: 0 });
    await model.save(`file://${folder()}`);

    const theirs = await tf.loadLayersModel(savedFolder(folder()).handler);
    expect(theirs.layers.map((l) => l.name)).toEqual(model.layers.map((l) => l.name));
    const expected = model.predict(x).data;
    const actual = (theirs.predict(tf.tensor2d(x.data, [20, 12])) as tf.Tensor).dataSync() as Float32Array;
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);
  });

  it('a model built and saved by tfjs loads here with the same predictions', async () => {
    const theirs = tf.sequential();
    theirs.add(tf.layers.dense({ units: 10, inputShape: [6], activation: 'sigmoid' }));
    theirs.add(tf.layers.dropout({ rate: 0.5 }));
    theirs.add(tf.layers.dense({ units: 7, activation: 'elu' }));
    theirs.add(tf.layers.dense({ units: 3, activation: 'linear', useBias: false }));
    theirs.add(tf.layers.activation({ activation: 'softmax' }));
    // A file-writing IOHandler: what tfjs-node's `file://` handler writes.
    await theirs.save({
      save: async (artifacts) => {
        const { weightData, weightSpecs, ...rest } = artifacts;
        const modelJson = { ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] };
        writeFileSync(join(folder(), 'model.json'), JSON.stringify(modelJson));
        writeFileSync(join(folder(), 'weights.bin'), Buffer.from(weightData as ArrayBuffer));
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      },
    });
    const ours = await loadModel(`file://${join(folder(), 'model.json')}`);
    expect(ours.layers.map((l) => `${l.className}:${l.name}`)).toEqual(theirs.layers.map((l) => `${l.getClassName()}:${l.name}`));
    const x = randomInputs(9, 6, 5);
    const expected = (theirs.predict(tf.tensor2d(x.data, [9, 6])) as tf.Tensor).dataSync() as Float32Array;
    expect(maxAbsDiff(ours.predict(x).data, expected)).toBeLessThan(1e-6);
    const kernels = theirs.getWeights().map((w) => w.dataSync() as Float32Array);
    const mine = ours.getWeights().map((w) => (w instanceof Matrix ? w.data : w));
    expect(mine.map((w) => Array.from(w))).toEqual(kernels.map((w) => Array.from(w)));
  });

  it('leakyRelu is written as a LeakyReLU layer that tf.loadLayersModel reads, and loads back here folded into its Dense', async () => {
    const model = new Sequential({ seed: 5 });
    model.add(Dense(12, { inputShape: [7], activation: { name: 'leakyRelu', alpha: 0.2 } }));
    model.add(Dropout(0.1));
    model.add(Dense(9, { name: 'mid' }));
    model.add(Activation({ name: 'leakyRelu', alpha: 0.05 }, { name: 'mid_act' }));
    model.add(Dense(4, { activation: 'softmax' }));
    // Big enough weights that the negative side matters.
    model.setWeights(model.getWeights().map((w) => (w instanceof Matrix ? new Matrix(w.rows, w.cols, w.data.map((v) => v * 3)) : w.map((v) => v + 0.1))));
    await model.save(`file://${folder()}`);

    const { json, handler } = savedFolder(folder());
    const written = json.modelTopology.config.layers.map((l) => [l.class_name, l.config.name, l.config.activation ?? l.config.alpha]);
    expect(written).toEqual([
      ['Dense', model.layers[0].name, 'linear'],
      ['LeakyReLU', 'leaky_re_lu', 0.2],
      ['Dropout', model.layers[1].name, undefined],
      ['Dense', 'mid', 'linear'],
      ['LeakyReLU', 'mid_act', 0.05],
      ['Dense', model.layers[4].name, 'softmax'],
    ]);
    const x = randomInputs(15, 7, 6);
    const expected = model.predict(x).data;
    const theirs = await tf.loadLayersModel(handler);
    expect(theirs.layers.map((l) => l.getClassName())).toEqual(['Dense', 'LeakyReLU', 'Dropout', 'Dense', 'LeakyReLU', 'Dense']);
    const actual = (theirs.predict(tf.tensor2d(x.data, [15, 7])) as tf.Tensor).dataSync() as Float32Array;
    expect(maxAbsDiff(actual, expected)).toBeLessThan(1e-6);

    const ours = await loadModel(`file://${folder()}`);
    expect(nonLinearActivations(ours)).toEqual([
      { name: 'leakyRelu', alpha: 0.2 },
      { name: 'leakyRelu', alpha: 0.05 },
      { name: 'softmax', alpha: 0 },
    ]);
    expect(maxAbsDiff(ours.predict(x).data, expected)).toBeLessThan(1e-6);
  });

  it('a tfjs model with LeakyReLU and ELU layers loads here with the same predictions', async () => {
    const theirs = tf.sequential();
    theirs.add(tf.layers.dense({ units: 8, inputShape: [5] }));
    theirs.add(tf.layers.leakyReLU({ alpha: 0.15 }));
    theirs.add(tf.layers.dense({ units: 6 }));
    theirs.add(tf.layers.elu());
    theirs.add(tf.layers.dense({ units: 3 }));
    theirs.add(tf.layers.leakyReLU());
    const ours = modelFromTfjsArtifacts(await tfjsArtifacts(theirs));
    expect(nonLinearActivations(ours)).toEqual([
      { name: 'leakyRelu', alpha: 0.15 },
      { name: 'elu', alpha: 1 },
      // tfjs's default slope, 0.3, as Keras 2's.
      { name: 'leakyRelu', alpha: 0.3 },
    ]);
    const x = randomInputs(11, 5, 7);
    const expected = (theirs.predict(tf.tensor2d(x.data, [11, 5])) as tf.Tensor).dataSync() as Float32Array;
    expect(maxAbsDiff(ours.predict(x).data, expected)).toBeLessThan(1e-6);
  });

  it('elu with alpha ≠ 1 round-trips here as an ELU layer; tfjs refuses it (porting note: its ELU layer only takes alpha 1)', async () => {
    const model = new Sequential({ seed: 8, layers: [Dense(6, { inputShape: [4], activation: { name: 'elu', alpha: 0.5 } }), Dense(2)] });
    model.setWeights(model.getWeights().map((w) => (w instanceof Matrix ? new Matrix(w.rows, w.cols, w.data.map((v) => v * 3)) : w)));
    await model.save(`file://${folder()}`);
    const { json, handler } = savedFolder(folder());
    expect(json.modelTopology.config.layers.map((l) => [l.class_name, l.config.activation ?? l.config.alpha])).toEqual([
      ['Dense', 'linear'],
      ['ELU', 0.5],
      ['Dense', 'linear'],
    ]);
    await expect(tf.loadLayersModel(handler)).rejects.toThrow(/Non-default alpha value \(0\.5\) is not supported/);

    const ours = await loadModel(`file://${folder()}`);
    expect(nonLinearActivations(ours)[0]).toEqual({ name: 'elu', alpha: 0.5 });
    const x = randomInputs(10, 4, 9);
    expect(maxAbsDiff(ours.predict(x).data, model.predict(x).data)).toBe(0);
  });
});
