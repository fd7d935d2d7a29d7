import { ArgumentError } from '@backprop/core';

export interface PreprocessDigitOptions {
  /** Pixels above this value (in the input's own scale) count as ink for the bounding box; default 0. */
  inkThreshold?: number;
  /** Side of the box the digit is scaled to fit; default 20 (MNIST's). */
  box?: number;
  /** Side of the output image; default 28 (MNIST's). */
  side?: number;
}

/** A digit ready for an MNIST model: `side`×`side` values in 0..1, light ink on black. */
export interface PreprocessedDigit {
  readonly pixels: Float32Array;
  /** True when there was no ink at all (the output is all zeros). */
  readonly empty: boolean;
}

const SUBSAMPLES = 4;

/**
 * MNIST's normalisation of a digit of any size (LeCun, Cortes & Burges, "THE MNIST DATABASE": "the
 * images were size normalized to fit in a 20x20 pixel box while preserving their aspect ratio … centered
 * in a 28x28 image by computing the center of mass of the pixels, and translating the image so as to
 * position this point at the center of the 28x28 field"): crop to the ink's bounding box, scale it to fit
 * 20×20 (area-averaged, anti-aliased like the original), and shift its centre of mass to the centre.
 * `pixels` are `width`×`height`, row-major, ink high (white digit on black; invert dark-on-light first),
 * scaled to 0..1 by `maxValue` (255 for bytes).
 */
export function preprocessDigit(pixels: ArrayLike<number>, width: number, height: number, maxValue = 255, options: PreprocessDigitOptions = {}): PreprocessedDigit {
  if (!Number.isInteger(width) || width <= 0 || !Number.isInteger(height) || height <= 0) {
    throw new ArgumentError(`preprocessDigit: width and height must be positive integers, got ${width}×${height}`);
  }
  if (pixels.length !== width * height) throw new ArgumentError(`preprocessDigit: expected ${width}×${height} = ${width * height} pixels, got ${pixels.length}`);
  const { inkThreshold = 0, box = 20, side = 28 } = options;
  if (!(box > 0 && box <= side)) throw new ArgumentError(`preprocessDigit: box must be in 1..side (${side}), got ${box}`);
  const out = new Float32Array(side * side);
  let [x0, y0, x1, y1] = [width, height, -1, -1];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (pixels[y * width + x] > inkThreshold) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) return { pixels: out, empty: true };
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = box / Math.max(bw, bh);
  const w = Math.max(1, Math.round(bw * scale));
  const h = Math.max(1, Math.round(bh * scale));
  // Each target pixel averages SUBSAMPLES² points of its footprint in the source (nearest source pixel).
  const scaled = new Float32Array(w * h);
  for (let ty = 0; ty < h; ty++) {
    for (let tx = 0; tx < w; tx++) {
      let sum = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        const y = Math.min(y1, y0 + Math.floor(((ty + (sy + 0.5) / SUBSAMPLES) * bh) / h));
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = Math.min(x1, x0 + Math.floor(((tx + (sx + 0.5) / SUBSAMPLES) * bw) / w));
          sum += pixels[y * width + x];
        }
      }
      scaled[ty * w + tx] = Math.min(1, Math.max(0, sum / (SUBSAMPLES * SUBSAMPLES) / maxValue));
    }
  }
  // Centre of mass of the scaled digit in pixel indices, placed at index side/2 (14): the convention
  // MNIST's own digits follow (checked in the test against the test set).
  let mass = 0;
  let mx = 0;
  let my = 0;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const v = scaled[y * w + x];
      mass += v;
      mx += v * x;
      my += v * y;
    }
  }
  const centre = side / 2;
  // Shift so the centre of mass lands on the centre, kept inside the field (a lopsided digit is not cut).
  const left = Math.min(side - w, Math.max(0, Math.round(centre - (mass > 0 ? mx / mass : (w - 1) / 2))));
  const top = Math.min(side - h, Math.max(0, Math.round(centre - (mass > 0 ? my / mass : (h - 1) / 2))));
  for (let y = 0; y < h; y++) out.set(scaled.subarray(y * w, (y + 1) * w), (top + y) * side + left);
  return { pixels: out, empty: false };
}
