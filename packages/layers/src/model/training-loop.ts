import type { Rng } from '@backprop/core';
import type { Backend } from '../backend/backend';
import type { CallbackList } from '../callbacks/callback-list';
import type { BatchReader } from '../data/batch-reader';
import { type Logs, RunningMeans } from '../metrics/running-means';
import type { CompiledModel } from './compile-options';
import { batchLogs, evaluateBatches, isPromise } from './evaluation-loop';
import { EventLoopYield } from './event-loop-yield';
import type { DropoutMaskDrawer } from './dropout-masks';
import type { NormalizedFitOptions } from './fit-options';
import { checkBatchFinite } from './non-finite-batch';
import type { SampleWeighting } from './sample-weighting';

/** Everything one `fit` call needs, settled and checked by `Sequential.fit`. */
export interface TrainingRun {
  readonly backend: Backend;
  readonly compiled: CompiledModel;
  readonly outputUnits: number;
  readonly train: BatchReader;
  /** Indices of the training samples (all but the validation split), in their starting order. */
  readonly trainIndices: Uint32Array;
  readonly validation: { readonly reader: BatchReader; readonly indices: Uint32Array; readonly weighting?: SampleWeighting | null } | null;
  /** Per-sample loss weights (`sampleWeight` / `classWeight`), or null. */
  readonly weighting: SampleWeighting | null;
  readonly options: NormalizedFitOptions;
  readonly shuffleRng: Rng;
  /** Draws each batch's dropout masks for the backend. */
  readonly masks: DropoutMaskDrawer;
  readonly callbacks: CallbackList;
  readonly model: { stopTraining: boolean };
}

/**
 * The training loop the facade owns for every backend (Keras's `Trainer.fit`): per epoch a seeded
 * shuffle, batches in that order through `backend.trainOnBatch`, running means of loss and metrics,
 * a validation pass, and the callbacks around each step. Returns the last epoch's logs.
 */
export async function runTraining(run: TrainingRun): Promise<Logs> {
  const { backend, compiled, outputUnits, train, validation, options, callbacks, model } = run;
  const order = run.trainIndices.slice();
  const { batchSize } = options;
  const preStep = new Float32Array(batchSize * outputUnits);
  let epochLogs: Logs = {};
  const eventLoop = new EventLoopYield();
  await callbacks.onTrainBegin({});
  for (let epoch = options.initialEpoch; epoch < options.epochs && !model.stopTraining; epoch++) {
    await callbacks.onEpochBegin(epoch, {});
    if (options.shuffle) run.shuffleRng.shuffle(order);
    const means = new RunningMeans(compiled.metrics);
    for (let batch = 0, start = 0; start < order.length; batch++, start += batchSize) {
      const end = Math.min(start + batchSize, order.length);
      const rows = end - start;
      await callbacks.onBatchBegin(batch, { batch, size: rows });
      const { x, y } = train.read(order, start, end, backend, true);
      checkBatchFinite(x, y, rows, { epoch, batch, indices: order, start });
      // Keras computes training metrics from the forward pass of the step itself (weights before the
      // update). A backend without `lastTrainOutputs` costs one more forward pass, run before the step
      // so it sees the same weights (in inference mode: without dropout).
      let before: Float32Array | null = null;
      if (compiled.metrics.length > 0 && !backend.lastTrainOutputs) {
        const answer = backend.predict(x, rows, preStep.subarray(0, rows * outputUnits));
        before = isPromise(answer) ? await answer : answer;
      }
      // Await only a real promise, so a synchronous backend's shared buffers are used before anything else runs.
      const weights = run.weighting?.batch(order, start, end, y!, outputUnits);
      const answer = backend.trainOnBatch(x, y!, rows, run.masks.draw(rows), weights);
      const loss = isPromise(answer) ? await answer : answer;
      let logs: Logs;
      if (compiled.metrics.length === 0) {
        logs = { loss };
      } else if (!Number.isFinite(loss)) {
        // Metrics of a diverged batch are meaningless (and argmax of NaN throws); TerminateOnNaN reports it.
        logs = { loss, ...Object.fromEntries(compiled.metrics.map((m) => [m.name, Number.NaN])) };
      } else {
        logs = batchLogs(compiled, y!, before ?? backend.lastTrainOutputs!(rows), rows, outputUnits, loss);
      }
      means.add(logs, rows);
      await callbacks.onBatchEnd(batch, { batch, size: rows, ...means.means() });
      const turn = eventLoop.maybeYield();
      if (turn) await turn;
      if (model.stopTraining) break;
    }
    epochLogs = means.means();
    if (validation) {
      const val = await evaluateBatches(backend, validation.reader, validation.indices, batchSize, compiled, outputUnits, validation.weighting);
      for (const [key, value] of Object.entries(val)) epochLogs[`val_${key}`] = value;
    }
    await callbacks.onEpochEnd(epoch, epochLogs);
  }
  await callbacks.onTrainEnd(epochLogs);
  return epochLogs;
}
