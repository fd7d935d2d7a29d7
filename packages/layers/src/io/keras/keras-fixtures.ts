import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The fixtures tools/keras-fixtures/make_fixtures.py wrote with real Keras (JAX backend): each model as
 * `<name>.keras` and `<name>.h5`, and Keras's predictions on fixed inputs in `<name>.predictions.json`.
 * Test support only (reads the file system).
 */
export interface KerasPredictions {
  readonly keras_version: string;
  readonly input_shape: number[];
  /** One flattened sample per row. */
  readonly inputs: number[][];
  readonly predictions: number[][];
}

export const FIXTURES_DIR = join(__dirname, 'fixtures');

export function fixtureBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES_DIR, file)));
}

export function fixturePredictions(name: string): KerasPredictions {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, `${name}.predictions.json`), 'utf8')) as KerasPredictions;
}

/** Largest absolute difference between two row lists of equal shape. */
export function maxAbsDifference(a: ArrayLike<ArrayLike<number>>, b: ArrayLike<ArrayLike<number>>): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < a[i].length; j++) max = Math.max(max, Math.abs(a[i][j] - b[i][j]));
  }
  return max;
}
