import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { ImageFormatError, InputReadError } from '../mnist-app-errors';
import { decodeImage, decodePng, MAX_INPUT_FILE_BYTES, readImage, toMnistInput } from './read-image';
import { thrown } from '@backprop/fuzz';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mnist-images-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** An RGBA PNG written by pngjs in the given output colour type and depth. */
function pngFromRgba(width: number, height: number, rgba: number[], colorType: 0 | 2 | 4 | 6 = 6, bitDepth: 8 | 16 = 8): Buffer {
  const png = new PNG({ width, height });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png, { colorType, bitDepth, inputColorType: 6, inputHasAlpha: true });
}

/** A PNG assembled chunk by chunk, for the bit depths and palettes pngjs cannot write. */
function handMadePng(header: { width: number; height: number; bitDepth: number; colorType: number }, rows: number[][], palette?: number[]): Buffer {
  const chunk = (type: string, data: Uint8Array) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(header.width, 0);
  ihdr.writeUInt32BE(header.height, 4);
  ihdr.set([header.bitDepth, header.colorType, 0, 0, 0], 8);
  // Filter type 0 (none) before each row.
  const raw = Buffer.from(rows.flatMap((row) => [0, ...row]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(palette ? [chunk('PLTE', Uint8Array.from(palette))] : []),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

describe('decodePng', () => {
  it('reads 8-bit grayscale exactly', () => {
    const gray = [0, 1, 127, 128, 254, 255];
    const bytes = pngFromRgba(3, 2, gray.flatMap((v) => [v, v, v, 255]), 0);
    expect(decodePng(bytes)).toEqual({ width: 3, height: 2, pixels: Uint8Array.from(gray) });
  });

  it('turns colour into BT.601 luma', () => {
    const bytes = pngFromRgba(3, 1, [255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255], 2);
    expect(Array.from(decodePng(bytes).pixels)).toEqual([76, 150, 29]);
  });

  it('composites transparency over white', () => {
    const bytes = pngFromRgba(3, 1, [0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 128], 6);
    expect(Array.from(decodePng(bytes).pixels)).toEqual([255, 0, 127]);
  });

  it('scales 16-bit samples to 8 bits', () => {
    const bytes = handMadePng({ width: 2, height: 1, bitDepth: 16, colorType: 0 }, [[0xff, 0xff, 0x80, 0x80]]);
    expect(Array.from(decodePng(bytes).pixels)).toEqual([255, 128]);
  });

  it('expands 1-bit grayscale', () => {
    // 0b10100000: pixels 1, 0, 1, 0.
    const bytes = handMadePng({ width: 4, height: 1, bitDepth: 1, colorType: 0 }, [[0b10100000]]);
    expect(Array.from(decodePng(bytes).pixels)).toEqual([255, 0, 255, 0]);
  });

  it('looks up a 4-bit palette', () => {
    const palette = [0, 0, 0, 255, 255, 255, 100, 100, 100];
    // Indices 2, 1 / 0, 2 (two 4-bit pixels per byte).
    const bytes = handMadePng({ width: 2, height: 2, bitDepth: 4, colorType: 3 }, [[0x21], [0x02]], palette);
    expect(Array.from(decodePng(bytes).pixels)).toEqual([100, 255, 0, 100]);
  });

  it('rejects a corrupt PNG with a typed error naming the file', () => {
    const bytes = pngFromRgba(2, 2, new Array(16).fill(200));
    const broken = Buffer.from(bytes);
    broken[broken.length - 20] ^= 0xff; // inside the IDAT chunk: the CRC no longer matches
    const error = thrown(() => decodePng(broken, 'digit.png'));
    expect(error).toBeInstanceOf(ImageFormatError);
    expect(error.message).toMatch(/^digit\.png: corrupt PNG: /);
    const truncated = thrown(() => decodePng(bytes.subarray(0, 30), 'digit.png'));
    expect(truncated).toBeInstanceOf(ImageFormatError);
  });
});

describe('decodeImage', () => {
  it('tells PNG from PGM by their first bytes', () => {
    expect(decodeImage(new TextEncoder().encode('P2 1 1 255 9')).pixels[0]).toBe(9);
    expect(decodeImage(pngFromRgba(1, 1, [9, 9, 9, 255])).pixels[0]).toBe(9);
  });

  it('rejects other formats and empty files', () => {
    const bmp = thrown(() => decodeImage(Uint8Array.from([0x42, 0x4d, 0x36, 0x00, 0x01]), 'x.bmp'));
    expect(bmp).toBeInstanceOf(ImageFormatError);
    expect(bmp.message).toBe('x.bmp: not a PNG or PGM image (starts with 42 4d 36 00)');
    expect(thrown(() => decodeImage(new Uint8Array(0), 'empty.png')).message).toBe(
      'empty.png: not a PNG or PGM image (starts with nothing: the file is empty)',
    );
  });
});

describe('readImage', () => {
  it('reads PNG and PGM files', () => {
    writeFileSync(join(dir, 'a.png'), pngFromRgba(2, 1, [10, 10, 10, 255, 20, 20, 20, 255], 0));
    writeFileSync(join(dir, 'a.pgm'), Buffer.concat([Buffer.from('P5 2 1 255\n'), Buffer.from([10, 20])]));
    expect(readImage(join(dir, 'a.png'))).toEqual(readImage(join(dir, 'a.pgm')));
  });

  it('names the file in format errors and reports missing files', () => {
    writeFileSync(join(dir, 'bad.png'), 'hello');
    expect(thrown(() => readImage(join(dir, 'bad.png'))).message).toMatch(/^bad\.png: not a PNG or PGM image/);
    const missing = join(dir, 'missing.png');
    const error = thrown(() => readImage(missing));
    expect(error).toBeInstanceOf(InputReadError);
    expect(error.message).toBe(`Cannot read ${missing}: ENOENT (file does not exist)`);
    expect(thrown(() => readImage(dir)).message).toBe(`Cannot read ${dir}: EISDIR (it is a directory)`);
  });

  it('refuses a file over the size limit before reading it', () => {
    // A sparse file: 1 byte over the limit on paper, no disk blocks used.
    const big = join(dir, 'big.png');
    writeFileSync(big, '');
    truncateSync(big, MAX_INPUT_FILE_BYTES + 1);
    const error = thrown(() => readImage(big));
    expect(error).toBeInstanceOf(InputReadError);
    expect(error.message).toBe(`Cannot read ${big}: EFBIG (the file is ${MAX_INPUT_FILE_BYTES + 1} bytes; expected at most ${MAX_INPUT_FILE_BYTES})`);
    rmSync(big);
  });
});

describe('toMnistInput', () => {
  const digit = (background: number, ink: number) => {
    const pixels = new Uint8Array(28 * 28).fill(background);
    for (let y = 6; y < 22; y++) pixels[y * 28 + 14] = ink; // a vertical stroke: a "1"
    return { width: 28, height: 28, pixels };
  };

  it('keeps a white-on-black digit as it is', () => {
    const image = digit(0, 255);
    const input = toMnistInput(image);
    expect(input.inverted).toBe(false);
    expect(input.pixels).toEqual(image.pixels);
    expect(input.pixels).not.toBe(image.pixels);
    expect(input.meanBrightness).toBeCloseTo((16 * 255) / 784, 10);
  });

  it('inverts a dark digit on a light background', () => {
    const input = toMnistInput(digit(255, 0));
    expect(input.inverted).toBe(true);
    expect(input.pixels).toEqual(digit(0, 255).pixels);
    expect(input.meanBrightness).toBeGreaterThan(127);
  });

  it('inverts only above the midpoint', () => {
    expect(toMnistInput({ width: 28, height: 28, pixels: new Uint8Array(784).fill(127) }).inverted).toBe(false);
    expect(toMnistInput({ width: 28, height: 28, pixels: new Uint8Array(784).fill(128) }).inverted).toBe(true);
  });

  it('normalises any other size as MNIST did: a 56×56 dark-on-light stroke becomes the 28×28 "1", ink 20 px tall and centred', () => {
    const pixels = new Uint8Array(56 * 56).fill(255);
    for (let y = 4; y < 36; y++) for (let x = 2; x < 6; x++) pixels[y * 56 + x] = 0;
    const input = toMnistInput({ width: 56, height: 56, pixels });
    expect(input.inverted).toBe(true);
    expect(input.normalised).toBe(true);
    const rows = [...new Set(Array.from(input.pixels.keys()).filter((i) => input.pixels[i] > 0).map((i) => Math.floor(i / 28)))];
    const cols = [...new Set(Array.from(input.pixels.keys()).filter((i) => input.pixels[i] > 0).map((i) => i % 28))];
    expect(rows.length).toBe(20);
    expect(Math.min(...rows) + Math.max(...rows)).toBeGreaterThanOrEqual(26);
    expect(Math.min(...rows) + Math.max(...rows)).toBeLessThanOrEqual(30);
    expect(Math.min(...cols) + Math.max(...cols)).toBeGreaterThanOrEqual(26);
    expect(Math.min(...cols) + Math.max(...cols)).toBeLessThanOrEqual(30);
    expect(toMnistInput(digit(0, 255)).normalised).toBe(false);
  });

  it('handles a dark-on-light PNG file end to end', () => {
    const rgba = Array.from(digit(255, 0).pixels).flatMap((v) => [v, v, v, 255]);
    writeFileSync(join(dir, 'one.png'), pngFromRgba(28, 28, rgba, 2));
    const input = toMnistInput(readImage(join(dir, 'one.png')));
    expect(input.inverted).toBe(true);
    expect(input.pixels[10 * 28 + 14]).toBe(255);
    expect(input.pixels[0]).toBe(0);
  });
});
