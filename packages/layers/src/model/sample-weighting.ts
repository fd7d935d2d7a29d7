import { ArgumentError, describeValue, NonFiniteError, ShapeError } from '@backprop/core';
import { numberList } from '../data/sample-data';

/** `classWeight` of `fit`: class index → weight (Keras's `class_weight` dict; tfjs's `classWeight`). */
export type ClassWeight = Readonly<Record<number, number>>;

/** The per-sample weights of one `fit` or `evaluate`, handed to the backend batch by batch. */
export interface SampleWeighting {
  /**
   * Weights of samples `indices[start … end)`, whose (one-hot or single-column) targets are `y`, rows ×
   * `units` values, into a reused buffer.
   */
  batch(indices: ArrayLike<number>, start: number, end: number, y: Float32Array, units: number): Float32Array;
  /** Whether the validation rows of a `validationSplit` are weighted too (Keras splits `sample_weight` with x and y). */
  readonly splitsWithData: boolean;
}

/**
 * `sampleWeight` (one weight per sample) or `classWeight` (one per class) as a SampleWeighting; null for
 * neither. Keras 3 refuses both at once ("You cannot `class_weight` and `sample_weight` at the same time",
 * keras/src/trainers/data_adapters/array_data_adapter.py), and so does this. Every weight must be finite
 * and ≥ 0; `sampleWeight` must hold exactly `samples` weights.
 */
export function sampleWeighting(sampleWeight: unknown, classWeight: unknown, samples: number, units: number, call: string): SampleWeighting | null {
  if (sampleWeight !== undefined && classWeight !== undefined) {
    throw new ArgumentError(`${call}: you cannot give classWeight and sampleWeight at the same time (Keras refuses it too); fold the class weights into sampleWeight`);
  }
  if (sampleWeight !== undefined) return perSample(checkWeights(numberList(sampleWeight, `${call} sampleWeight`), `${call} sampleWeight`, samples));
  if (classWeight !== undefined) return perClass(classWeights(classWeight, units, call));
  return null;
}

function checkWeights(weights: Float32Array, name: string, samples: number): Float32Array {
  if (weights.length !== samples) throw new ShapeError(`${name} must hold one weight per sample (${samples}), got ${weights.length}`);
  weights.forEach((w, i) => {
    if (!Number.isFinite(w)) throw new NonFiniteError(`${name}[${i}] must be a finite number, got ${w}`);
    if (w < 0) throw new ArgumentError(`${name}[${i}] must be >= 0, got ${w}`);
  });
  return weights;
}

function perSample(weights: Float32Array): SampleWeighting {
  let buffer = new Float32Array(0);
  return {
    splitsWithData: true,
    batch(indices, start, end) {
      if (buffer.length < end - start) buffer = new Float32Array(end - start);
      for (let r = start; r < end; r++) buffer[r - start] = weights[indices[r]];
      return buffer.subarray(0, end - start);
    },
  };
}

/**
 * Keras 3's `class_weight_to_sample_weights` (keras/src/trainers/data_adapters/data_adapter_utils.py): the class of a
 * sample is the argmax of its one-hot target, or its single target value rounded; a class missing from the
 * dict weighs 1. Sparse labels reach this point one-hot encoded, so their class is their label.
 */
function perClass(weights: Float64Array): SampleWeighting {
  let buffer = new Float32Array(0);
  return {
    // Keras builds the validation split's adapter without class_weight: validation stays unweighted.
    splitsWithData: false,
    batch(_indices, start, end, y, units) {
      const rows = end - start;
      if (buffer.length < rows) buffer = new Float32Array(rows);
      for (let r = 0; r < rows; r++) {
        let cls: number;
        if (units === 1) {
          cls = Math.round(y[r]);
        } else {
          cls = 0;
          for (let j = 1; j < units; j++) if (y[r * units + j] > y[r * units + cls]) cls = j;
        }
        buffer[r] = cls >= 0 && cls < weights.length ? weights[cls] : 1;
      }
      return buffer.subarray(0, rows);
    },
  };
}

/**
 * The dict as a table by class; keys must be class indices of the model's output (0 … units − 1, or 0 / 1 for a
 * single sigmoid output), values finite and ≥ 0. Porting note: Keras ignores keys of classes that never occur;
 * here a key outside the output's classes is an error (it would otherwise do nothing).
 */
function classWeights(value: unknown, units: number, call: string): Float64Array {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ArgumentError(`${call} classWeight must be an object mapping class index to weight, e.g. { 0: 1, 1: 5 }, got ${describeValue(value)}`);
  }
  const classes = Math.max(units, 2);
  const table = new Float64Array(classes).fill(1);
  for (const [key, w] of Object.entries(value)) {
    const cls = Number(key);
    if (!Number.isInteger(cls) || cls < 0 || cls >= classes) {
      throw new ArgumentError(`${call} classWeight keys must be class indices 0..${classes - 1}, got "${key}"`);
    }
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) throw new ArgumentError(`${call} classWeight[${key}] must be a finite number >= 0, got ${describeValue(w)}`);
    table[cls] = w;
  }
  return table;
}
