import { argMaxRows, classificationReport, accuracy, Matrix, minMaxScale, NeuralNetwork, oneHot, trainTestSplit } from '@backprop/core';
import { loadDigits } from '@backprop/datasets';

export interface DigitsRun {
  accuracy: number;
  report: string;
  seconds: number;
}

/**
 * The tutorial's digits run: min/max-scale the 8×8 pixels, split 75/25, one-hot the labels, train
 * NeuralNetwork([64, 32, 16, 10]) one sample at a time, then report on the test set.
 */
export function trainDigits(options: { epochs: number; seed: number; alpha?: number; logger?: (line: string) => void }): DigitsRun {
  const digits = loadDigits();
  const x = minMaxScale(Matrix.from(digits.features));
  const { xTrain, xTest, yTrain, yTest } = trainTestSplit(x, Array.from(digits.labels), { testSize: 0.25, seed: options.seed });
  const started = Date.now();
  const nn = new NeuralNetwork([64, 32, 16, 10], { alpha: options.alpha ?? 0.1, seed: options.seed });
  nn.fit(xTrain, oneHot(yTrain, 10), { epochs: options.epochs, displayUpdate: 100, logger: options.logger });
  const predicted = Array.from(argMaxRows(nn.predict(xTest)));
  const seconds = (Date.now() - started) / 1000;
  return { accuracy: accuracy(yTest, predicted), report: classificationReport(yTest, predicted), seconds };
}
