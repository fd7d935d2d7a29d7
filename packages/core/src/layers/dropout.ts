import { ArgumentError } from '../errors';
import type { FloatArray } from '../matrix';
import type { Rng } from '../random';
import { BaseLayer, type LayerContext } from './layer';

/**
 * Where dropout masks come from. The network's default draws them from its seeded generator; the
 * facade hands every backend the same masks by supplying its own source.
 */
export interface MaskSource {
  /** Fill `count` values of `mask` with 0 (probability `rate`) or 1 / (1 − rate); `layer` names the Dropout layer. */
  fill(mask: Float32Array, rate: number, count: number, layer: string): void;
}

/** Inverted-dropout masks from a seeded generator, one uniform draw per value. */
export function rngMaskSource(rng: Rng): MaskSource {
  return {
    fill(mask, rate, count) {
      const keep = 1 / (1 - rate);
      for (let i = 0; i < count; i++) mask[i] = rng.uniform() < rate ? 0 : keep;
    },
  };
}

/** Keras's Dropout config. */
export interface DropoutConfig {
  readonly name?: string;
  readonly rate: number;
}

/**
 * Inverted dropout during training only (Srivastava et al., 2014; Keras's `Dropout`): each input value
 * is zeroed with probability `rate` and the rest scaled by 1 / (1 − rate); inference passes the input
 * through. The mask comes from the network's `MaskSource`. Plain loops: it is not a hot path.
 * Porting note: no per-layer `seed` or `noiseShape`.
 */
export class Dropout extends BaseLayer {
  readonly className = 'Dropout';
  readonly rate: number;
  private mask = new Float32Array(0);
  /** Whether the last forward pass applied a mask (training with rate > 0). */
  private masked = false;

  constructor(config: DropoutConfig, defaultName = 'dropout') {
    super(config.name ?? defaultName);
    if (!(typeof config.rate === 'number' && config.rate >= 0 && config.rate < 1)) {
      throw new ArgumentError(`Dropout "${this.name}" rate must be a number in [0, 1), got ${JSON.stringify(config.rate)}`);
    }
    this.rate = config.rate;
  }

  protected setUp(inputShape: readonly number[], _context: LayerContext): readonly number[] {
    return inputShape;
  }

  protected override bufferWidths(): readonly number[] {
    return [this.inputWidth];
  }

  override ensureCapacity(rows: number): void {
    if (rows <= this.capacity) return;
    super.ensureCapacity(rows);
    this.mask = new Float32Array(rows * this.inputWidth);
  }

  /** The mask of the last training pass (0 or 1 / (1 − rate) per value). */
  get lastMask(): Float32Array {
    return this.mask;
  }

  forward(x: FloatArray, rows: number, training: boolean): FloatArray {
    this.masked = training && this.rate > 0;
    if (!this.masked) return x;
    const n = rows * this.inputWidth;
    this.built().masks.fill(this.mask, this.rate, n, this.name);
    const out = this.buffers[0];
    for (let i = 0; i < n; i++) out[i] = x[i] * this.mask[i];
    return out;
  }

  /** Through the same mask, in place: ∂input = ∂output ⊙ mask. */
  backward(dy: FloatArray, rows: number, inputGradient: boolean): FloatArray | null {
    if (!inputGradient) return null;
    if (this.masked) {
      const n = rows * this.inputWidth;
      for (let i = 0; i < n; i++) dy[i] *= this.mask[i];
    }
    return dy;
  }
}
