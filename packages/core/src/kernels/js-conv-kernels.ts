import type { ConvolutionKernels } from './kernels';
import { windowPixels } from './window-pixels';

/**
 * The readable reference of the sliding-window kernels (see ConvolutionKernels): for each sample, each
 * output pixel and each window position, the input pixel comes from windowPixels (the geometry, written
 * once); channels are innermost (contiguous in memory).
 */
export const jsConvolutionKernels: ConvolutionKernels = {
  im2col(x, cols, batch, g) {
    const c = g.channels;
    const pixels = windowPixels(g);
    let o = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * g.inH * g.inW * c;
      for (let q = 0; q < pixels.length; q++, o += c) {
        const p = pixels[q];
        if (p < 0) {
          for (let ch = 0; ch < c; ch++) cols[o + ch] = 0;
          continue;
        }
        const at = sample + p * c;
        for (let ch = 0; ch < c; ch++) cols[o + ch] = x[at + ch];
      }
    }
  },

  col2im(cols, dx, batch, g, accumulate = false) {
    const c = g.channels;
    if (!accumulate) dx.fill(0, 0, batch * g.inH * g.inW * c);
    const pixels = windowPixels(g);
    let o = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * g.inH * g.inW * c;
      for (let q = 0; q < pixels.length; q++, o += c) {
        const p = pixels[q];
        if (p < 0) continue;
        const at = sample + p * c;
        for (let ch = 0; ch < c; ch++) dx[at + ch] += cols[o + ch];
      }
    }
  },

  maxPool(x, y, argmax, batch, g) {
    const c = g.channels;
    const pixels = windowPixels(g);
    const window = g.windowH * g.windowW;
    let out = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * g.inH * g.inW * c;
      for (let start = 0; start < pixels.length; start += window) {
        for (let ch = 0; ch < c; ch++, out++) {
          let best = Number.NEGATIVE_INFINITY;
          let where = -1;
          for (let q = start; q < start + window; q++) {
            // Padding never wins (tfjs's maxPool skips it).
            if (pixels[q] < 0) continue;
            const at = pixels[q] * c + ch;
            const v = x[sample + at];
            // Strictly greater: the first maximum in row-major window order wins, as in tfjs's maxPoolPositions.
            if (v > best || where < 0) {
              best = v;
              where = at;
            }
          }
          y[out] = best;
          argmax[out] = where;
        }
      }
    }
  },

  maxPoolBackward(dy, argmax, dx, batch, g) {
    const sampleIn = g.inH * g.inW * g.channels;
    const sampleOut = g.outH * g.outW * g.channels;
    dx.fill(0, 0, batch * sampleIn);
    for (let n = 0; n < batch; n++) {
      for (let o = 0; o < sampleOut; o++) dx[n * sampleIn + argmax[n * sampleOut + o]] += dy[n * sampleOut + o];
    }
  },

  avgPool(x, y, batch, g) {
    const c = g.channels;
    const pixels = windowPixels(g);
    const window = g.windowH * g.windowW;
    let out = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * g.inH * g.inW * c;
      for (let start = 0; start < pixels.length; start += window) {
        // The mean over the window positions inside the input (tfjs's avgPool with `same` padding; Keras too).
        const count = insideCount(pixels, start, window);
        for (let ch = 0; ch < c; ch++, out++) {
          let sum = 0;
          for (let q = start; q < start + window; q++) if (pixels[q] >= 0) sum += x[sample + pixels[q] * c + ch];
          y[out] = sum / count;
        }
      }
    }
  },

  avgPoolBackward(dy, dx, batch, g) {
    const c = g.channels;
    dx.fill(0, 0, batch * g.inH * g.inW * c);
    const pixels = windowPixels(g);
    const window = g.windowH * g.windowW;
    let out = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * g.inH * g.inW * c;
      for (let start = 0; start < pixels.length; start += window, out += c) {
        const count = insideCount(pixels, start, window);
        for (let q = start; q < start + window; q++) {
          if (pixels[q] < 0) continue;
          const at = sample + pixels[q] * c;
          for (let ch = 0; ch < c; ch++) dx[at + ch] += dy[out + ch] / count;
        }
      }
    }
  },
};

/** How many of the `window` entries from `start` are inside the input. */
function insideCount(pixels: Int32Array, start: number, window: number): number {
  let count = 0;
  for (let q = start; q < start + window; q++) if (pixels[q] >= 0) count++;
  return count;
}
