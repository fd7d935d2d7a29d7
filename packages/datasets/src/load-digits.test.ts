import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Matrix } from '@backprop/core';
import { DatasetFormatError, DatasetNotFoundError, DatasetReadError } from './dataset-errors';
import { digitsPath, loadDigits, MAX_DIGITS_CSV_BYTES } from './load-digits';

describe('loadDigits (vendored file)', () => {
  const digits = loadDigits();

  it('is the exact file scikit-learn ships', () => {
    const sha = createHash('sha256').update(readFileSync(digitsPath())).digest('hex');
    expect(sha).toBe('46abec6b12486ad9e51943373abcf22bbea1b5a51a1619b361570d8893f1464a');
  });

  it('has 1,797 rows of 64 features', () => {
    expect(digits.count).toBe(1797);
    expect(digits.features.shape).toEqual([1797, 64]);
    expect(digits.features.data).toBeInstanceOf(Float32Array);
    expect(digits.features.data.length).toBe(1797 * 64);
    expect(digits.labels.length).toBe(1797);
    expect(digits).toMatchObject({ rows: 8, cols: 8, numClasses: 10, maxValue: 16 });
  });

  it('has the published per-class counts (sklearn load_digits)', () => {
    const counts = new Array<number>(10).fill(0);
    for (const label of digits.labels) counts[label] += 1;
    expect(counts).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
  });

  it('keeps pixel values as integers in 0..16, using the full range', () => {
    let min = Infinity;
    let max = -Infinity;
    for (const v of digits.features.data) {
      expect(Number.isInteger(v)).toBe(true);
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect(min).toBe(0);
    expect(max).toBe(16);
  });

  it('starts with the well-known first sample, a zero', () => {
    expect(Array.from(digits.features.data.subarray(0, 16))).toEqual([0, 0, 5, 13, 9, 1, 0, 0, 0, 0, 13, 15, 10, 15, 5, 0]);
    expect(Array.from(digits.labels.subarray(0, 10))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('wraps into a core Matrix without copying', () => {
    const x = Matrix.from(digits.features);
    expect(x.shape).toEqual([1797, 64]);
    expect(x.data).toBe(digits.features.data);
    expect(x.get(0, 3)).toBe(13);
  });
});

describe('loadDigits validation', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'digits-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const row = (label: number, pixel = 0): string => [...new Array(64).fill(pixel), label].join(',');

  it('reads another copy, gzipped or plain', () => {
    writeFileSync(join(dir, 'small.csv'), `${row(3, 16)}\n${row(7)}\n`);
    writeFileSync(join(dir, 'small.csv.gz'), gzipSync(`${row(3, 16)}\n${row(7)}`));
    for (const name of ['small.csv', 'small.csv.gz']) {
      const d = loadDigits({ path: join(dir, name) });
      expect(d.count).toBe(2);
      expect(Array.from(d.labels)).toEqual([3, 7]);
      expect(d.features.data[0]).toBe(16);
    }
  });

  it('rejects a row without 65 fields, naming the line', () => {
    writeFileSync(join(dir, 'short.csv'), `${row(1)}\n1,2,3\n`);
    expect(() => loadDigits({ path: join(dir, 'short.csv') })).toThrow(DatasetFormatError);
    expect(() => loadDigits({ path: join(dir, 'short.csv') })).toThrow('short.csv line 2: expected 65 comma-separated integers, got 3');
  });

  it('rejects out-of-range pixels and labels, and non-integers', () => {
    writeFileSync(join(dir, 'pixel.csv'), row(1, 17));
    expect(() => loadDigits({ path: join(dir, 'pixel.csv') })).toThrow('line 1: expected pixel 0 to be an integer in 0..16, got "17"');
    writeFileSync(join(dir, 'label.csv'), row(10));
    expect(() => loadDigits({ path: join(dir, 'label.csv') })).toThrow('expected label to be an integer in 0..9, got "10"');
    writeFileSync(join(dir, 'float.csv'), row(1, 0.5));
    expect(() => loadDigits({ path: join(dir, 'float.csv') })).toThrow('got "0.5"');
    writeFileSync(join(dir, 'blank.csv'), `${row(1)}\n\n${row(2)}\n`);
    expect(() => loadDigits({ path: join(dir, 'blank.csv') })).toThrow('blank.csv line 2: expected 65');
  });

  it('rejects an empty file and a missing file', () => {
    writeFileSync(join(dir, 'empty.csv'), '');
    expect(() => loadDigits({ path: join(dir, 'empty.csv') })).toThrow('expected at least one row, got an empty file');
    expect(() => loadDigits({ path: join(dir, 'missing.csv') })).toThrow(DatasetNotFoundError);
    expect(() => loadDigits({ path: dir })).toThrow(DatasetReadError);
    expect(() => loadDigits({ path: dir })).toThrow(`Cannot read ${dir}: EISDIR (it is a directory); expected a readable digits file`);
  });

  it('stops inflating a gzip bomb at the size limit', () => {
    // 80 MiB of zeros: more than any digits CSV may be, refused once the limit is passed.
    writeFileSync(join(dir, 'bomb.csv.gz'), Buffer.concat(new Array(5).fill(gzipSync(new Uint8Array(16 * 1024 * 1024)))));
    expect(() => loadDigits({ path: join(dir, 'bomb.csv.gz') })).toThrow(
      `bomb.csv.gz: expected a CSV of at most ${MAX_DIGITS_CSV_BYTES} bytes, the gzip data inflates to more`,
    );
  });
});
