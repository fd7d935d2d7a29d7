// The pooling kernels on channels-last batches (src/kernels/kernels.ts, ConvolutionKernels, documents each;
// src/kernels/js-conv-kernels.ts is the readable reference). Pooling windows have no dilation, so the
// in-bounds part of a window is the rectangle [y0, y1) × [x0, x1), and channels are contiguous: several
// channels are pooled at once.

/**
 * Max pooling with the index of each maximum (first on ties; padding never wins). Channels are
 * contiguous, so four channels are pooled at once: a lane takes a value only when it is strictly greater
 * (f32x4.gt), which keeps the first maximum like the scalar loop of the js reference.
 */
export function maxPool(
  x: usize, y: usize, argmax: usize, batch: i32, inH: i32, inW: i32, c: i32, ph: i32, pw: i32, sh: i32, sw: i32,
  padTop: i32, padLeft: i32, outH: i32, outW: i32,
): void {
  const sampleBytes = <usize>(inH * inW * c) << 2;
  const lanes = i32x4(0, 1, 2, 3);
  const full = c & ~3;
  let out: usize = 0;
  for (let n = 0; n < batch; n++) {
    const sample = x + <usize>n * sampleBytes;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = max(0, oy * sh - padTop);
      const y1 = min(inH, oy * sh - padTop + ph);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = max(0, ox * sw - padLeft);
        const x1 = min(inW, ox * sw - padLeft + pw);
        for (let ch = 0; ch < full; ch += 4, out += 16) {
          const first = (y0 * inW + x0) * c + ch;
          let best = v128.load(sample + (<usize>first << 2));
          let where = i32x4.add(i32x4.splat(first), lanes);
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const index = (iy * inW + ix) * c + ch;
              const v = v128.load(sample + (<usize>index << 2));
              const greater = f32x4.gt(v, best);
              best = v128.bitselect(v, best, greater);
              where = v128.bitselect(i32x4.add(i32x4.splat(index), lanes), where, greater);
            }
          }
          v128.store(y + out, best);
          v128.store(argmax + out, f32x4.convert_i32x4_s(where));
        }
        for (let ch = full; ch < c; ch++, out += 4) {
          let where = (y0 * inW + x0) * c + ch;
          let best = load<f32>(sample + (<usize>where << 2));
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const index = (iy * inW + ix) * c + ch;
              const v = load<f32>(sample + (<usize>index << 2));
              if (v > best) {
                best = v;
                where = index;
              }
            }
          }
          store<f32>(y + out, best);
          store<f32>(argmax + out, <f32>where);
        }
      }
    }
  }
}

/** dx = 0, then dx[argmax] += dy. */
export function maxPoolBackward(dy: usize, argmax: usize, dx: usize, batch: i32, sampleIn: i32, sampleOut: i32): void {
  memory.fill(dx, 0, <usize>(batch * sampleIn) << 2);
  for (let n = 0; n < batch; n++) {
    const base = dx + (<usize>(n * sampleIn) << 2);
    const o0 = <usize>(n * sampleOut) << 2;
    for (let o = 0; o < sampleOut; o++) {
      const at = o0 + (<usize>o << 2);
      const p = base + (<usize>(<i32>load<f32>(argmax + at)) << 2);
      store<f32>(p, load<f32>(p) + load<f32>(dy + at));
    }
  }
}

/**
 * Average pooling: the mean of the window positions inside the input (padding is not counted, as in tfjs's
 * avgPool). Summed and divided in f64, two channels at a time, in the js reference's order (row-major
 * window), so the result is the reference's bit for bit: JavaScript sums the float32 inputs as numbers.
 */
export function avgPool(
  x: usize, y: usize, batch: i32, inH: i32, inW: i32, c: i32, ph: i32, pw: i32, sh: i32, sw: i32,
  padTop: i32, padLeft: i32, outH: i32, outW: i32,
): void {
  const sampleBytes = <usize>(inH * inW * c) << 2;
  const pairs = c & ~1;
  let out = y;
  for (let n = 0; n < batch; n++) {
    const sample = x + <usize>n * sampleBytes;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = max(0, oy * sh - padTop);
      const y1 = min(inH, oy * sh - padTop + ph);
      for (let ox = 0; ox < outW; ox++) {
        const x0 = max(0, ox * sw - padLeft);
        const x1 = min(inW, ox * sw - padLeft + pw);
        const count = <f64>((y1 - y0) * (x1 - x0));
        for (let ch = 0; ch < pairs; ch += 2, out += 8) {
          let sum = f64x2.splat(0);
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) {
              const at = sample + (<usize>((iy * inW + ix) * c + ch) << 2);
              sum = f64x2.add(sum, f64x2.promote_low_f32x4(v128.load64_zero(at)));
            }
          }
          v128.store64_lane(out, f32x4.demote_f64x2_zero(f64x2.div(sum, f64x2.splat(count))), 0);
        }
        if (pairs < c) {
          let sum: f64 = 0;
          for (let iy = y0; iy < y1; iy++) {
            for (let ix = x0; ix < x1; ix++) sum += <f64>load<f32>(sample + (<usize>((iy * inW + ix) * c + pairs) << 2));
          }
          store<f32>(out, <f32>(sum / count));
          out += 4;
        }
      }
    }
  }
}

/**
 * The adjoint of avgPool: dx = 0, then each window position inside the input gets dy / count. In f64 like
 * the js reference (dx[i] += dy / count, computed as numbers and stored as float32), so they agree exactly.
 */
export function avgPoolBackward(
  dy: usize, dx: usize, batch: i32, inH: i32, inW: i32, c: i32, ph: i32, pw: i32, sh: i32, sw: i32,
  padTop: i32, padLeft: i32, outH: i32, outW: i32,
): void {
  const sampleBytes = <usize>(inH * inW * c) << 2;
  memory.fill(dx, 0, <usize>batch * sampleBytes);
  const pairs = c & ~1;
  let out = dy;
  for (let n = 0; n < batch; n++) {
    const sample = dx + <usize>n * sampleBytes;
    for (let oy = 0; oy < outH; oy++) {
      const y0 = max(0, oy * sh - padTop);
      const y1 = min(inH, oy * sh - padTop + ph);
      for (let ox = 0; ox < outW; ox++, out += <usize>c << 2) {
        const x0 = max(0, ox * sw - padLeft);
        const x1 = min(inW, ox * sw - padLeft + pw);
        const count = <f64>((y1 - y0) * (x1 - x0));
        for (let iy = y0; iy < y1; iy++) {
          for (let ix = x0; ix < x1; ix++) {
            const at = sample + (<usize>((iy * inW + ix) * c) << 2);
            for (let ch = 0; ch < pairs; ch += 2) {
              const o = <usize>ch << 2;
              const share = f64x2.div(f64x2.promote_low_f32x4(v128.load64_zero(out + o)), f64x2.splat(count));
              const sum = f64x2.add(f64x2.promote_low_f32x4(v128.load64_zero(at + o)), share);
              v128.store64_lane(at + o, f32x4.demote_f64x2_zero(sum), 0);
            }
            if (pairs < c) {
              const o = <usize>pairs << 2;
              store<f32>(at + o, <f32>(<f64>load<f32>(at + o) + <f64>load<f32>(out + o) / count));
            }
          }
        }
      }
    }
  }
}
