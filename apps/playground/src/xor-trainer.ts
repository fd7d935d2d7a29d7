import { type ActivationOption, Matrix } from '@backprop/core';
import { and, or, xor } from '@backprop/datasets';
import { Adam, Callback, Dense, type Logs, type LossOption, RMSprop, SGD, Sequential } from '@backprop/layers';

export interface XorChoices {
  dataset: 'xor' | 'and' | 'or';
  hidden: number;
  activation: ActivationOption;
  loss: LossOption;
  optimizer: 'adam' | 'sgd' | 'rmsprop';
}

export interface EpochReport {
  epoch: number;
  loss: number;
  /** Rows of the truth table the model gets right (output thresholded at 0.5). */
  correct: number;
  /** Kernels as [inputs][units], per Dense layer. */
  weights: number[][][];
}

const DATASETS = { xor, and, or };
const OPTIMIZERS = { adam: () => Adam(0.05), sgd: () => SGD(0.5), rmsprop: () => RMSprop(0.02) };

/** Train the chosen 2-h-1 network full-batch, reporting every epoch; stops at 4/4 held for 20 epochs or 2,000 epochs. */
export async function trainTruthTable(choices: XorChoices, onEpoch: (report: EpochReport) => void, seed = 1): Promise<EpochReport> {
  const data = DATASETS[choices.dataset]();
  const x = new Matrix(4, 2, Float32Array.from(data.x.flat()));
  const y = new Matrix(4, 1, Float32Array.from(data.y.flat()));
  const model = new Sequential({ seed });
  model.add(Dense(choices.hidden, { inputShape: [2], activation: choices.activation }));
  model.add(Dense(1, { activation: 'sigmoid' }));
  model.compile({ loss: choices.loss, optimizer: OPTIMIZERS[choices.optimizer]() });
  let last: EpochReport = { epoch: 0, loss: Number.NaN, correct: 0, weights: [] };
  let solvedFor = 0;
  const reporter = new (class extends Callback {
    override onEpochEnd(epoch: number, logs: Logs) {
      const out = model.predict(x).data;
      const correct = Array.from(out).filter((p, i) => (p > 0.5 ? 1 : 0) === data.y[i][0]).length;
      const weights = model.getWeights().filter((w): w is Matrix => w instanceof Matrix).map((k) => Array.from({ length: k.rows }, (_, r) => Array.from(k.data.subarray(r * k.cols, (r + 1) * k.cols))));
      last = { epoch: epoch + 1, loss: logs.loss, correct, weights };
      onEpoch(last);
      solvedFor = correct === 4 ? solvedFor + 1 : 0;
      if (solvedFor >= 20) model.stopTraining = true;
    }
  })();
  await model.fit(x, y, { epochs: 2000, batchSize: 4, verbose: 0, callbacks: [reporter] });
  return last;
}
