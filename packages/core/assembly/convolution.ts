// The sliding-window kernels of Conv2D on channels-last batches (pooling: pooling.ts) (src/kernels/kernels.ts,
// ConvolutionKernels, documents each; src/kernels/js-conv-kernels.ts is the readable reference).
// im2col / col2im move whole spans: with dilation 1 the in-bounds part of one kernel row (kx range) is
// kw·C contiguous floats in both the input and the patch row, copied or added four lanes at a time.

/** dst[0..n) = src[0..n) */
// @ts-ignore: decorator
@inline function copySpan(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) v128.store(dst + (<usize>i << 2), v128.load(src + (<usize>i << 2)));
  for (; i < n; i++) store<f32>(dst + (<usize>i << 2), load<f32>(src + (<usize>i << 2)));
}

/** dst[0..n) += src[0..n) */
// @ts-ignore: decorator
@inline function addSpan(dst: usize, src: usize, n: i32): void {
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const o = <usize>i << 2;
    v128.store(dst + o, f32x4.add(v128.load(dst + o), v128.load(src + o)));
  }
  for (; i < n; i++) {
    const o = <usize>i << 2;
    store<f32>(dst + o, load<f32>(dst + o) + load<f32>(src + o));
  }
}

/** First kx whose column ix = x0 + kx·d is ≥ 0, and one past the last with ix < inW. */
// @ts-ignore: decorator
@inline function firstInside(x0: i32, d: i32): i32 {
  return x0 >= 0 ? 0 : (-x0 + d - 1) / d;
}
// @ts-ignore: decorator
@inline function endInside(x0: i32, d: i32, k: i32, inW: i32): i32 {
  return x0 >= inW ? 0 : min(k, (inW - 1 - x0) / d + 1);
}

/** One patch row (or its adjoint) per output pixel; `adjoint` adds the patch back into dx instead of reading x. */
function walk(
  x: usize, cols: usize, batch: i32, inH: i32, inW: i32, c: i32, kh: i32, kw: i32, sh: i32, sw: i32,
  dh: i32, dw: i32, padTop: i32, padLeft: i32, outH: i32, outW: i32, adjoint: bool,
): void {
  const patchBytes = <usize>(kh * kw * c) << 2;
  const pixelBytes = <usize>c << 2;
  const sampleBytes = <usize>(inH * inW * c) << 2;
  let row = cols;
  for (let n = 0; n < batch; n++) {
    const sample = x + <usize>n * sampleBytes;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++, row += patchBytes) {
        const x0 = ox * sw - padLeft;
        const k0 = firstInside(x0, dw);
        const k1 = max(k0, endInside(x0, dw, kw, inW));
        for (let ky = 0; ky < kh; ky++) {
          const iy = oy * sh - padTop + ky * dh;
          const out = row + <usize>(ky * kw) * pixelBytes;
          if (iy < 0 || iy >= inH || k1 == k0) {
            if (!adjoint) memory.fill(out, 0, <usize>kw * pixelBytes);
            continue;
          }
          if (!adjoint && k0 > 0) memory.fill(out, 0, <usize>k0 * pixelBytes);
          if (!adjoint && k1 < kw) memory.fill(out + <usize>k1 * pixelBytes, 0, <usize>(kw - k1) * pixelBytes);
          const at = sample + <usize>(iy * inW + x0 + k0 * dw) * pixelBytes;
          const dst = out + <usize>k0 * pixelBytes;
          if (dw == 1) {
            // The in-bounds kernel columns are adjacent pixels: one contiguous span.
            if (adjoint) addSpan(at, dst, (k1 - k0) * c);
            else copySpan(dst, at, (k1 - k0) * c);
          } else {
            for (let kx = k0; kx < k1; kx++) {
              const src = at + <usize>((kx - k0) * dw) * pixelBytes;
              const d = dst + <usize>(kx - k0) * pixelBytes;
              if (adjoint) addSpan(src, d, c);
              else copySpan(d, src, c);
            }
          }
        }
      }
    }
  }
}

export function im2col(
  x: usize, cols: usize, batch: i32, inH: i32, inW: i32, c: i32, kh: i32, kw: i32, sh: i32, sw: i32,
  dh: i32, dw: i32, padTop: i32, padLeft: i32, outH: i32, outW: i32,
): void {
  walk(x, cols, batch, inH, inW, c, kh, kw, sh, sw, dh, dw, padTop, padLeft, outH, outW, false);
}

export function col2im(
  cols: usize, dx: usize, batch: i32, inH: i32, inW: i32, c: i32, kh: i32, kw: i32, sh: i32, sw: i32,
  dh: i32, dw: i32, padTop: i32, padLeft: i32, outH: i32, outW: i32, accumulate: bool,
): void {
  if (!accumulate) memory.fill(dx, 0, <usize>(batch * inH * inW * c) << 2);
  walk(dx, cols, batch, inH, inW, c, kh, kw, sh, sw, dh, dw, padTop, padLeft, outH, outW, true);
}
