import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DatasetFormatError, DatasetNotFoundError } from './dataset-errors';
import type { Float32Matrix } from './image-batch';

/**
 * The 8x8 handwritten digits: 1,797 samples of 64 pixel counts (0..16) and a label 0..9.
 * Source: the test set of the UCI "Optical Recognition of Handwritten Digits" data
 * (E. Alpaydin, C. Kaynak, 1998, CC BY 4.0), as scikit-learn ships it in
 * sklearn/datasets/data/digits.csv.gz, i.e. what `sklearn.datasets.load_digits()` returns.
 * The file is vendored in this package's `data/` directory; see data/README.md.
 */

export interface Digits {
  /** Raw pixel counts 0..16 as floats, shape `[count, 64]`; `Matrix.from(digits.features)` wraps it without a copy. */
  features: Float32Matrix;
  labels: Uint8Array;
  count: number;
  /** Image height and width: each feature row is an 8x8 image, row-major. */
  rows: 8;
  cols: 8;
  numClasses: 10;
  /** The largest pixel value (16): divide by it to scale features to [0, 1]. */
  maxValue: 16;
}

export interface LoadDigitsOptions {
  /** Read another copy of digits.csv(.gz) instead of the vendored one. */
  path?: string;
}

const FEATURES = 64;
const FIELDS = FEATURES + 1;
const MAX_PIXEL = 16;
const CLASSES = 10;

/**
 * Path of the vendored file. `__dirname` is `src/` under jest (which runs the sources) and `dist/`
 * after a build; both sit directly under the package root, next to `data/`.
 */
export function digitsPath(): string {
  return join(__dirname, '..', 'data', 'digits.csv.gz');
}

function readText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new DatasetNotFoundError(`digits data not found: expected a file at ${path}`, [path]);
    }
    throw err;
  }
  // gzip magic 0x1f 0x8b (RFC 1952); a plain .csv is accepted too.
  const isGzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  return (isGzip ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Parse one CSV field as an integer in [0, max], or throw naming the line and column. */
function parseField(text: string, max: number, name: string, line: number, column: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isInteger(value) || value < 0 || value > max) {
    const what = column === FEATURES ? 'label' : `pixel ${column}`;
    throw new DatasetFormatError(`${name} line ${line}: expected ${what} to be an integer in 0..${max}, got "${text}"`);
  }
  return value;
}

/** Load the 1,797 8x8 digits. Pixels are left unscaled (0..16), as scikit-learn returns them. */
export function loadDigits(options: LoadDigitsOptions = {}): Digits {
  const path = options.path ?? digitsPath();
  const name = basename(path);
  const lines = readText(path).split('\n');
  // Drop the final newline's empty line (and tolerate CRLF files) without accepting blank lines mid-file.
  if (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const count = lines.length;
  if (count === 0) throw new DatasetFormatError(`${name}: expected at least one row, got an empty file`);
  const data = new Float32Array(count * FEATURES);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const fields = lines[i].trimEnd().split(',');
    if (fields.length !== FIELDS) {
      throw new DatasetFormatError(`${name} line ${i + 1}: expected ${FIELDS} comma-separated integers, got ${fields.length}`);
    }
    for (let j = 0; j < FEATURES; j++) data[i * FEATURES + j] = parseField(fields[j], MAX_PIXEL, name, i + 1, j);
    labels[i] = parseField(fields[FEATURES], CLASSES - 1, name, i + 1, FEATURES);
  }
  return {
    features: { data, shape: [count, FEATURES] },
    labels,
    count,
    rows: 8,
    cols: 8,
    numClasses: 10,
    maxValue: 16,
  };
}
