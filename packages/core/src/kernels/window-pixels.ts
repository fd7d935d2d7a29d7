import type { WindowGeometry } from './window-geometry';

/** Built once per geometry (a layer keeps its geometry from build on), so every step reuses the table. */
const cache = new WeakMap<WindowGeometry, Int32Array>();

/**
 * The walk of a sliding window over one sample, written once for every js sliding-window kernel (im2col,
 * col2im, max and average pooling): for each output pixel (row-major) and each window position (ky, kx,
 * row-major, as Keras / tfjs order a kernel and as max pooling breaks ties), the input pixel iy·inW + ix it
 * reads, or −1 where the window hangs over the padding. Entry [(oy·outW + ox)·windowH·windowW + ky·windowW + kx],
 * with iy = oy·strideH − padTop + ky·dilationH and ix = ox·strideW − padLeft + kx·dilationW. The kernels then
 * loop over channels at each entry without recomputing the geometry per sample or per channel. The table
 * is as large as one sample's patch matrix divided by its channels (Int32 for Float32), so it never
 * outweighs the im2col buffer it indexes (sized for whole batches); the wasm kernels do not use it.
 */
export function windowPixels(g: WindowGeometry): Int32Array {
  const cached = cache.get(g);
  if (cached) return cached;
  const table = new Int32Array(g.outH * g.outW * g.windowH * g.windowW);
  let q = 0;
  for (let oy = 0; oy < g.outH; oy++) {
    for (let ox = 0; ox < g.outW; ox++) {
      for (let ky = 0; ky < g.windowH; ky++) {
        const iy = oy * g.strideH - g.padTop + ky * g.dilationH;
        for (let kx = 0; kx < g.windowW; kx++, q++) {
          const ix = ox * g.strideW - g.padLeft + kx * g.dilationW;
          table[q] = iy < 0 || iy >= g.inH || ix < 0 || ix >= g.inW ? -1 : iy * g.inW + ix;
        }
      }
    }
  }
  cache.set(g, table);
  return table;
}
