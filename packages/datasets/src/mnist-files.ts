/** MNIST's file names and class count: what a loader in any runtime needs, no file system. */

/** MNIST has ten classes, the digits 0..9 (Fashion-MNIST: ten clothing classes). */
export const MNIST_CLASSES = 10;

/** Standard file names; `.gz` and the dotted spelling are derived from these. */
export const MNIST_FILES = {
  trainImages: 'train-images-idx3-ubyte',
  trainLabels: 'train-labels-idx1-ubyte',
  testImages: 't10k-images-idx3-ubyte',
  testLabels: 't10k-labels-idx1-ubyte',
} as const;

/**
 * Names tried for one standard file, in order: as published (`train-images-idx3-ubyte`), gzipped,
 * and the `train-images.idx3-ubyte` spelling some mirrors and browsers produce, plain and gzipped.
 */
export function candidateFileNames(standardName: string): string[] {
  const dotted = standardName.replace(/-(idx\d-ubyte)$/, '.$1');
  return [standardName, `${standardName}.gz`, dotted, `${dotted}.gz`];
}
