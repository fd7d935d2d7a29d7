import { ImageSizeError } from '../mnist-app-errors';

/**
 * The most pixels `backprop-mnist` will decode from one image: 4096×4096. pngjs expands every
 * image to 8-bit RGBA, so this caps the decoded bitmap at 64 MiB (and the inflated 16-bit RGBA
 * rows at 128 MiB). The model itself takes 28×28; the limit only has to let the decoders read an
 * honest photo of a digit and tell the user its size, not to decode anything a header claims.
 */
export const MAX_IMAGE_SIDE = 4096;
export const MAX_IMAGE_PIXELS = MAX_IMAGE_SIDE * MAX_IMAGE_SIDE;

/** Options shared by the image decoders. */
export interface DecodeImageOptions {
  /** Refuse images with more pixels than this (default `MAX_IMAGE_PIXELS`). */
  maxPixels?: number;
}

/**
 * Refuse a size read from a header (before any pixel memory is allocated) when it holds more than
 * `maxPixels` pixels. `declaredBy` names the header, e.g. `the PNG header`.
 */
export function checkDeclaredImageSize(
  width: number,
  height: number,
  file: string,
  declaredBy: string,
  maxPixels: number = MAX_IMAGE_PIXELS,
): void {
  if (width * height > maxPixels) {
    const side = Math.floor(Math.sqrt(maxPixels));
    const square = side * side === maxPixels ? ` (${side}×${side})` : '';
    throw new ImageSizeError({ width, height, expected: `at most ${maxPixels} pixels${square}`, file, maxPixels, declaredBy });
  }
}
