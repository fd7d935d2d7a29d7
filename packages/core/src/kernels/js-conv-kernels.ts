import type { ConvolutionKernels } from './kernels';
import type { WindowGeometry } from './window-geometry';

/**
 * The readable reference of the sliding-window kernels (see ConvolutionKernels): plain loops over
 * samples, output pixels, window positions and channels, channels innermost (contiguous in memory).
 */
export const jsConvolutionKernels: ConvolutionKernels = {
  im2col(x, cols, batch, g) {
    const { inH, inW, channels: c, windowH, windowW } = g;
    const patch = windowH * windowW * c;
    let row = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * inH * inW * c;
      for (let oy = 0; oy < g.outH; oy++) {
        for (let ox = 0; ox < g.outW; ox++, row++) {
          let o = row * patch;
          for (let ky = 0; ky < windowH; ky++) {
            const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
            for (let kx = 0; kx < windowW; kx++, o += c) {
              const ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
              if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) {
                cols.fill(0, o, o + c);
                continue;
              }
              const at = sample + (iy * inW + ix) * c;
              for (let ch = 0; ch < c; ch++) cols[o + ch] = x[at + ch];
            }
          }
        }
      }
    }
  },

  col2im(cols, dx, batch, g, accumulate = false) {
    const { inH, inW, channels: c, windowH, windowW } = g;
    if (!accumulate) dx.fill(0, 0, batch * inH * inW * c);
    const patch = windowH * windowW * c;
    let row = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * inH * inW * c;
      for (let oy = 0; oy < g.outH; oy++) {
        for (let ox = 0; ox < g.outW; ox++, row++) {
          let o = row * patch;
          for (let ky = 0; ky < windowH; ky++) {
            const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
            for (let kx = 0; kx < windowW; kx++, o += c) {
              const ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
              if (iy < 0 || iy >= inH || ix < 0 || ix >= inW) continue;
              const at = sample + (iy * inW + ix) * c;
              for (let ch = 0; ch < c; ch++) dx[at + ch] += cols[o + ch];
            }
          }
        }
      }
    }
  },

  maxPool(x, y, argmax, batch, g) {
    const { inH, inW, channels: c } = g;
    let out = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * inH * inW * c;
      for (let oy = 0; oy < g.outH; oy++) {
        for (let ox = 0; ox < g.outW; ox++) {
          for (let ch = 0; ch < c; ch++, out++) {
            let best = Number.NEGATIVE_INFINITY;
            let where = -1;
            forEachInWindow(g, oy, ox, (index) => {
              const v = x[sample + index * c + ch];
              // Strictly greater: the first maximum in row-major window order wins, as in tfjs's maxPoolPositions.
              if (v > best || where < 0) {
                best = v;
                where = index * c + ch;
              }
            });
            y[out] = best;
            argmax[out] = where;
          }
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
    const { inH, inW, channels: c } = g;
    let out = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * inH * inW * c;
      for (let oy = 0; oy < g.outH; oy++) {
        for (let ox = 0; ox < g.outW; ox++) {
          for (let ch = 0; ch < c; ch++, out++) {
            let sum = 0;
            const count = forEachInWindow(g, oy, ox, (index) => {
              sum += x[sample + index * c + ch];
            });
            y[out] = sum / count;
          }
        }
      }
    }
  },

  avgPoolBackward(dy, dx, batch, g) {
    const { inH, inW, channels: c } = g;
    dx.fill(0, 0, batch * inH * inW * c);
    let out = 0;
    for (let n = 0; n < batch; n++) {
      const sample = n * inH * inW * c;
      for (let oy = 0; oy < g.outH; oy++) {
        for (let ox = 0; ox < g.outW; ox++) {
          const count = forEachInWindow(g, oy, ox, () => {});
          for (let ch = 0; ch < c; ch++, out++) {
            const share = dy[out] / count;
            forEachInWindow(g, oy, ox, (index) => {
              dx[sample + index * c + ch] += share;
            });
          }
        }
      }
    }
  },
};

/** Calls `visit` with the pixel index iy·inW + ix of each window position inside the input; returns how many there were. */
function forEachInWindow(g: WindowGeometry, oy: number, ox: number, visit: (index: number) => void): number {
  let count = 0;
  for (let ky = 0; ky < g.windowH; ky++) {
    const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
    if (iy < 0 || iy >= g.inH) continue;
    for (let kx = 0; kx < g.windowW; kx++) {
      const ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
      if (ix < 0 || ix >= g.inW) continue;
      visit(iy * g.inW + ix);
      count++;
    }
  }
  return count;
}
