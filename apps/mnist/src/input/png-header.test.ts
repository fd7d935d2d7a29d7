import { deflateSync } from 'node:zlib';
import { BackpropError } from '@backprop/core';
import { ihdrData, peakRss, pngChunk, pngFile, thrown } from '@backprop/fuzz';
import { ImageFormatError, ImageSizeError } from '../mnist-app-errors';
import { decodePgm } from './decode-pgm';
import { MAX_IMAGE_PIXELS } from './image-size-limit';
import { inflatedPngSize, readPngHeader } from './png-header';
import { decodeImage, decodePng } from './read-image';
import { decodePredictInput } from './read-predict-input';

/** A complete PNG (correct CRCs) whose IHDR declares `width`×`height` but whose IDAT holds one tiny row. */
function lyingPng(width: number, height: number, interlace = 0): Uint8Array {
  return pngFile([
    pngChunk('IHDR', ihdrData(width, height, 8, 0, interlace)),
    pngChunk('IDAT', deflateSync(Uint8Array.from([0, 0]))),
    pngChunk('IEND', new Uint8Array(0)),
  ]);
}

describe('the PNG header is checked before decoding', () => {
  it('refuses an 83-byte PNG declaring 30000×30000 with ImageSizeError, without allocating the pixels', () => {
    const bomb = lyingPng(30000, 30000);
    expect(bomb.length).toBeLessThan(90);
    const before = peakRss();
    const error = thrown(() => decodeImage(bomb, 'huge.png'));
    // pngjs would size a 900 MB scanline buffer and a 3.6 GB RGBA bitmap from this header.
    expect(peakRss() - before).toBeLessThan(64 * 1024 * 1024);
    expect(error).toBeInstanceOf(ImageSizeError);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error.message).toBe('huge.png: expected at most 16777216 pixels (4096×4096), the PNG header declares 30000×30000');
    expect(error).toMatchObject({ file: 'huge.png', width: 30000, height: 30000, maxPixels: MAX_IMAGE_PIXELS });
  });

  it('refuses it in predict too, from the header, as not 28×28', () => {
    const error = thrown(() => decodePredictInput(lyingPng(30000, 30000), 'huge.png', null));
    expect(error).toBeInstanceOf(ImageSizeError);
    expect(error.message).toBe('huge.png: expected a 28×28 image, the PNG header declares 30000×30000');
  });

  it('applies a caller-given limit', () => {
    const error = thrown(() => decodePng(lyingPng(100, 100), 'p.png', { maxPixels: 5000 }));
    expect(error.message).toBe('p.png: expected at most 5000 pixels, the PNG header declares 100×100');
  });

  it('refuses a PGM header declaring a huge size before reading samples', () => {
    const error = thrown(() => decodePgm(new TextEncoder().encode('P5 30000 30000 255\n\u0000'), 'huge.pgm'));
    expect(error).toBeInstanceOf(ImageSizeError);
    expect(error.message).toBe('huge.pgm: expected at most 16777216 pixels (4096×4096), the PGM header declares 30000×30000');
  });

  it('rejects malformed IHDR fields with ImageFormatError naming the field', () => {
    const cases: [Uint8Array, string][] = [
      [pngFile([pngChunk('IHDR', ihdrData(0, 5))]), 'expected width and height in 1..2147483647, got 0×5'],
      [pngFile([pngChunk('IHDR', ihdrData(0x80000000, 5))]), 'got 2147483648×5'],
      [pngFile([pngChunk('IHDR', ihdrData(5, 5, 16, 3))]), 'expected bit depth 1, 2, 4, 8 for indexed-colour (colour type 3), got 16'],
      [pngFile([pngChunk('IHDR', ihdrData(5, 5, 8, 5))]), 'expected colour type 0, 2, 3, 4 or 6, got 5'],
      [pngFile([pngChunk('IHDR', ihdrData(5, 5, 8, 0, 2))]), 'expected interlace method 0 or 1, got 2'],
      [pngFile([pngChunk('IDAT', ihdrData(5, 5))]), 'expected the IHDR chunk first, got "IDAT"'],
      [pngFile([pngChunk('IHDR', new Uint8Array(14))]), 'expected an IHDR chunk of 13 bytes, got 14'],
      [pngFile([]), 'expected at least 33 bytes (signature and IHDR chunk), got 8'],
    ];
    for (const [bytes, message] of cases) {
      const error = thrown(() => readPngHeader(bytes, 'x.png'));
      expect(error).toBeInstanceOf(ImageFormatError);
      expect(error.message).toContain(message);
      expect(error.message.startsWith('x.png: corrupt PNG: ')).toBe(true);
    }
  });

  it('reads the header fields of a valid PNG', () => {
    expect(readPngHeader(lyingPng(7, 3, 1))).toEqual({ width: 7, height: 3, bitDepth: 8, colorType: 0, interlaced: true });
  });

  it('computes the inflated size of plain and Adam7-interlaced images (PNG spec 8.2)', () => {
    const header = { width: 8, height: 8, bitDepth: 8, colorType: 0, interlaced: false };
    expect(inflatedPngSize(header)).toBe(8 * 9);
    // Passes of an 8×8 image: 1×1, 1×1, 2×1, 2×2, 4×2, 4×4, 8×4 pixels, each row with a filter byte.
    expect(inflatedPngSize({ ...header, interlaced: true })).toBe(2 + 2 + 3 + 2 * 3 + 2 * 5 + 4 * 5 + 4 * 9);
  });

  it('refuses image data shorter than the header implies (pngjs would decode 1.8 M pixels from it)', () => {
    // Found by the fuzzer: height 65536 written into a 28×28 PNG, CRCs repaired.
    const error = thrown(() => decodePng(lyingPng(28, 65536), 'tall.png'));
    expect(error).toBeInstanceOf(ImageFormatError);
    expect(error.message).toBe(`tall.png: corrupt PNG: image data inflates to 2 bytes, but a 28×65536 image holds ${65536 * 29} (truncated)`);
  });

  it('refuses an interlaced PNG whose image data inflates past what its header allows', () => {
    // 28×28 interlaced, 8-bit grey: at most 929 bytes of scanlines, here 1 MiB of zeros.
    const bomb = pngFile([
      pngChunk('IHDR', ihdrData(28, 28, 8, 0, 1)),
      pngChunk('IDAT', deflateSync(new Uint8Array(1 << 20))),
      pngChunk('IEND', new Uint8Array(0)),
    ]);
    const error = thrown(() => decodePng(bomb, 'bomb.png'));
    expect(error).toBeInstanceOf(ImageFormatError);
    expect(error.message).toBe(`bomb.png: corrupt PNG: image data inflates to more than the ${inflatedPngSize(readPngHeader(bomb))} bytes a 28×28 interlaced image holds`);
  });
});
