import { Matrix } from '@backprop/core';
import { readIdx } from '@backprop/datasets';
import { Callback, Dense, type Logs, SGD, Sequential } from '@backprop/layers';

async function fetchIdx(path: string): Promise<{ data: Uint8Array; dims: number[] }> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  const idx = readIdx(new Uint8Array(await response.arrayBuffer()), { name: path });
  return { data: idx.data as Uint8Array, dims: [...idx.dims] };
}

/** Inputs 0..1 and one-hot targets for `count` images of an IDX pair. */
function toMatrices(images: Uint8Array, labels: Uint8Array): { x: Matrix; y: Matrix } {
  const count = labels.length;
  const x = new Matrix(count, 784, Float32Array.from(images, (v) => v / 255));
  const y = new Matrix(count, 10);
  labels.forEach((label, row) => y.set(row, label, 1));
  return { x, y };
}

/** Hands each epoch's mean loss to the page. */
class EpochReporter extends Callback {
  constructor(private readonly report: (epoch: number, loss: number) => void) {
    super();
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    this.report(epoch + 1, logs.loss);
  }
}

/**
 * A 784-64-10 model trained on the MNIST subset this page serves (public/mnist/, made at build time);
 * returns the model and its accuracy on the 500 served test digits.
 */
export async function trainDigitModel(onEpoch: (epoch: number, loss: number) => void): Promise<{ model: Sequential; testAccuracy: number }> {
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    ['train-images', 'train-labels', 'test-images', 'test-labels'].map((name) => fetchIdx(`./mnist/${name}.idx`)),
  );
  const train = toMatrices(trainImages.data, trainLabels.data);
  const test = toMatrices(testImages.data, testLabels.data);
  const model = new Sequential({ seed: 7 });
  model.add(Dense(64, { inputShape: [784], activation: 'relu' }));
  model.add(Dense(10, { activation: 'softmax' }));
  model.compile({ loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.1, momentum: 0.9 }), metrics: ['accuracy'] });
  await model.fit(train.x, train.y, {
    epochs: 8,
    batchSize: 32,
    verbose: 0,
    callbacks: [new EpochReporter(onEpoch)],
  });
  const [, testAccuracy] = await model.evaluate(test.x, test.y);
  return { model, testAccuracy };
}

/** The ten probabilities for one 28×28 input. */
export function predictDigit(model: Sequential, pixels: Float32Array): number[] {
  return Array.from(model.predict(new Matrix(1, 784, pixels)).data);
}
