import { classificationReport, confusionMatrix, precisionRecallF1 } from '@backprop/core';
import type { BenchResults, EngineResult } from './results-schema';

/**
 * A small, valid results document for tests: 200 test samples where each engine gets a known set
 * of them wrong, so the confusion matrix, report and misclassified list agree with each other.
 */

const TEST_SIZE = 200;

/** True labels 0..9 repeating; engine `wrongEvery` mislabels every n-th sample as (label + 1) % 10. */
function engineResult(engine: 'scratch' | 'tfjs', backend: string, wrongEvery: number, secondsPerEpoch: number): EngineResult {
  const yTrue = Array.from({ length: TEST_SIZE }, (_, i) => i % 10);
  const yPred = yTrue.map((label, i) => (i % wrongEvery === 0 ? (label + 1) % 10 : label));
  const misclassified = yTrue
    .map((label, index) => ({ index, label, predicted: yPred[index] }))
    .filter((m) => m.label !== m.predicted);
  const scores = precisionRecallF1(yTrue, yPred, 10);
  const epochs = 3;
  return {
    engine,
    backend,
    epochs,
    secondsPerEpoch,
    samplesPerSecond: 600 / secondsPerEpoch,
    trainLoss: engine === 'scratch' ? 0.31 : 0.29,
    testLoss: engine === 'scratch' ? 0.35 : 0.33,
    testAccuracy: scores.accuracy,
    macroF1: scores.macroAvg.f1,
    history: {
      epoch: [1, 2, 3],
      loss: engine === 'scratch' ? [1.2, 0.6, 0.31] : [1.1, 0.55, 0.29],
      accuracy: [0.7, 0.85, 0.9],
      val_loss: engine === 'scratch' ? [1.0, 0.5, 0.35] : [0.9, 0.45, 0.33],
      val_accuracy: [0.72, 0.84, scores.accuracy],
    },
    confusionMatrix: confusionMatrix(yTrue, yPred, 10),
    classificationReport: classificationReport(yTrue, yPred, { numClasses: 10 }),
    misclassified,
    interrupted: false,
  };
}

export function benchResultsFixture(): BenchResults {
  return {
    schemaVersion: 1,
    createdAt: '2025-01-02T03:04:05.678Z',
    command: 'backprop-mnist bench --limit 800 --epochs 3',
    settings: {
      preset: 'modern',
      epochs: 3,
      batchSize: 128,
      learningRate: 0.001,
      optimizer: 'adam',
      layers: [784, 256, 128, 10],
      activation: 'relu',
      seed: 42,
      limit: 800,
      trainSize: 600,
      testSize: TEST_SIZE,
      dataDir: null,
    },
    environment: {
      node: 'v20.20.2',
      platform: 'linux',
      arch: 'x64',
      cpu: 'Example CPU @ 2.00GHz',
      cpus: 2,
      memoryGiB: 24,
      tfjsBackend: 'wasm',
      tfjsSkipped: ['node: @tensorflow/tfjs-node is not installed'],
      kernels: 'wasm',
    },
    results: [
      engineResult('scratch', 'scratch (wasm kernels)', 10, 0.5),
      engineResult('tfjs', 'tfjs 4.22.0 (wasm, SIMD)', 8, 26.15),
    ],
    speedRatio: 52.3,
    parity: {
      optimizer: 'sgd 0.01',
      steps: 50,
      batchSize: 128,
      maxWeightDiff: 2.1e-7,
      maxLossRelativeDiff: 4.6e-7,
      lossDigitsAgreed: 6.3,
      passed: true,
      failures: [],
      engines: { scratch: 'scratch (wasm kernels)', tfjs: 'tfjs 4.22.0 (wasm, SIMD)' },
    },
  };
}
