import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ArgumentError, BackpropError } from '@backprop/core';
import { DatasetNotFoundError, IdxFormatError, IdxSizeError } from './dataset-errors';
import { encodeIdx } from './encode-idx';
import { formatMagic, isGzip, readIdx } from './read-idx';

// A 2x3x2 tensor of bytes 0..11, written by hand so the reader is not only checked against encodeIdx.
const HAND_WRITTEN = Uint8Array.from([
  0x00, 0x00, 0x08, 0x03, // magic: unsigned byte, 3 dims
  0x00, 0x00, 0x00, 0x02, // dim 0 = 2
  0x00, 0x00, 0x00, 0x03, // dim 1 = 3
  0x00, 0x00, 0x00, 0x02, // dim 2 = 2
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
]);

function expectIdxError(source: Uint8Array, pattern: RegExp, name?: string): IdxFormatError {
  let caught: unknown;
  try {
    readIdx(source, name === undefined ? {} : { name });
  } catch (err) {
    caught = err;
  }
  expect(caught).toBeInstanceOf(IdxFormatError);
  expect(caught).toBeInstanceOf(BackpropError);
  expect((caught as Error).message).toMatch(pattern);
  return caught as IdxFormatError;
}

describe('readIdx on valid input', () => {
  it('decodes dims and data from a hand-written buffer', () => {
    const { dims, data } = readIdx(HAND_WRITTEN);
    expect(dims).toEqual([2, 3, 2]);
    expect(Array.from(data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('returns a view of the input bytes rather than a copy', () => {
    const { data } = readIdx(HAND_WRITTEN);
    expect(data.buffer).toBe(HAND_WRITTEN.buffer);
    expect(data.byteOffset).toBe(16);
  });

  it('reads big-endian dimensions above 255', () => {
    const bytes = encodeIdx([300], new Uint8Array(300).fill(7));
    expect(Array.from(bytes.subarray(4, 8))).toEqual([0, 0, 1, 44]);
    const { dims, data } = readIdx(bytes);
    expect(dims).toEqual([300]);
    expect(data.every((b) => b === 7)).toBe(true);
  });

  it('honours byteOffset when given a Uint8Array view into a larger buffer', () => {
    const padded = new Uint8Array(HAND_WRITTEN.length + 10);
    padded.set(HAND_WRITTEN, 5);
    const { dims, data } = readIdx(padded.subarray(5, 5 + HAND_WRITTEN.length));
    expect(dims).toEqual([2, 3, 2]);
    expect(data[11]).toBe(11);
  });

  it('accepts zero-sized dimensions and 4 dimensions', () => {
    expect(readIdx(encodeIdx([0, 28, 28], new Uint8Array(0))).dims).toEqual([0, 28, 28]);
    const four = readIdx(encodeIdx([1, 2, 1, 2], Uint8Array.from([1, 2, 3, 4])));
    expect(four.dims).toEqual([1, 2, 1, 2]);
    expect(Array.from(four.data)).toEqual([1, 2, 3, 4]);
  });

  it('gunzips transparently when the bytes start with 0x1f 0x8b', () => {
    const gz = gzipSync(HAND_WRITTEN);
    expect(isGzip(gz)).toBe(true);
    expect(isGzip(HAND_WRITTEN)).toBe(false);
    const { dims, data } = readIdx(gz);
    expect(dims).toEqual([2, 3, 2]);
    expect(Array.from(data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  describe('from a path', () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), 'read-idx-'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads a plain file and a gzipped file', () => {
      writeFileSync(join(dir, 'plain-idx3-ubyte'), HAND_WRITTEN);
      writeFileSync(join(dir, 'zipped-idx3-ubyte.gz'), gzipSync(HAND_WRITTEN));
      expect(readIdx(join(dir, 'plain-idx3-ubyte')).dims).toEqual([2, 3, 2]);
      expect(Array.from(readIdx(join(dir, 'zipped-idx3-ubyte.gz')).data)).toEqual(Array.from(HAND_WRITTEN.subarray(16)));
    });

    it('names the file (base name) in format errors', () => {
      writeFileSync(join(dir, 'broken-idx1-ubyte'), HAND_WRITTEN.subarray(0, 20));
      expect(() => readIdx(join(dir, 'broken-idx1-ubyte'))).toThrow(/^broken-idx1-ubyte: truncated/);
    });

    it('throws DatasetNotFoundError with the path for a missing file', () => {
      const missing = join(dir, 'nope-idx1-ubyte');
      expect(() => readIdx(missing)).toThrow(DatasetNotFoundError);
      expect(() => readIdx(missing)).toThrow(`expected a file at ${missing}`);
    });
  });
});

describe('readIdx rejects corrupt input', () => {
  it('rejects an empty file', () => {
    expectIdxError(new Uint8Array(0), /expected at least 4 bytes \(the IDX magic number\), got 0/);
  });

  it('rejects a file shorter than the magic number', () => {
    expectIdxError(Uint8Array.from([0, 0, 8]), /expected at least 4 bytes .*got 3/);
  });

  it('rejects a magic number whose first two bytes are not zero', () => {
    const bad = HAND_WRITTEN.slice();
    bad[1] = 0x01;
    expectIdxError(bad, /expected an IDX magic number starting with two zero bytes .*got 0x00010803/);
  });

  it('rejects text masquerading as IDX', () => {
    expectIdxError(new TextEncoder().encode('hello world'), /two zero bytes/);
  });

  it('rejects a known but unsupported type byte (0x0d float), naming it', () => {
    const bad = HAND_WRITTEN.slice();
    bad[2] = 0x0d;
    expectIdxError(bad, /expected type byte 0x08 \(unsigned byte\), got 0x0d \(float \(4 bytes\)\) in magic 0x00000d03/);
  });

  it('rejects an unknown type byte', () => {
    const bad = HAND_WRITTEN.slice();
    bad[2] = 0x42;
    expectIdxError(bad, /got 0x42 \(not an IDX type\)/);
  });

  it('rejects zero dimensions and more than four', () => {
    const zero = Uint8Array.from([0, 0, 8, 0]);
    expectIdxError(zero, /expected 1\.\.4 dimensions, got 0/);
    const five = new Uint8Array(4 + 20 + 1).fill(1);
    five.set([0, 0, 8, 5], 0);
    expectIdxError(five, /expected 1\.\.4 dimensions, got 5/);
  });

  it('rejects a header cut off inside the dimensions', () => {
    expectIdxError(HAND_WRITTEN.subarray(0, 10), /truncated header: expected 16 bytes for 3 dimensions, got 10/);
  });

  it('rejects truncated data, saying expected vs given length', () => {
    expectIdxError(HAND_WRITTEN.subarray(0, HAND_WRITTEN.length - 1), /truncated: dimensions \[2, 3, 2\] need 28 bytes \(16 header \+ 12 data\), got 27/);
  });

  it('rejects trailing bytes after the data', () => {
    const long = new Uint8Array(HAND_WRITTEN.length + 3);
    long.set(HAND_WRITTEN);
    expectIdxError(long, /trailing bytes: dimensions \[2, 3, 2\] need 28 bytes .*got 31/);
  });

  it('checks the length after gunzipping', () => {
    const err = expectIdxError(gzipSync(HAND_WRITTEN.subarray(0, 20)), /^IDX data: truncated: gzip data inflates to 20 bytes, but the IDX header declares 28 bytes$/);
    expect(err).toBeInstanceOf(IdxSizeError);
    expect(err).toMatchObject({ file: 'IDX data', declaredBytes: 28, actualBytes: 20 });
  });

  it('rejects a gzip header followed by garbage', () => {
    expectIdxError(Uint8Array.from([0x1f, 0x8b, 1, 2, 3, 4]), /starts with the gzip header 0x1f 0x8b but is not valid gzip/);
  });

  it('uses the given name in messages', () => {
    const err = expectIdxError(new Uint8Array(0), /^train-images-idx3-ubyte: /, 'train-images-idx3-ubyte');
    expect(err.name).toBe('IdxFormatError');
  });

  it('rejects a source that is neither a path nor bytes', () => {
    expect(() => readIdx([0, 0, 8, 1] as unknown as Uint8Array)).toThrow(ArgumentError);
    expect(() => readIdx([0, 0, 8, 1] as unknown as Uint8Array)).toThrow('got an array of length 4');
  });

  it('formats magic numbers as 8 hex digits', () => {
    expect(formatMagic(0x803)).toBe('0x00000803');
    expect(formatMagic(0xffffffff)).toBe('0xffffffff');
  });
});

describe('readIdx data type', () => {
  it('returns a plain Uint8Array even for a Buffer, so slice() copies', () => {
    const { data } = readIdx(Buffer.from(HAND_WRITTEN));
    expect(Buffer.isBuffer(data)).toBe(false);
    const copy = data.slice(0, 2);
    copy[0] = 99;
    expect(data[0]).toBe(0);
  });
});
