import { ShapeError, UnknownNameError } from '../errors';
import { sequentialGradientError } from '../network/sequential-gradient-check';
import { SequentialNetwork } from '../network/sequential-network';
import { Rng } from '../random';
import { Activation } from './activation';
import { Dense } from './dense';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import { InputLayer } from './input-layer';
import { type LayerConfig, layerFromConfig } from './layer-config';
import { Reshape } from './reshape';

function batch(seed: number, length: number): Float64Array {
  const rng = new Rng(seed);
  return Float64Array.from({ length }, () => rng.normal());
}

const maxGradientError = sequentialGradientError;

const oneHot = (rows: number, cols: number) => Float64Array.from({ length: rows * cols }, (_, i) => (i % cols === Math.floor(i / cols) % cols ? 1 : 0));

describe('core layers: analytic gradients = central differences', () => {
  it('Reshape → Flatten → Dense + Activation (fused) → Dropout → Dense + softmax Activation with cross-entropy (fused)', () => {
    const layers = () => [
      new Reshape({ targetShape: [3, -1] }),
      new Flatten(),
      new Dense({ units: 5 }),
      new Activation({ activation: 'tanh' }),
      new Dropout({ rate: 0.4 }),
      new Dense({ units: 4, kernelInitializer: 'heNormal', biasInitializer: 'glorotUniform' }),
      new Activation({ activation: 'softmax' }),
    ];
    const error = maxGradientError(layers, [2, 3], { name: 'categoricalCrossentropy' }, batch(1, 4 * 6), oneHot(4, 4), 4);
    expect(error).toBeLessThan(1e-5);
  });

  it('InputLayer → Dropout on the inputs → Dense(relu) → Activation after it → two Dropouts in a row → Dense → softmax, mse', () => {
    const layers = () => [
      new InputLayer({ inputShape: [5] }),
      new Dropout({ rate: 0.2 }),
      new Dense({ units: 6, activation: { name: 'leakyRelu', alpha: 0.1 }, biasInitializer: 'glorotUniform' }),
      new Activation({ activation: 'sigmoid' }),
      new Dropout({ rate: 0.3 }),
      new Dropout({ rate: 0.5 }),
      new Dense({ units: 3 }),
      new Activation({ activation: 'softmax' }),
    ];
    const error = maxGradientError(layers, [5], { name: 'mse' }, batch(2, 3 * 5), oneHot(3, 3), 3);
    expect(error).toBeLessThan(1e-5);
  });
});

describe('core layers: shapes and fusions', () => {
  it('Dense(linear) + Activation computes what Dense(activation) computes, and a Flatten passes [2, 3] samples as 6 values', () => {
    const x = Float32Array.from(batch(4, 2 * 6));
    const split = new SequentialNetwork({ inputShape: [2, 3], layers: [new Flatten(), new Dense({ units: 4 }), new Activation({ activation: 'elu' })], seed: 5 });
    const whole = new SequentialNetwork({ inputShape: [6], layers: [new Dense({ units: 4, activation: 'elu' })], seed: 5 });
    expect(split.outputShape).toEqual([4]);
    expect(Array.from(split.forward(x, 2).subarray(0, 8))).toEqual(Array.from(whole.forward(x, 2).subarray(0, 8)));
  });

  it('inference passes through Dropout; training masks with 0 or 1 / (1 − rate)', () => {
    const net = new SequentialNetwork({ inputShape: [50], layers: [new Dropout({ rate: 0.5 })], seed: 1 });
    const x = new Float32Array(100).fill(1);
    expect(Array.from(net.forward(x, 2).subarray(0, 100))).toEqual(Array.from(x));
    const trained = Array.from(net.forward(x, 2, true).subarray(0, 100));
    expect(new Set(trained)).toEqual(new Set([0, 2]));
  });

  it('wrong shapes and unknown layer classes are typed errors naming the layer', () => {
    expect(() => new SequentialNetwork({ inputShape: [28, 28], layers: [new Dense({ units: 3 })] })).toThrow(
      new ShapeError('Dense "dense" expects a flat input (put a Flatten layer first), got shape [28, 28]'),
    );
    expect(() => new SequentialNetwork({ inputShape: [7], layers: [new Reshape({ targetShape: [2, -1] })] })).toThrow(
      'Reshape "reshape" cannot reshape an input of shape [7] (7 values) to [2, -1]',
    );
    expect(() => new SequentialNetwork({ inputShape: [4], layers: [new InputLayer({ inputShape: [5] })] })).toThrow(
      'InputLayer "input_layer" declares input shape [5], got [4]',
    );
    expect(() => layerFromConfig({ className: 'Conv3D', config: {} } as unknown as LayerConfig)).toThrow(UnknownNameError);
    expect(layerFromConfig({ className: 'Flatten', config: { name: 'f' } }).name).toBe('f');
  });
});
