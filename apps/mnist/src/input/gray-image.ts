/** A single-channel 8-bit image, row-major: `pixels[y * width + x]`, 0 black … 255 white. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly pixels: Uint8Array;
}

/** Rescale a sample in 0..maxval to 0..255, rounding to nearest (netpbm's and PIL's convention). */
export function scaleToByte(value: number, maxval: number): number {
  return maxval === 255 ? value : Math.round((value * 255) / maxval);
}
