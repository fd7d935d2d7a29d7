import { oneHotLabels, toFloat32Batch, type ImageSet } from '@backprop/datasets';

/**
 * MNIST as a batch source for the facade: the images stay bytes (47 MB for 60,000), and each batch is
 * converted to floats in [0, 1] and one-hot targets straight into the facade's reused buffers.
 * `rows` selects the images of this source (a split or a subset) without copying them.
 */
export class MnistSource {
  readonly size: number;
  readonly inputSize: number;
  readonly outputSize: number;
  private readonly picked: Uint32Array;
  /** Image indices of the batch being read; grown once, then reused (no allocation per batch). */
  private selection = new Uint32Array(0);

  constructor(
    readonly set: ImageSet,
    rows?: ArrayLike<number>,
  ) {
    this.picked = rows ? Uint32Array.from(rows) : Uint32Array.from({ length: set.count }, (_, i) => i);
    this.size = this.picked.length;
    this.inputSize = set.rows * set.cols;
    this.outputSize = set.numClasses;
  }

  /** Image index (in `set`) of this source's i-th sample. */
  imageIndex(i: number): number {
    return this.picked[i];
  }

  /** The label of this source's i-th sample. */
  label(i: number): number {
    return this.set.labels[this.picked[i]];
  }

  readBatch(indices: ArrayLike<number>, start: number, end: number, x: Float32Array, y: Float32Array | null): void {
    const n = end - start;
    if (this.selection.length < n) this.selection = new Uint32Array(n);
    // A view of the reused buffer when the batch is short (the last one of an epoch).
    const selection = this.selection.length === n ? this.selection : this.selection.subarray(0, n);
    for (let r = start; r < end; r++) selection[r - start] = this.picked[indices[r]];
    toFloat32Batch(this.set, selection, x);
    if (y) oneHotLabels(this.set.labels, selection, this.outputSize, y);
  }
}
