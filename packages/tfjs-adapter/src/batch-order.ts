import { Rng } from '@backprop/core';

/** Seeded batch order: a Fisher–Yates permutation of the rows, drawn anew at every pass over the data. */
export class BatchOrder {
  private readonly order: Uint32Array;
  private readonly rng: Rng;
  private cursor: number;

  constructor(
    rows: number,
    private readonly batchSize: number,
    seed: number,
  ) {
    this.order = Uint32Array.from({ length: rows }, (_, i) => i);
    this.rng = new Rng(seed);
    this.cursor = rows;
  }

  /** Copy the next batch's rows into bx / by; a partial last batch is skipped, as both engines see full batches. */
  fill(x: Float32Array, xWidth: number, bx: Float32Array, y: Float32Array, yWidth: number, by: Float32Array): void {
    if (this.cursor + this.batchSize > this.order.length) {
      this.rng.shuffle(this.order);
      this.cursor = 0;
    }
    for (let r = 0; r < this.batchSize; r++) {
      const row = this.order[this.cursor + r];
      bx.set(x.subarray(row * xWidth, (row + 1) * xWidth), r * xWidth);
      by.set(y.subarray(row * yWidth, (row + 1) * yWidth), r * yWidth);
    }
    this.cursor += this.batchSize;
  }
}
