import type { TrainingSettings } from '../cli-options';
import type { ParityResult } from '../results/results-schema';
import { SGD } from '@backprop/layers';
import { buildModel, optimizerFor } from './build-model';
import type { MnistData } from './load-data';

/** At most this many training images are converted to floats for the check (25 MB). */
const MAX_ROWS = 8192;

/**
 * The optimizer of the check: the run's own when it is SGD. Adam and RMSprop divide each gradient by
 * its running magnitude, so a near-zero gradient whose sign depends on summation order (float32
 * rounding, which differs between any two BLAS-like implementations) becomes a full-size step of
 * either sign; their trajectories part at the 1e-3 level within tens of steps on MNIST although both
 * engines are right. The check is about the forward/backward math, so those runs check with SGD 0.01
 * (Adam's own parity is tested on the 8×8 digits in @backprop/tfjs-adapter).
 */
function parityOptimizer(settings: TrainingSettings) {
  return settings.optimizer === 'sgd' ? optimizerFor(settings) : SGD(0.01);
}

/**
 * Before the timed runs, train both engines from the run's initial weights on the same MNIST batches
 * for a few steps with `compareEngines` (from @backprop/tfjs-adapter) and report how far their weights
 * and losses drift apart: the evidence that the two columns of the table compute the same thing.
 */
export async function checkParity(settings: TrainingSettings, data: MnistData, steps: number): Promise<ParityResult> {
  const { compareEngines } = await import('@backprop/tfjs-adapter');
  const rows = Math.min(data.train.size, steps * settings.batchSize, MAX_ROWS);
  const x = new Float32Array(rows * data.train.inputSize);
  const y = new Float32Array(rows * data.train.outputSize);
  data.train.readBatch(Uint32Array.from({ length: rows }, (_, i) => i), 0, rows, x, y);
  const model = buildModel(settings, 'scratch');
  const optimizer = parityOptimizer(settings);
  const report = await compareEngines({
    model,
    loss: 'categoricalCrossentropy',
    optimizer,
    x,
    y,
    steps,
    batchSize: Math.min(settings.batchSize, rows),
    seed: settings.seed,
  });
  model.dispose();
  return {
    optimizer: optimizer.momentum > 0 ? `sgd ${optimizer.learningRate} (momentum ${optimizer.momentum})` : `${optimizer.name} ${optimizer.learningRate}`,
    steps,
    batchSize: Math.min(settings.batchSize, rows),
    maxWeightDiff: report.maxWeightDiff,
    maxLossRelativeDiff: report.maxLossRelativeDiff,
    // JSON has no Infinity: null means the losses were identical at every step.
    lossDigitsAgreed: Number.isFinite(report.lossDigitsAgreed) ? report.lossDigitsAgreed : null,
    passed: report.passed,
    failures: [...report.failures],
    engines: { ...report.engines },
  };
}
