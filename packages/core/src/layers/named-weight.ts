import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '../errors';

/**
 * One weight tensor of a model, as models exchange them: the facade's description, the backends'
 * `getWeights` / `setWeights`, save and load. A model's weights are a flat list in Keras's
 * `model.get_weights()` order — layer by layer, each layer's weights in its `layer.weights` order
 * (trainable ones first, then non-trainable ones, as Keras creates them: kernel, bias; BatchNormalization's
 * gamma, beta, moving_mean, moving_variance). tfjs's `model.getWeights()` lists them in the same order.
 */
export interface NamedWeight {
  /** `<layer name>/<weight name>`, as model.json's weights manifest names it: `dense_1/kernel`. */
  name: string;
  /** Keras's shape: [inputs, units] for a Dense kernel, [units] for its bias. */
  shape: number[];
  /** Row-major values, `shapeSize(shape)` of them. */
  values: Float32Array;
  /**
   * Whether training updates it: false for statistics such as BatchNormalization's moving mean and for
   * every weight of a frozen layer (`layer.trainable = false`), as in Keras's `model.trainable_weights`.
   */
  trainable: boolean;
}

/** What a model expects of one weight: its name and shape. */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
}

/**
 * Checks a weight list against what a model expects — the count, then each weight's name, shape, value
 * count and finiteness, by position — before anything is written; `what` names the call in messages
 * (`setWeights`). A name that differs is refused: a list in another order would otherwise load silently
 * into the wrong layers.
 */
export function checkNamedWeights(expected: readonly WeightSpec[], given: readonly NamedWeight[], what: string): void {
  if (!Array.isArray(given) || given.length !== expected.length) {
    throw new ShapeError(
      `${what} expects ${expected.length} weights (${expected.map((w) => w.name).join(', ')}), got ${Array.isArray(given) ? given.length : describeValue(given)}`,
    );
  }
  expected.forEach((spec, i) => {
    const w = given[i];
    if (w === null || typeof w !== 'object') throw new ArgumentError(`${what} weight ${i} must be { name, shape, values, trainable }, got ${describeValue(w)}`);
    if (w.name !== spec.name) throw new ArgumentError(`${what} weight ${i} must be "${spec.name}", got ${describeValue(w.name)}`);
    const shape: readonly number[] = Array.isArray(w.shape) ? w.shape : [];
    if (shape.length !== spec.shape.length || shape.some((d, k) => d !== spec.shape[k])) {
      throw new ShapeError(`${what} weight "${spec.name}" expects shape [${spec.shape.join(', ')}], got ${Array.isArray(w.shape) ? `[${w.shape.join(', ')}]` : describeValue(w.shape)}`);
    }
    const count = spec.shape.reduce((n, d) => n * d, 1);
    if (!w.values || w.values.length !== count) {
      throw new ShapeError(`${what} weight "${spec.name}" [${spec.shape.join(', ')}] expects ${count} values, got ${w.values?.length ?? 0}`);
    }
    for (let k = 0; k < count; k++) {
      if (!Number.isFinite(w.values[k])) throw new NonFiniteError(`${what} weight "${spec.name}" value ${k} must be finite, got ${w.values[k]}`);
    }
  });
}

/** A deep copy (new shape array and values), so a list handed out cannot alias the model's buffers. */
export function copyNamedWeight(w: NamedWeight): NamedWeight {
  return { name: w.name, shape: [...w.shape], values: Float32Array.from(w.values), trainable: w.trainable };
}
