import { Matrix } from '@backprop/core';
import { type CompileOptions, Dense, fitInWorker, SGD, Sequential, type WorkerPort } from '@backprop/layers';
import { loadTrainingData } from './training-data';

/**
 * A 784-64-10 model trained in the worker on the MNIST subset this page serves (public/mnist/, made at
 * build time); returns the model (with the trained weights) and its accuracy on the 500 served test digits.
 */
export async function trainDigitModel(worker: WorkerPort, onEpoch: (epoch: number, loss: number) => void): Promise<{ model: Sequential; testAccuracy: number }> {
  const mnist = await loadTrainingData('mnist');
  const model = new Sequential({ seed: 7 });
  model.add(Dense(64, { inputShape: [784], activation: 'relu' }));
  model.add(Dense(10, { activation: 'softmax' }));
  const compile: CompileOptions = { loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.1, momentum: 0.9 }), metrics: ['accuracy'] };
  await fitInWorker(worker, model, mnist.x, mnist.y, {
    compile,
    epochs: 8,
    batchSize: 32,
    batchEvents: false,
    onProgress: (event) => {
      if (event.type === 'epochEnd') onEpoch(event.epoch + 1, event.logs.loss);
    },
  }).result;
  // The trained weights are on this thread now: compile here too, for evaluate and predict.
  model.compile(compile);
  const testY = new Matrix(mnist.testLabels.length, 10);
  mnist.testLabels.forEach((label, row) => testY.set(row, label, 1));
  const [, testAccuracy] = await model.evaluate(mnist.testX, testY);
  return { model, testAccuracy };
}

/** The ten probabilities for one 28×28 input. */
export function predictDigit(model: Sequential, pixels: Float32Array): number[] {
  return Array.from(model.predict(new Matrix(1, 784, pixels)).data);
}
