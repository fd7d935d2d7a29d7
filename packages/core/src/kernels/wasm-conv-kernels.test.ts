import { AveragePooling2D } from '../layers/average-pooling-2d';
import { Conv2D } from '../layers/conv2d';
import { Dense } from '../layers/dense';
import { Flatten } from '../layers/flatten';
import { MaxPooling2D } from '../layers/max-pooling-2d';
import { ZeroPadding2D } from '../layers/zero-padding-2d';
import { SequentialNetwork } from '../network/sequential-network';
import { Rng } from '../random';
import { jsKernels } from './js-kernels';
import type { Kernels } from './kernels';
import { loadWasmKernels } from './wasm-kernels';
import { hasWasmSimd } from './wasm-module';
import { type WindowGeometry, windowGeometry } from './window-geometry';

// The wasm sliding-window kernels against the js reference on the same seeded inputs. im2col, col2im
// and max pooling move or add values without rounding differences (col2im adds in the same order), and
// average pooling computes in f64 in the reference's order, so they must agree exactly; whole networks
// agree to float32 GEMM rounding.
const simd = hasWasmSimd();
const describeWasm = simd ? describe : describe.skip;

const rng = new Rng(7);
const random = (n: number) => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));

/** Geometries covering valid / same, strides, dilation, 1 to 5 channels (SIMD tails), kernels wider than the input's edge. */
const GEOMETRIES: [string, WindowGeometry][] = [
  ['3×3 valid, 1 channel (first MNIST conv)', windowGeometry([8, 9, 1], { label: 't', window: 'kernel', size: [3, 3], strides: [1, 1], padding: 'valid' })],
  ['3×3 same, 5 channels', windowGeometry([6, 5, 5], { label: 't', window: 'kernel', size: [3, 3], strides: [1, 1], padding: 'same' })],
  ['[2, 3] same strides [2, 3], 4 channels', windowGeometry([7, 8, 4], { label: 't', window: 'kernel', size: [2, 3], strides: [2, 3], padding: 'same' })],
  ['3×3 dilation 2 same, 3 channels', windowGeometry([7, 6, 3], { label: 't', window: 'kernel', size: [3, 3], strides: [1, 1], dilation: [2, 2], padding: 'same' })],
  ['5×5 same on 3×4, 2 channels (windows past both edges)', windowGeometry([3, 4, 2], { label: 't', window: 'kernel', size: [5, 5], strides: [1, 1], padding: 'same' })],
];

describeWasm('wasm convolution kernels = js convolution kernels', () => {
  const loaded = loadWasmKernels();
  it('loads', () => expect(loaded).not.toBeNull());
  if (!loaded) return;
  const wasm: Kernels = loaded;

  it.each(GEOMETRIES)('im2col and col2im (accumulating or not), %s', (_name, g) => {
    const batch = 3;
    const x = random(batch * g.inH * g.inW * g.channels);
    const colsLength = batch * g.outH * g.outW * g.windowH * g.windowW * g.channels;
    const [expected, actual] = [new Float32Array(colsLength).fill(9), wasm.alloc(colsLength).fill(9)];
    jsKernels.im2col(x, expected, batch, g);
    wasm.im2col(x, actual, batch, g);
    expect(Array.from(actual)).toEqual(Array.from(expected));
    const dcols = random(colsLength);
    for (const accumulate of [false, true]) {
      const start = random(x.length);
      const [dxJs, dxWasm] = [start.slice(), start.slice()];
      jsKernels.col2im(dcols, dxJs, batch, g, accumulate);
      wasm.col2im(dcols, dxWasm, batch, g, accumulate);
      expect(Array.from(dxWasm)).toEqual(Array.from(dxJs));
    }
  });

  it.each([
    ['2×2 valid', { size: [2, 2], strides: [2, 2], padding: 'valid' }],
    ['3×3 strides 2 same, 5 channels', { size: [3, 3], strides: [2, 2], padding: 'same', channels: 5 }],
    ['[3, 2] strides [1, 2] valid, 4 channels', { size: [3, 2], strides: [1, 2], padding: 'valid', channels: 4 }],
  ] as const)('maxPool and maxPoolBackward, %s', (_name, o) => {
    const g = windowGeometry([7, 6, 'channels' in o ? o.channels : 1], { label: 't', window: 'pool', size: o.size, strides: o.strides, padding: o.padding });
    const batch = 2;
    const x = random(batch * g.inH * g.inW * g.channels);
    // Ties, where the first occurrence must win in both: pixel (0, 1) repeats pixel (0, 0) in every channel
    // (the vectorised channels), and in one channel the first four values are equal.
    x.copyWithin(g.channels, 0, g.channels);
    x.copyWithin(g.inH * g.inW * g.channels + 2 * g.channels, g.inH * g.inW * g.channels, g.inH * g.inW * g.channels + g.channels);
    const out = batch * g.outH * g.outW * g.channels;
    const [yJs, aJs, yWasm, aWasm] = [new Float32Array(out), new Float32Array(out), new Float32Array(out), new Float32Array(out)];
    jsKernels.maxPool(x, yJs, aJs, batch, g);
    wasm.maxPool(x, yWasm, aWasm, batch, g);
    expect(Array.from(yWasm)).toEqual(Array.from(yJs));
    expect(Array.from(aWasm)).toEqual(Array.from(aJs));
    const dy = random(out);
    const [dxJs, dxWasm] = [random(x.length), random(x.length)];
    jsKernels.maxPoolBackward(dy, aJs, dxJs, batch, g);
    wasm.maxPoolBackward(dy, aWasm, dxWasm, batch, g);
    expect(Array.from(dxWasm)).toEqual(Array.from(dxJs));
  });

  it.each([
    ['2×2 valid', [7, 6, 1], { size: [2, 2], strides: [2, 2], padding: 'valid' }],
    ['3×3 strides 2 same, 5 channels (windows partly outside)', [7, 6, 5], { size: [3, 3], strides: [2, 2], padding: 'same' }],
    ['[3, 2] strides [1, 2] valid, 4 channels', [7, 6, 4], { size: [3, 2], strides: [1, 2], padding: 'valid' }],
    ['2×2 strides 1 same, 3 channels (last row and column of windows half outside)', [5, 4, 3], { size: [2, 2], strides: [1, 1], padding: 'same' }],
    ['5×5 same on 3×4, 2 channels (windows past both edges, overlapping)', [3, 4, 2], { size: [5, 5], strides: [1, 1], padding: 'same' }],
  ] as const)('avgPool and avgPoolBackward, %s', (_name, shape, o) => {
    const g = windowGeometry(shape, { label: 't', window: 'pool', size: o.size, strides: o.strides, padding: o.padding });
    const batch = 3;
    const x = random(batch * g.inH * g.inW * g.channels);
    const out = batch * g.outH * g.outW * g.channels;
    // Both start from garbage: the kernels write every output and zero dx themselves.
    const [yJs, yWasm] = [random(out), random(out)];
    jsKernels.avgPool(x, yJs, batch, g);
    wasm.avgPool(x, yWasm, batch, g);
    // Summed in f64 in the reference's order in both: equal bit for bit.
    expect(Array.from(yWasm)).toEqual(Array.from(yJs));
    const dy = random(out);
    const [dxJs, dxWasm] = [random(x.length), random(x.length)];
    jsKernels.avgPoolBackward(dy, dxJs, batch, g);
    wasm.avgPoolBackward(dy, dxWasm, batch, g);
    expect(Array.from(dxWasm)).toEqual(Array.from(dxJs));
    // The heap path (views from alloc, no staging copies) gives the same.
    const [hx, hy, hdy, hdx] = [wasm.alloc(x.length), wasm.alloc(out), wasm.alloc(out), wasm.alloc(x.length)];
    hx.set(x);
    hdy.set(dy);
    wasm.avgPool(hx, hy, batch, g);
    wasm.avgPoolBackward(hdy, hdx, batch, g);
    expect(Array.from(hy)).toEqual(Array.from(yJs));
    expect(Array.from(hdx)).toEqual(Array.from(dxJs));
    for (const b of [hx, hy, hdy, hdx]) wasm.free(b);
  });

  it('a CNN trained on both kernel sets: same gradients and outputs to float32 rounding', () => {
    const layers = () => [
      new ZeroPadding2D({ padding: 1 }),
      new Conv2D({ filters: 6, kernelSize: 3, activation: 'relu' }),
      new MaxPooling2D(),
      new Conv2D({ filters: 5, kernelSize: 2, strides: 2, padding: 'same', activation: 'tanh' }),
      new AveragePooling2D({ poolSize: 2, strides: 1 }),
      new Flatten(),
      new Dense({ units: 4, activation: 'softmax' }),
    ];
    const build = (kernels: Kernels) => new SequentialNetwork({ inputShape: [10, 9, 2], layers: layers(), loss: 'categoricalCrossentropy', kernels, seed: 4 });
    const [js, fast] = [build(jsKernels), build(wasm)];
    const rows = 5;
    const x = random(rows * 180);
    const y = Float32Array.from({ length: rows * 4 }, (_, i) => (i % 4 === Math.floor(i / 4) % 4 ? 1 : 0));
    expect(fast.computeGradients(x, y, rows)).toBeCloseTo(js.computeGradients(x, y, rows), 5);
    fast.weights.forEach((w, i) => {
      const reference = js.weights[i].grad;
      const scale = Math.max(1, ...Array.from(reference, Math.abs));
      const worst = Math.max(...Array.from(w.grad, (g, j) => Math.abs(g - reference[j])));
      expect(worst / scale).toBeLessThan(1e-5);
    });
    const out = (net: SequentialNetwork) => Array.from(net.forward(x, rows).subarray(0, rows * 4));
    out(fast).forEach((v, i) => expect(v).toBeCloseTo(out(js)[i], 5));
    fast.dispose();
  });
});
