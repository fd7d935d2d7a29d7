import { sequentialGradientError } from '../network/sequential-gradient-check';
import { Rng } from '../random';
import { Activation } from './activation';
import { AveragePooling2D } from './average-pooling-2d';
import { Conv2D } from './conv2d';
import { Dense } from './dense';
import { Flatten } from './flatten';
import { GlobalAveragePooling2D } from './global-average-pooling-2d';
import { MaxPooling2D } from './max-pooling-2d';
import { ZeroPadding2D } from './zero-padding-2d';

function batch(seed: number, length: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length }, () => rng.normal());
}

const oneHot = (rows: number, cols: number) => Float64Array.from({ length: rows * cols }, (_, i) => (i % cols === (Math.floor(i / cols) * 3) % cols ? 1 : 0));
const crossEntropy = { name: 'categoricalCrossentropy' } as const;

// Every pooling / padding layer sits after a Conv2D, so the Conv2D's kernel gradient checks their
// backward passes too (a wrong ∂input below would show up there).
describe('convolution layers: analytic gradients = central differences (float64 twin)', () => {
  it('Conv2D (valid, stride 1, tanh, bias) → Flatten → Dense → softmax with cross-entropy', () => {
    const layers = () => [new Conv2D({ filters: 3, kernelSize: 3, activation: 'tanh', biasInitializer: 'glorotUniform' }), new Flatten(), new Dense({ units: 4, activation: 'softmax' })];
    expect(sequentialGradientError(layers, [5, 6, 2], crossEntropy, batch(1, 2 * 60), oneHot(2, 4), 2)).toBeLessThan(1e-5);
  });

  it('Conv2D (same, strides 2, odd size: the extra padding row at the bottom) → MaxPooling2D (same) → Dense', () => {
    const layers = () => [
      new Conv2D({ filters: 4, kernelSize: [3, 2], strides: 2, padding: 'same', activation: 'sigmoid' }),
      new MaxPooling2D({ poolSize: 2, padding: 'same' }),
      new Flatten(),
      new Dense({ units: 3 }),
      new Activation({ activation: 'softmax' }),
    ];
    expect(sequentialGradientError(layers, [7, 6, 3], crossEntropy, batch(2, 3 * 126), oneHot(3, 3), 3)).toBeLessThan(1e-5);
  });

  it('ZeroPadding2D (asymmetric) → Conv2D (dilation 2, no bias) → MaxPooling2D (3, strides 1) → GlobalAveragePooling2D, mse', () => {
    const layers = () => [
      new ZeroPadding2D({ padding: [[1, 0], [2, 1]] }),
      new Conv2D({ filters: 3, kernelSize: 2, dilationRate: 2, useBias: false, activation: 'elu' }),
      new MaxPooling2D({ poolSize: 3, strides: 1 }),
      new GlobalAveragePooling2D(),
    ];
    expect(sequentialGradientError(layers, [5, 4, 2], { name: 'mse' }, batch(3, 2 * 40), batch(4, 2 * 3), 2)).toBeLessThan(1e-5);
  });

  it('Conv2D → AveragePooling2D (pool 3, strides 2, same: edge windows average fewer cells) → Conv2D (1×1) → Flatten → Dense, mse', () => {
    const layers = () => [
      new Conv2D({ filters: 2, kernelSize: 2, activation: 'tanh' }),
      new AveragePooling2D({ poolSize: 3, strides: 2, padding: 'same' }),
      new Conv2D({ filters: 3, kernelSize: 1 }),
      new Flatten(),
      new Dense({ units: 2 }),
    ];
    expect(sequentialGradientError(layers, [6, 7, 1], { name: 'mse' }, batch(5, 2 * 42), batch(6, 2 * 2), 2)).toBeLessThan(1e-5);
  });
});
