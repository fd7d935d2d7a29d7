import { ArgumentError } from '@backprop/core';
import { PNG } from 'pngjs';
import { grayscalePngDataUri } from './digit-png';

describe('grayscalePngDataUri', () => {
  it('encodes a grayscale PNG that decodes back to the same pixels', () => {
    const pixels = Uint8Array.from({ length: 28 * 28 }, (_, i) => (i * 37) % 256);
    const uri = grayscalePngDataUri(pixels, 28, 28);
    expect(uri.startsWith('data:image/png;base64,')).toBe(true);
    const png = PNG.sync.read(Buffer.from(uri.slice('data:image/png;base64,'.length), 'base64'));
    expect([png.width, png.height, png.colorType]).toEqual([28, 28, 0]);
    for (let i = 0; i < pixels.length; i++) expect(png.data[4 * i]).toBe(pixels[i]);
    expect(uri.length).toBeLessThan(2000);
  });

  it('encodes a subarray view without reading outside it', () => {
    const all = new Uint8Array(3 * 4).fill(9);
    all.fill(200, 4, 8);
    const uri = grayscalePngDataUri(all.subarray(4, 8), 2, 2);
    const png = PNG.sync.read(Buffer.from(uri.split(',')[1], 'base64'));
    expect([png.data[0], png.data[4], png.data[8], png.data[12]]).toEqual([200, 200, 200, 200]);
  });

  it('rejects a pixel count that does not match the size', () => {
    expect(() => grayscalePngDataUri(new Uint8Array(10), 28, 28)).toThrow(ArgumentError);
    expect(() => grayscalePngDataUri(new Uint8Array(10), 28, 28)).toThrow('expects 28×28 = 784 pixels, got 10');
  });
});
