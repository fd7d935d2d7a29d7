import { Matrix } from '@backprop/core';
import type { Backend } from '../backend/backend';
import { type BatchReader, indexRange } from '../data/batch-reader';
import { type Logs, RunningMeans } from '../metrics/running-means';
import type { CompiledModel } from './compile-options';
import { ModelStateError } from './model-state-error';
import type { SampleWeighting } from './sample-weighting';

/**
 * Loss and metrics over the samples `indices`, in order, batch by batch in inference mode (no dropout):
 * Keras's `evaluate` and the validation pass of `fit`. The loss is the backend's (`evaluateOnBatch`), by the
 * same code as its training loss.
 */
export async function evaluateBatches(
  backend: Backend,
  reader: BatchReader,
  indices: ArrayLike<number>,
  batchSize: number,
  compiled: CompiledModel,
  outputUnits: number,
  weighting: SampleWeighting | null = null,
): Promise<Logs> {
  const means = new RunningMeans(compiled.metrics);
  const out = new Float32Array(Math.min(batchSize, indices.length) * outputUnits);
  for (let start = 0; start < indices.length; start += batchSize) {
    const end = Math.min(start + batchSize, indices.length);
    const { x, y, rows } = reader.read(indices, start, end, backend, true);
    // No await between filling the batch and using it when the backend answers synchronously: the
    // buffers may be the backend's own, shared with any other call running meanwhile.
    const pred = out.subarray(0, rows * outputUnits);
    // Keras's loss is weighted by sample_weight; its compiled `metrics` are not (only `weighted_metrics` are).
    const answer = backend.evaluateOnBatch(x, y!, rows, pred, weighting?.batch(indices, start, end, y!, outputUnits));
    const loss = isPromise(answer) ? await answer : answer;
    means.add(batchLogs(compiled, y!, pred, rows, outputUnits, loss), rows);
  }
  return means.means();
}

/** The batch's `loss`, as the backend computed it, and every metric of the batch. */
export function batchLogs(compiled: CompiledModel, y: Float32Array, pred: Float32Array, rows: number, units: number, loss: number): Logs {
  const logs: Logs = { loss };
  for (const metric of compiled.metrics) logs[metric.name] = metric.compute(y, pred, rows, units);
  return logs;
}

/** Outputs for every sample, written batch by batch into one Matrix; throws if the backend answers asynchronously. */
export function predictBatchesSync(backend: Backend, reader: BatchReader, batchSize: number, outputUnits: number): Matrix {
  const result = new Matrix(reader.size, outputUnits);
  const all = indexRange(0, reader.size);
  forEachBatch(reader.size, batchSize, (start, end) => {
    const { x, rows } = reader.read(all, start, end, backend, false);
    const answer = backend.predict(x, rows, result.data.subarray(start * outputUnits, end * outputUnits));
    if (isPromise(answer)) {
      answer.catch(() => {});
      throw new ModelStateError(`backend "${backend.name}" predicts asynchronously; use await model.predictAsync(x) instead of model.predict(x)`);
    }
    copyIfElsewhere(answer, result, start, outputUnits);
  });
  return result;
}

/** `predictBatchesSync` for backends that may answer with promises. */
export async function predictBatches(backend: Backend, reader: BatchReader, batchSize: number, outputUnits: number): Promise<Matrix> {
  const result = new Matrix(reader.size, outputUnits);
  const all = indexRange(0, reader.size);
  for (let start = 0; start < reader.size; start += batchSize) {
    const end = Math.min(start + batchSize, reader.size);
    const { x, rows } = reader.read(all, start, end, backend, false);
    const answer = await backend.predict(x, rows, result.data.subarray(start * outputUnits, end * outputUnits));
    copyIfElsewhere(answer, result, start, outputUnits);
  }
  return result;
}

function forEachBatch(size: number, batchSize: number, body: (start: number, end: number) => void): void {
  for (let start = 0; start < size; start += batchSize) body(start, Math.min(start + batchSize, size));
}

/** A backend may ignore `out` and return its own array; then copy it into place. */
function copyIfElsewhere(answer: Float32Array, result: Matrix, start: number, units: number): void {
  const target = result.data.subarray(start * units);
  if (answer.buffer !== target.buffer || answer.byteOffset !== target.byteOffset) result.data.set(answer, start * units);
}

export function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as Promise<T> | null)?.then === 'function';
}
