import type { FloatArray } from '../matrix';

/**
 * The per-batch working memory of a `DenseNetwork`: inputs, targets, every layer's pre- and
 * post-activations, dropout masks, and the two gradient buffers of the backward pass. Sized for the
 * largest batch seen and reused, so a training step allocates nothing.
 */
export class BatchBuffers {
  capacity = 0;
  input!: FloatArray;
  target!: FloatArray;
  preActivations: FloatArray[] = [];
  activations: FloatArray[] = [];
  /** Per layer with dropout: the mask of the last training pass (0 or 1 / (1 − rate)) and the masked output. */
  masks: (Float32Array | null)[] = [];
  dropped: (FloatArray | null)[] = [];
  /** ∂loss/∂(layer output) and ∂loss/∂(pre-activation), for the widest layer. */
  deltaA!: FloatArray;
  deltaZ!: FloatArray;

  constructor(
    private readonly allocate: (length: number) => FloatArray,
    private readonly free: (buffer: FloatArray) => void,
    private readonly inputSize: number,
    private readonly layers: readonly { readonly units: number; readonly dropoutRate: number }[],
  ) {}

  /** Make room for `rows` samples (a no-op when there already is). */
  ensure(rows: number): void {
    if (rows <= this.capacity) return;
    this.release();
    const maxUnits = Math.max(this.inputSize, ...this.layers.map((l) => l.units));
    const outputs = this.layers[this.layers.length - 1].units;
    this.input = this.allocate(rows * this.inputSize);
    this.target = this.allocate(rows * outputs);
    this.preActivations = this.layers.map((l) => this.allocate(rows * l.units));
    this.activations = this.layers.map((l) => this.allocate(rows * l.units));
    this.masks = this.layers.map((l) => (l.dropoutRate > 0 ? new Float32Array(rows * l.units) : null));
    this.dropped = this.layers.map((l) => (l.dropoutRate > 0 ? this.allocate(rows * l.units) : null));
    this.deltaA = this.allocate(rows * maxUnits);
    this.deltaZ = this.allocate(rows * maxUnits);
    this.capacity = rows;
  }

  /** Give every buffer back (matters for kernel sets with their own memory). */
  release(): void {
    if (this.capacity === 0) return;
    const dropped = this.dropped.filter((b) => b !== null);
    for (const b of [this.input, this.target, this.deltaA, this.deltaZ, ...this.preActivations, ...this.activations, ...dropped]) {
      this.free(b);
    }
    this.capacity = 0;
  }
}
