import { ArgumentError, ClassLabelError, oneHotInto, ShapeError } from '@backprop/core';
import type { Backend } from '../backend/backend';
import type { ResolvedLoss } from '../losses/loss-resolution';
import { describeOutput, type ModelPlan } from '../model/model-plan';
import type { BatchSource } from './batch-source';

/** One batch, as exact-length views: `rows` × input width and `rows` × output units. */
export interface Batch {
  readonly x: Float32Array;
  readonly y: Float32Array | null;
  readonly rows: number;
}

/**
 * Reads batches from a source into reused buffers — the backend's own when it offers them (no copy
 * later), else the reader's — and one-hot encodes class labels per batch for sparse losses, so a
 * backend only ever sees one-hot targets. Checks the source against the model first, naming the
 * layer and both widths, as Keras's `data_adapter` does.
 */
export class BatchReader {
  private ownX = new Float32Array(0);
  private ownY = new Float32Array(0);
  private labels = new Float32Array(0);

  constructor(
    readonly source: BatchSource,
    private readonly plan: ModelPlan,
    private readonly loss: ResolvedLoss | null,
    withTargets: boolean,
    what = 'x',
  ) {
    const { first, inputSize, outputUnits } = plan;
    if (!Number.isInteger(source.size) || source.size <= 0) throw new ArgumentError(`${what} must hold at least one sample, got ${source.size}`);
    if (source.inputSize !== inputSize) {
      throw new ShapeError(`${first.className} "${first.name}" expects input of width ${inputSize}, got ${source.inputSize}${what === 'x' ? '' : ` (${what})`}`);
    }
    if (!withTargets) return;
    const width = source.outputSize;
    const lossName = loss?.name ?? 'loss';
    if (width === 0) throw new ArgumentError(`${what}: targets (y) are required for training and evaluation, got none`);
    if (loss?.sparse) {
      if (width !== 1) {
        throw new ShapeError(
          `loss "${lossName}" expects integer class labels (width 1), got targets of width ${width}${what === 'x' ? '' : ` (${what})`}; use "categorical_crossentropy" for one-hot targets`,
        );
      }
    } else if (width === 1 && outputUnits > 1) {
      throw new ShapeError(
        `${plan.last.className} "${plan.last.name}" outputs ${outputUnits} values per sample but y has width 1 (class labels?); loss "${lossName}" expects one-hot targets of width ${outputUnits}: use loss "sparse_categorical_crossentropy" for integer labels, or one-hot encode y`,
      );
    } else if (width !== outputUnits) {
      throw new ShapeError(`${describeOutput(plan)}, so y must have width ${outputUnits}, got ${width}${what === 'x' ? '' : ` (${what})`}`);
    }
  }

  get size(): number {
    return this.source.size;
  }

  /** Samples `indices[start … end)`, with targets when `withTargets`. */
  read(indices: ArrayLike<number>, start: number, end: number, backend: Backend, withTargets: boolean): Batch {
    const rows = end - start;
    const { inputSize, outputUnits } = this.plan;
    const useBackend = backend.inputBuffer !== undefined && backend.targetBuffer !== undefined;
    const xBuffer = useBackend ? backend.inputBuffer!(rows) : this.grow('ownX', rows * inputSize);
    const yBuffer = !withTargets ? null : useBackend ? backend.targetBuffer!(rows) : this.grow('ownY', rows * outputUnits);
    const x = xBuffer.subarray(0, rows * inputSize);
    if (!yBuffer) {
      this.source.readBatch(indices, start, end, x, null);
      return { x, y: null, rows };
    }
    const y = yBuffer.subarray(0, rows * outputUnits);
    if (this.loss?.sparse) {
      const labels = this.grow('labels', rows).subarray(0, rows);
      this.source.readBatch(indices, start, end, x, labels);
      this.oneHot(labels, y, indices, start);
    } else {
      this.source.readBatch(indices, start, end, x, y);
    }
    return { x, y, rows };
  }

  /**
   * Keras's sparse losses take integer labels; encode them as one-hot rows (`to_categorical`) for the
   * backend with core's `oneHotInto`, naming the sample and the output layer when a label is out of range.
   */
  private oneHot(labels: Float32Array, y: Float32Array, indices: ArrayLike<number>, start: number): void {
    const units = this.plan.outputUnits;
    try {
      oneHotInto(labels, units, y);
    } catch (error) {
      if (!(error instanceof ClassLabelError)) throw error;
      throw new ArgumentError(
        `y[${indices[start + error.index]}] must be an integer class label in 0..${units - 1} (${describeOutput(this.plan)}), got ${error.value}`,
      );
    }
  }

  private grow(which: 'ownX' | 'ownY' | 'labels', length: number): Float32Array {
    if (this[which].length < length) this[which] = new Float32Array(length);
    return this[which];
  }
}

/** 0, 1, …, n − 1 offset by `start`: the indices of an unshuffled pass over rows [start, start + n). */
export function indexRange(start: number, n: number): Uint32Array {
  const out = new Uint32Array(n);
  for (let i = 0; i < n; i++) out[i] = start + i;
  return out;
}
