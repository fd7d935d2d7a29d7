import { ArgumentError } from '@backprop/core';
import { PNG } from 'pngjs';

/**
 * An 8-bit grayscale PNG of one image, as a `data:` URI for an `<img>`. A 28×28 MNIST digit is about
 * 160 bytes, far smaller than drawing its 784 pixels as SVG rectangles.
 */
export function grayscalePngDataUri(pixels: Uint8Array, width: number, height: number): string {
  if (pixels.length !== width * height) {
    throw new ArgumentError(`grayscalePngDataUri expects ${width}×${height} = ${width * height} pixels, got ${pixels.length}`);
  }
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, inputHasAlpha: false, bitDepth: 8 });
  png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.length);
  const bytes = PNG.sync.write(png, { colorType: 0, inputColorType: 0, inputHasAlpha: false });
  return `data:image/png;base64,${bytes.toString('base64')}`;
}
