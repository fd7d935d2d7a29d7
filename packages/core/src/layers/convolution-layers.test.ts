import { ArgumentError, NotSupportedError, ShapeError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { SequentialNetwork } from '../network/sequential-network';
import { AveragePooling2D } from './average-pooling-2d';
import { Conv2D } from './conv2d';
import { GlobalAveragePooling2D } from './global-average-pooling-2d';
import type { Layer } from './layer';
import { MaxPooling2D } from './max-pooling-2d';
import { ZeroPadding2D } from './zero-padding-2d';

/** One forward pass of a single layer on one sample (js kernels), with the layer's weights set by hand. */
function run(layer: Layer, inputShape: number[], x: number[], weights?: number[][]): { shape: readonly number[]; y: number[] } {
  const net = new SequentialNetwork({ inputShape, layers: [layer], kernels: jsKernels });
  if (weights) net.setWeights(weights);
  return { shape: net.outputShape, y: Array.from(net.forward(Float32Array.from(x), 1).subarray(0, net.outputSize)) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('convolution layers: forward values worked out by hand', () => {
  it('Conv2D valid: a 3×3 image and a 2×2 kernel, two filters, bias', () => {
    // Image 1..9 row-major; kernel [kh, kw, cin, cout] = [2, 2, 1, 2]: filter 0 = [[1, 0], [0, -1]] (x[i,j] − x[i+1,j+1]),
    // filter 1 = all 1 (window sum). Bias [0.5, 0].
    const kernel = [1, 1, 0, 1, 0, 1, -1, 1];
    const { shape, y } = run(new Conv2D({ filters: 2, kernelSize: 2 }), [3, 3, 1], range(9), [kernel, [0.5, 0]]);
    expect(shape).toEqual([2, 2, 2]);
    // Windows: (1,2,4,5) (2,3,5,6) (4,5,7,8) (5,6,8,9); filter 0: 1−5, 2−6, 4−8, 5−9 = −4 each, + 0.5.
    expect(y).toEqual([-3.5, 12, -3.5, 16, -3.5, 24, -3.5, 28]);
  });

  it('Conv2D same with strides 2 on a 4×4 image pads one row / column at the bottom / right only (TensorFlow\'s split)', () => {
    // out = ⌈4 / 2⌉ = 2, total padding (2 − 1)·2 + 3 − 4 = 1 → top 0, bottom 1. A 3×3 all-ones kernel sums each window.
    const { shape, y } = run(new Conv2D({ filters: 1, kernelSize: 3, strides: 2, padding: 'same', useBias: false }), [4, 4, 1], range(16), [Array(9).fill(1)]);
    expect(shape).toEqual([2, 2, 1]);
    // Windows start at rows/cols 0 and 2: rows 0–2 × cols 0–2 = 1+2+3+5+6+7+9+10+11 = 54; rows 0–2 × cols 2–3 = 3+4+7+8+11+12 = 45;
    // rows 2–3 × cols 0–2 = 9+10+11+13+14+15 = 72; rows 2–3 × cols 2–3 = 11+12+15+16 = 54.
    expect(y).toEqual([54, 45, 72, 54]);
  });

  it('Conv2D with dilation 2 reads every other pixel; two input channels are summed', () => {
    // 5×5×2 image: channel 0 = 1..25, channel 1 = 100. Kernel 2×2 dilated to 3×3, weights 1 on channel 0, 0.01 on channel 1.
    const x = range(25).flatMap((v) => [v, 100]);
    const { shape, y } = run(new Conv2D({ filters: 1, kernelSize: 2, dilationRate: 2, useBias: false }), [5, 5, 2], x, [[1, 0.01, 1, 0.01, 1, 0.01, 1, 0.01]]);
    expect(shape).toEqual([3, 3, 1]);
    // Output (0, 0) reads pixels (0,0), (0,2), (2,0), (2,2) = 1 + 3 + 11 + 13 = 28, plus 4 × 100 × 0.01 = 4.
    expect(y[0]).toBeCloseTo(32, 5);
    expect(y[8]).toBeCloseTo(13 + 15 + 23 + 25 + 4, 5);
  });

  it('MaxPooling2D valid and same, AveragePooling2D same (padding left out of the mean), GlobalAveragePooling2D', () => {
    // 5×5, one channel; rows 3 1 4 1 5 / 9 2 6 5 3 / 5 8 9 7 9 / 3 2 3 8 4 / 6 2 6 4 3.
    const x = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3];
    expect(run(new MaxPooling2D(), [5, 5, 1], x)).toEqual({ shape: [2, 2, 1], y: [9, 6, 8, 9] });
    // same: ⌈5 / 2⌉ = 3 windows per axis, the last one 1 wide (padding bottom / right).
    expect(run(new MaxPooling2D({ padding: 'same' }), [5, 5, 1], x)).toEqual({ shape: [3, 3, 1], y: [9, 6, 5, 8, 9, 9, 6, 6, 3] });
    const avg = run(new AveragePooling2D({ padding: 'same' }), [5, 5, 1], x);
    expect(avg.y).toEqual([15 / 4, 16 / 4, 8 / 2, 18 / 4, 27 / 4, 13 / 2, 8 / 2, 10 / 2, 3]);
    const mean = run(new GlobalAveragePooling2D(), [2, 2, 2], [1, 10, 2, 20, 3, 30, 4, 40]);
    expect(mean).toEqual({ shape: [2], y: [2.5, 25] });
  });

  it('ZeroPadding2D puts [[top, bottom], [left, right]] zeros around each channel', () => {
    const { shape, y } = run(new ZeroPadding2D({ padding: [[1, 0], [0, 2]] }), [1, 2, 1], [7, 8]);
    expect(shape).toEqual([2, 4, 1]);
    expect(y).toEqual([0, 0, 0, 0, 7, 8, 0, 0]);
    expect(run(new ZeroPadding2D({ padding: 1 }), [1, 1, 2], [1, 2]).shape).toEqual([3, 3, 2]);
  });
});

describe('computeOutputShape (what the facade reports before building) is the shape the built layer has', () => {
  const builtShape = (layer: Layer, inputShape: number[]) => new SequentialNetwork({ inputShape, layers: [layer], kernels: jsKernels }).outputShape;

  it.each([
    ['Conv2D same, strides 2', () => new Conv2D({ filters: 3, kernelSize: 3, strides: 2, padding: 'same' }), [7, 5, 2]],
    ['Conv2D valid, dilation 2', () => new Conv2D({ filters: 4, kernelSize: [2, 3], dilationRate: 2 }), [9, 8, 1]],
    ['MaxPooling2D same', () => new MaxPooling2D({ poolSize: 2, padding: 'same' }), [5, 5, 3]],
    ['AveragePooling2D strides 1', () => new AveragePooling2D({ poolSize: 3, strides: 1 }), [6, 4, 2]],
    ['GlobalAveragePooling2D', () => new GlobalAveragePooling2D(), [4, 3, 5]],
    ['ZeroPadding2D', () => new ZeroPadding2D({ padding: [[1, 2], [0, 3]] }), [2, 2, 3]],
  ] as const)('%s', (_, make, inputShape) => {
    expect(make().computeOutputShape([...inputShape])).toEqual(builtShape(make(), [...inputShape]));
  });

  it('names the layer when the input does not fit', () => {
    expect(() => new Conv2D({ filters: 2, kernelSize: 5, name: 'c' }).computeOutputShape([4, 4, 1])).toThrow(new ShapeError('Conv2D "c" kernel 5x5 is larger than its input of shape [4, 4, 1] with padding "valid"; use padding "same" or a smaller kernel'));
    expect(() => new ZeroPadding2D({ name: 'z' }).computeOutputShape([4, 4])).toThrow(/ZeroPadding2D "z" expects samples of shape \[height, width, channels\]/);
  });
});

describe('convolution layers: bad input is a typed error naming the layer and the shapes', () => {
  const build = (layer: Layer, inputShape: number[]) => () => new SequentialNetwork({ inputShape, layers: [layer], kernels: jsKernels });

  it('wrong rank: a flat input into Conv2D or a pooling layer', () => {
    expect(build(new Conv2D({ filters: 2, kernelSize: 3, name: 'c' }), [784])).toThrow(
      new ShapeError(
        'Conv2D "c" expects samples of shape [height, width, channels] (channels last), got shape [784]; reshape flat inputs first, e.g. Reshape({ targetShape: [28, 28, 1] })',
      ),
    );
    expect(build(new MaxPooling2D({ name: 'p' }), [28, 28])).toThrow(/MaxPooling2D "p" expects samples of shape \[height, width, channels\].*got shape \[28, 28\]/);
  });

  it('a kernel or pool larger than the input with valid padding', () => {
    expect(build(new Conv2D({ filters: 2, kernelSize: [5, 3], name: 'c' }), [4, 9, 1])).toThrow(
      new ShapeError('Conv2D "c" kernel 5x3 is larger than its input of shape [4, 9, 1] with padding "valid"; use padding "same" or a smaller kernel'),
    );
    expect(build(new Conv2D({ filters: 2, kernelSize: 3, dilationRate: 3, name: 'c' }), [6, 9, 1])).toThrow('Conv2D "c" kernel 3x3 (dilated to 7x7) is larger');
    expect(build(new AveragePooling2D({ poolSize: 3, name: 'a' }), [2, 2, 4])).toThrow(
      new ShapeError('AveragePooling2D "a" pool 3x3 is larger than its input of shape [2, 2, 4] with padding "valid"; use padding "same" or a smaller pool'),
    );
    expect(build(new MaxPooling2D({ poolSize: 3, padding: 'same' }), [2, 2, 4])().outputShape).toEqual([1, 1, 4]);
  });

  it('non-integer or non-positive strides, sizes and filters; strides with dilation', () => {
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, strides: 1.5, name: 'c' })).toThrow(
      new ArgumentError('Conv2D "c" strides must be a positive integer or a list of two, e.g. 3 or [3, 3], got 1.5'),
    );
    expect(() => new MaxPooling2D({ strides: [2, 0], name: 'p' })).toThrow('MaxPooling2D "p" strides must be a positive integer or a list of two, e.g. 3 or [3, 3], got [2,0]');
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow(ArgumentError);
    expect(() => new Conv2D({ filters: 2, kernelSize: [3] })).toThrow(ArgumentError);
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, useBias: 'false' as never, name: 'c' })).toThrow(
      new ArgumentError('Conv2D "c" arguments: useBias must be true or false, got "false"'),
    );
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, padding: 'full' as 'same' })).toThrow('padding must be "valid" or "same", got "full"');
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, strides: 2, dilationRate: 2, name: 'c' })).toThrow(
      'Conv2D "c" cannot combine strides [2, 2] with dilationRate [2, 2]; one of them must be 1',
    );
    expect(() => new ZeroPadding2D({ padding: -1 })).toThrow(ArgumentError);
  });

  it('channels-first data is NotSupportedError', () => {
    expect(() => new Conv2D({ filters: 2, kernelSize: 3, dataFormat: 'channelsFirst', name: 'c' })).toThrow(NotSupportedError);
    expect(() => new MaxPooling2D({ dataFormat: 'channels_first', name: 'p' })).toThrow('dataFormat "channels_first" (images must be channels-last [height, width, channels]) in MaxPooling2D "p" is not supported yet');
    expect(() => new GlobalAveragePooling2D({ keepdims: true })).toThrow(NotSupportedError);
  });
});
