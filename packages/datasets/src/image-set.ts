import { ShapeError } from '@backprop/core';

/**
 * A set of same-sized greyscale images kept as raw bytes. MNIST's 60,000 training images are
 * 47 MB as bytes but 188 MB as float32, so conversion to floats happens per batch
 * (see `toFloat32Batch`) unless a caller opts in to a full copy (`imagesToFloat32`).
 */
export interface ImageSet {
  /** `count * rows * cols` pixel bytes (0..255), image after image, each row-major. */
  images: Uint8Array;
  /** One class index per image. */
  labels: Uint8Array;
  count: number;
  rows: number;
  cols: number;
  numClasses: number;
}

/** The two MNIST splits. */
export interface Mnist {
  train: ImageSet;
  test: ImageSet;
}

/** Pixels per image (`rows * cols`): the width of the feature matrix built from the set. */
export function pixelsPerImage(set: ImageSet): number {
  return set.rows * set.cols;
}

/** Concatenate image sets of the same image size and class count into one new set (copies the bytes). */
export function concatImageSets(sets: readonly ImageSet[]): ImageSet {
  if (sets.length === 0) throw new ShapeError('concatImageSets expects at least one ImageSet, got 0');
  const { rows, cols, numClasses } = sets[0];
  let count = 0;
  for (const [i, s] of sets.entries()) {
    if (s.rows !== rows || s.cols !== cols || s.numClasses !== numClasses) {
      throw new ShapeError(
        `concatImageSets: set ${i} has ${s.rows}x${s.cols} images and ${s.numClasses} classes, ` +
          `expected ${rows}x${cols} and ${numClasses} like set 0`,
      );
    }
    count += s.count;
  }
  const pixels = rows * cols;
  const images = new Uint8Array(count * pixels);
  const labels = new Uint8Array(count);
  let offset = 0;
  for (const s of sets) {
    images.set(s.images.subarray(0, s.count * pixels), offset * pixels);
    labels.set(s.labels.subarray(0, s.count), offset);
    offset += s.count;
  }
  return { images, labels, count, rows, cols, numClasses };
}

/**
 * All 70,000 MNIST images in one set, train first then test. The tutorial this project follows
 * pools the two splits and re-splits them 75/25 (52,500 / 17,500) rather than using the official split.
 */
export function poolMnist(mnist: Mnist): ImageSet {
  return concatImageSets([mnist.train, mnist.test]);
}
