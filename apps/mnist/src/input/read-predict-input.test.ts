import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArgumentError } from '@backprop/core';
import { encodeIdx, IdxFormatError } from '@backprop/datasets';
import { ImageFormatError, ImageSizeError } from '../mnist-app-errors';
import { decodePredictInput, readPredictInput } from './read-predict-input';
import { thrown } from '@backprop/fuzz';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mnist-predict-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Three 28×28 images whose every pixel is 10, 20, 30. */
const threeImages = () => encodeIdx([3, 28, 28], Uint8Array.from({ length: 3 * 784 }, (_, i) => 10 * (Math.floor(i / 784) + 1)));

describe('readPredictInput', () => {
  it('picks image --index of a plain or gzip IDX file, without inverting it', () => {
    writeFileSync(join(dir, 'images.idx'), threeImages());
    writeFileSync(join(dir, 'images.idx.gz'), gzipSync(threeImages()));
    for (const file of ['images.idx', 'images.idx.gz']) {
      const second = readPredictInput(join(dir, file), 1);
      expect(second).toMatchObject({ source: 'idx', index: 1, inverted: false, meanBrightness: 20 });
      expect(second.pixels).toHaveLength(784);
      expect(second.pixels.every((p) => p === 20)).toBe(true);
      expect(readPredictInput(join(dir, file), null).index).toBe(0);
    }
  });

  it('reads a light PGM image and inverts it', () => {
    const pgm = Buffer.concat([Buffer.from('P5 28 28 255\n'), Buffer.alloc(784, 250)]);
    writeFileSync(join(dir, 'light.pgm'), pgm);
    const input = readPredictInput(join(dir, 'light.pgm'), null);
    expect(input).toMatchObject({ source: 'pgm', index: null, inverted: true });
    expect(input.pixels[0]).toBe(5);
  });

  it('rejects --index for an image, and an index past the end', () => {
    const pgm = Buffer.concat([Buffer.from('P5 28 28 255\n'), Buffer.alloc(784)]);
    const forImage = thrown(() => decodePredictInput(pgm, 'x.pgm', 0));
    expect(forImage).toBeInstanceOf(ArgumentError);
    expect(forImage.message).toBe('--index applies to IDX files; x.pgm is a PGM image');
    expect(thrown(() => decodePredictInput(threeImages(), 'imgs', 3)).message).toBe(
      '--index 3 is out of range: imgs holds 3 images (0..2)',
    );
  });

  it('rejects label files, other sizes, corrupt IDX and unknown formats', () => {
    const labels = thrown(() => decodePredictInput(encodeIdx([3], Uint8Array.from([1, 2, 3])), 'labels', null));
    expect(labels).toBeInstanceOf(ImageFormatError);
    expect(labels.message).toBe('labels: expected an IDX images file (count×28×28), got dimensions 3');
    const small = thrown(() => decodePredictInput(encodeIdx([1, 8, 8], new Uint8Array(64)), 'digits', null));
    expect(small).toBeInstanceOf(ImageSizeError);
    expect(small.message).toBe('digits: expected a 28×28 image, got 8×8');
    expect(thrown(() => decodePredictInput(threeImages().subarray(0, 100), 'cut', null))).toBeInstanceOf(IdxFormatError);
    expect(thrown(() => decodePredictInput(Buffer.from('GIF89a'), 'x.gif', null)).message).toBe(
      'x.gif: not a PNG, PGM or IDX file (starts with 47 49 46 38)',
    );
  });
});
