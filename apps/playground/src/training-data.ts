import { Matrix } from '@backprop/core';
import { and, or, readIdx, xor } from '@backprop/datasets';

export type DatasetName = 'xor' | 'and' | 'or' | 'digits' | 'mnist';

/** A dataset of the picker, ready to train on: inputs in [0, 1], targets one-hot (or 0/1 for a truth table). */
export interface TrainingData {
  readonly name: DatasetName;
  readonly x: Matrix;
  readonly y: Matrix;
  /** Rows to test on (a truth table tests on its own four rows), with their class labels. */
  readonly testX: Matrix;
  readonly testLabels: Uint8Array;
  /** 2 for a truth table (one sigmoid output), 10 for the digits. */
  readonly classes: number;
  /** Side of the square images (8 or 28), or null for a truth table. */
  readonly imageSide: number | null;
}

async function fetchIdx(path: string): Promise<{ data: Uint8Array; dims: number[] }> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status} ${response.statusText}`);
  const idx = readIdx(new Uint8Array(await response.arrayBuffer()), { name: path });
  return { data: idx.data as Uint8Array, dims: [...idx.dims] };
}

/** Images (bytes, `scale` the largest value) and labels → inputs in [0, 1] and one-hot targets. */
function imageMatrices(images: Uint8Array, labels: Uint8Array, scale: number): { x: Matrix; y: Matrix } {
  const count = labels.length;
  const x = new Matrix(count, images.length / count, Float32Array.from(images, (v) => v / scale));
  const y = new Matrix(count, 10);
  labels.forEach((label, row) => y.set(row, label, 1));
  return { x, y };
}

function truthTable(name: 'xor' | 'and' | 'or'): TrainingData {
  const data = { xor, and, or }[name]();
  const x = new Matrix(4, 2, Float32Array.from(data.x.flat()));
  const y = new Matrix(4, 1, Float32Array.from(data.y.flat()));
  return { name, x, y, testX: x, testLabels: Uint8Array.from(data.y.map((row) => row[0])), classes: 2, imageSide: null };
}

/**
 * The picker's datasets, all from this page's own origin: the truth tables are built in, the 8×8 digits
 * (1,797: the first 1,497 train, the last 300 test) and the MNIST subset (3,000 train, 500 test) are IDX
 * files that `scripts/make-mnist-subset.mjs` wrote into public/ at build time.
 */
export async function loadTrainingData(name: DatasetName): Promise<TrainingData> {
  if (name === 'xor' || name === 'and' || name === 'or') return truthTable(name);
  if (name === 'digits') {
    const [images, labels] = await Promise.all([fetchIdx('./digits/digits-images.idx'), fetchIdx('./digits/digits-labels.idx')]);
    const all = imageMatrices(images.data, labels.data, 16);
    const split = 1497;
    const rows = (m: Matrix, from: number, to: number) => new Matrix(to - from, m.cols, m.data.slice(from * m.cols, to * m.cols));
    return { name, x: rows(all.x, 0, split), y: rows(all.y, 0, split), testX: rows(all.x, split, all.x.rows), testLabels: labels.data.slice(split), classes: 10, imageSide: 8 };
  }
  const [trainImages, trainLabels, testImages, testLabels] = await Promise.all(
    ['train-images', 'train-labels', 'test-images', 'test-labels'].map((file) => fetchIdx(`./mnist/${file}.idx`)),
  );
  const train = imageMatrices(trainImages.data, trainLabels.data, 255);
  const test = imageMatrices(testImages.data, testLabels.data, 255);
  return { name, x: train.x, y: train.y, testX: test.x, testLabels: testLabels.data, classes: 10, imageSide: 28 };
}
