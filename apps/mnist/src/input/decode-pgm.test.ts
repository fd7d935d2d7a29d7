import { BackpropError } from '@backprop/core';
import { ImageFormatError } from '../mnist-app-errors';
import { decodePgm, isPgm } from './decode-pgm';

const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));

function formatError(bytes: Uint8Array): Error {
  try {
    decodePgm(bytes, 'x.pgm');
  } catch (error) {
    expect(error).toBeInstanceOf(ImageFormatError);
    expect(error).toBeInstanceOf(BackpropError);
    return error as Error;
  }
  throw new Error('expected decodePgm to throw');
}

describe('decodePgm P2 (ASCII)', () => {
  it('reads samples row-major with comments and mixed whitespace', () => {
    const image = decodePgm(ascii('P2\n# made by hand\n3 2 # width height\n255\n0 1 2\n\t253  254\r\n255\n'));
    expect([image.width, image.height]).toEqual([3, 2]);
    expect(Array.from(image.pixels)).toEqual([0, 1, 2, 253, 254, 255]);
  });

  it('scales a small maxval to 0..255', () => {
    const image = decodePgm(ascii('P2 4 1 15 0 5 10 15'));
    expect(Array.from(image.pixels)).toEqual([0, 85, 170, 255]);
  });

  it('scales a 16-bit maxval', () => {
    const image = decodePgm(ascii('P2 3 1 65535 0 32768 65535'));
    expect(Array.from(image.pixels)).toEqual([0, 128, 255]);
  });
});

describe('decodePgm P5 (binary)', () => {
  it('reads one byte per sample; a raster byte may look like whitespace', () => {
    const image = decodePgm(concat(ascii('P5\n2 2\n255\n'), Uint8Array.from([0x0a, 0x20, 0, 255])));
    expect(Array.from(image.pixels)).toEqual([10, 32, 0, 255]);
  });

  it('reads two big-endian bytes per sample above maxval 255', () => {
    const image = decodePgm(concat(ascii('P5 3 1 1023\n'), Uint8Array.from([0x00, 0x00, 0x02, 0x00, 0x03, 0xff])));
    expect(Array.from(image.pixels)).toEqual([0, 128, 255]);
  });

  it('ignores data after the first image', () => {
    const image = decodePgm(concat(ascii('P5 1 1 255 '), Uint8Array.from([7]), ascii('P5 1 1 255 '), Uint8Array.from([9])));
    expect(Array.from(image.pixels)).toEqual([7]);
  });
});

describe('decodePgm errors', () => {
  it('recognises only P2 and P5', () => {
    expect(isPgm(ascii('P5\n'))).toBe(true);
    expect(isPgm(ascii('P2 '))).toBe(true);
    expect(isPgm(ascii('P6\n'))).toBe(false);
    expect(isPgm(ascii('P5'))).toBe(false);
    expect(formatError(ascii('P3\n1 1 255\n0')).message).toBe('x.pgm: not a PGM file (expected "P2" or "P5" at the start)');
  });

  it('names a missing or bad header field', () => {
    expect(formatError(ascii('P5\n28')).message).toBe('x.pgm: corrupt PGM: expected the height, got end of file');
    expect(formatError(ascii('P2 28 x 255')).message).toBe('x.pgm: corrupt PGM: expected the height, got "x"');
    expect(formatError(ascii('P2 28a 28 255')).message).toBe('x.pgm: corrupt PGM: expected the width, got "a" after digits');
    expect(formatError(ascii('P2 0 28 255 ')).message).toBe('x.pgm: corrupt PGM: expected a positive size, got 0×28');
    expect(formatError(ascii('P2 1 1 70000 0')).message).toBe('x.pgm: corrupt PGM: expected maxval in 1..65535, got 70000');
    expect(formatError(ascii('P2 1 1 0 0')).message).toBe('x.pgm: corrupt PGM: expected maxval in 1..65535, got 0');
  });

  it('reports truncated rasters', () => {
    expect(formatError(concat(ascii('P5 28 28 255\n'), new Uint8Array(100))).message).toBe(
      'x.pgm: truncated PGM: expected 784 bytes of pixels, got 100',
    );
    expect(formatError(concat(ascii('P5 2 1 65535\n'), new Uint8Array(3))).message).toBe(
      'x.pgm: truncated PGM: expected 4 bytes of pixels, got 3',
    );
    expect(formatError(ascii('P2 3 1 255\n1 2')).message).toBe(
      'x.pgm: truncated PGM: expected 3 pixels, the file is too short to hold them',
    );
    expect(formatError(ascii('P2 2 2 255\n1 2 3          ')).message).toBe('x.pgm: truncated PGM: expected 4 pixels, got 3');
    expect(formatError(ascii('P2 4000 4000 255\n1')).message).toMatch(/truncated PGM/);
    // Above the pixel limit the header alone is refused (png-header.test.ts covers ImageSizeError).
    expect(() => decodePgm(ascii('P2 100000 100000 255\n1'), 'x.pgm')).toThrow('the PGM header declares 100000×100000');
  });

  it('rejects samples above maxval and garbage samples', () => {
    expect(formatError(ascii('P2 2 1 15 3 16')).message).toBe('x.pgm: corrupt PGM: pixel 1 is 16, above maxval 15');
    expect(formatError(concat(ascii('P5 1 1 100\n'), Uint8Array.from([101]))).message).toBe(
      'x.pgm: corrupt PGM: pixel 0 is 101, above maxval 100',
    );
    expect(formatError(ascii('P2 2 1 255 3 -1')).message).toBe('x.pgm: corrupt PGM: expected pixel 1 of 2, got "-"');
  });
});
