import { basename, join } from 'node:path';
import { gunzipAtMost } from './bounded-gunzip';
import { DatasetFormatError } from './dataset-errors';
import type { Float32Matrix } from './image-batch';
import { readDatasetFile } from './read-dataset-file';

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

/**
 * The most a digits CSV may inflate to: the real one is about 0.5 MB (1,797 rows of at most ~130
 * characters), so 64 MiB leaves room for much larger copies while a gzip bomb stops at once.
 */
export const MAX_DIGITS_CSV_BYTES = 64 * 1024 * 1024;

function readText(path: string): string {
  const bytes = readDatasetFile(path, 'digits file');
  // gzip magic 0x1f 0x8b (RFC 1952); a plain .csv is accepted too.
  const isGzip = bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
  if (!isGzip) return bytes.toString('utf8');
  let inflated: ReturnType<typeof gunzipAtMost>;
  try {
    inflated = gunzipAtMost(bytes, MAX_DIGITS_CSV_BYTES);
  } catch (error) {
    throw new DatasetFormatError(`${basename(path)}: starts with the gzip header 0x1f 0x8b but is not valid gzip (${(error as Error).message})`);
  }
  if (inflated.kind === 'too long') {
    throw new DatasetFormatError(`${basename(path)}: expected a CSV of at most ${MAX_DIGITS_CSV_BYTES} bytes, the gzip data inflates to more`);
  }
  return inflated.bytes.toString('utf8');
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
