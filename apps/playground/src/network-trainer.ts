import type { ActivationOption } from '@backprop/core';
import { Adam, Dense, fitInWorker, type PortableWeight, RMSprop, SGD, Sequential, type WorkerPort } from '@backprop/layers';
import { LayerProbe, type LayerView } from './layer-probe';
import type { TrainingData } from './training-data';

export interface TrainChoices {
  hidden: number;
  activation: ActivationOption;
  /** Cross-entropy (binary for a truth table, categorical for the digits) or mean squared error. */
  loss: 'crossentropy' | 'meanSquaredError';
  optimizer: 'adam' | 'sgd' | 'rmsprop';
}

export interface EpochReport {
  /** 1-based. */
  epoch: number;
  loss: number;
  /** Test rows the model classifies right (a truth table's own four rows), of `total`. */
  correct: number;
  total: number;
  /** Rows: true class, columns: predicted class (for the test rows). */
  confusion: number[][];
  /** Kernels as [inputs][units], per Dense layer (for the network diagram). */
  kernels: number[][][];
  /** Each layer's weights, gradients and activations on the probe rows. */
  layers: LayerView[];
  probeRows: number;
}

const OPTIMIZERS = { adam: () => Adam(0.05), sgd: () => SGD(0.5), rmsprop: () => RMSprop(0.02) };
const DIGIT_OPTIMIZERS = { adam: () => Adam(0.005), sgd: () => SGD({ learningRate: 0.1, momentum: 0.9 }), rmsprop: () => RMSprop(0.002) };

/**
 * Epochs and batch size per dataset. A truth table: full batch, 500 epochs (enough for every optimizer
 * here), ended earlier once solved for 20 epochs — though a worker runs a 4-row epoch far faster than
 * this page draws one, so the stop often arrives after the last epoch.
 */
function schedule(data: TrainingData): { epochs: number; batchSize: number } {
  if (data.imageSide === null) return { epochs: 500, batchSize: 4 };
  // MNIST runs long enough to watch (and to try the Stop button); the 8×8 digits settle in 20 epochs.
  return data.imageSide === 8 ? { epochs: 20, batchSize: 32 } : { epochs: 30, batchSize: 32 };
}

/**
 * Train a one-hidden-layer network on `data` in the worker (fitInWorker), reporting every epoch: the
 * worker posts the epoch's weights, and a LayerProbe on this thread computes accuracy, the confusion
 * matrix, and each layer's activations and gradients from them. A truth table stops once it has been
 * solved for 20 epochs. `run.stop()` ends training after the current batch.
 */
export function trainNetwork(worker: WorkerPort, data: TrainingData, choices: TrainChoices, onEpoch: (report: EpochReport) => void, seed = 1): { result: Promise<EpochReport>; stop(): void } {
  const binary = data.classes === 2;
  const output = binary ? { units: 1, activation: 'sigmoid' as const } : { units: 10, activation: 'softmax' as const };
  const hidden = { units: choices.hidden, activation: choices.activation };
  const loss = choices.loss === 'meanSquaredError' ? 'meanSquaredError' : binary ? 'binaryCrossentropy' : 'categoricalCrossentropy';
  const model = new Sequential({ seed });
  model.add(Dense(hidden.units, { inputShape: [data.x.cols], activation: hidden.activation }));
  model.add(Dense(output.units, { activation: output.activation }));
  // The probe: a truth table's four rows, or the first ten test images.
  const rows = Math.min(binary ? 4 : 10, data.x.rows);
  const probeX = binary ? data.x.data.slice(0, rows * data.x.cols) : data.testX.data.slice(0, rows * data.testX.cols);
  const probeY = binary ? data.y.data.slice(0, rows) : oneHot(data.testLabels.subarray(0, rows), 10);
  const probe = new LayerProbe(data.x.cols, [hidden, output], loss, { x: probeX, y: probeY, rows });
  let last: EpochReport = { epoch: 0, loss: Number.NaN, correct: 0, total: data.testLabels.length, confusion: [], kernels: [], layers: [], probeRows: rows };
  let solvedFor = 0;
  const report = (epoch: number, lossValue: number, weights: readonly PortableWeight[]) => {
    const { layers } = probe.look(weights);
    const { correct, confusion } = probe.classify(data.testX.data, data.testX.rows, data.testLabels, data.classes);
    const kernels = layers.map((l) => Array.from({ length: l.inputs }, (_, r) => Array.from(l.kernel.subarray(r * l.units, (r + 1) * l.units))));
    last = { epoch, loss: lossValue, correct, total: data.testLabels.length, confusion, kernels, layers, probeRows: rows };
    onEpoch(last);
    return last;
  };
  const optimizer = (binary ? OPTIMIZERS : DIGIT_OPTIMIZERS)[choices.optimizer]();
  const run = fitInWorker(worker, model, data.x, data.y, {
    compile: { loss, optimizer },
    ...schedule(data),
    batchEvents: false,
    epochWeights: true,
    onProgress: (event) => {
      if (event.type !== 'epochEnd' || !event.weights) return;
      const { correct, total } = report(event.epoch + 1, event.logs.loss, event.weights);
      solvedFor = binary && correct === total ? solvedFor + 1 : 0;
      if (solvedFor === 20) run.stop();
    },
  });
  const result = run.result.then(
    (done) => {
      // The weights may have moved after the last report if a stop arrived mid-epoch; report them.
      const final = report((done.history.epoch.at(-1) ?? -1) + 1, done.history.history.loss?.at(-1) ?? last.loss, done.weights);
      probe.dispose();
      return final;
    },
    (error: unknown) => {
      probe.dispose();
      throw error;
    },
  );
  return { result, stop: run.stop };
}

function oneHot(labels: Uint8Array, classes: number): Float32Array {
  const out = new Float32Array(labels.length * classes);
  labels.forEach((label, i) => {
    out[i * classes + label] = 1;
  });
  return out;
}
