import { NonFiniteError, ShapeError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { SequentialNetwork } from '../network/sequential-network';
import { Dense } from './dense';
import { checkNamedWeights } from './named-weight';

const network = () =>
  new SequentialNetwork({
    inputShape: [3],
    layers: [new Dense({ name: 'dense', units: 4, activation: 'relu' }), new Dense({ name: 'dense_1', units: 2, useBias: false })],
    kernels: jsKernels,
    seed: 3,
  });

describe('NamedWeight exchange', () => {
  it('lists every weight in Keras get_weights() order, named <layer>/<weight>, as copies', () => {
    const net = network();
    const weights = net.getNamedWeights();
    expect(weights.map((w) => [w.name, w.shape, w.trainable])).toEqual([
      ['dense/kernel', [3, 4], true],
      ['dense/bias', [4], true],
      ['dense_1/kernel', [4, 2], true],
    ]);
    // The values are the layers' own (the first kernel is what Dense drew), copied out.
    expect(Array.from(weights[0].values)).toEqual(Array.from(net.layers[0].weights[0].value));
    weights[0].values[0] = 42;
    expect(net.layers[0].weights[0].value[0]).not.toBe(42);
    net.dispose();
  });

  it('setNamedWeights round-trips between networks and checks everything before writing', () => {
    const source = network();
    const target = new SequentialNetwork({
      inputShape: [3],
      layers: [new Dense({ name: 'dense', units: 4, activation: 'relu' }), new Dense({ name: 'dense_1', units: 2, useBias: false })],
      kernels: jsKernels,
      seed: 9,
    });
    const before = target.getNamedWeights();
    const weights = source.getNamedWeights();
    const nan = weights.map((w) => ({ ...w, values: Float32Array.from(w.values) }));
    nan[2].values[5] = Number.NaN;
    expect(() => target.setNamedWeights(nan)).toThrow(new NonFiniteError('setWeights weight "dense_1/kernel" value 5 must be finite, got NaN'));
    expect(() => target.setNamedWeights(weights.slice(0, 2))).toThrow(new ShapeError('setWeights expects 3 weights (dense/kernel, dense/bias, dense_1/kernel), got 2'));
    expect(target.getNamedWeights()).toEqual(before);
    target.setNamedWeights(weights);
    expect(target.getNamedWeights()).toEqual(weights);
    const x = Float32Array.of(1, -2, 0.5, 0.3, 0.2, -1);
    expect(Array.from(target.forward(x, 2).subarray(0, 4))).toEqual(Array.from(source.forward(x, 2).subarray(0, 4)));
    source.dispose();
    target.dispose();
  });

  it('checkNamedWeights names the weight and what was expected and given', () => {
    const expected = [{ name: 'bn/gamma', shape: [3] }];
    const w = { name: 'bn/gamma', shape: [3], values: new Float32Array(3), trainable: true };
    expect(() => checkNamedWeights(expected, [w], 'setWeights')).not.toThrow();
    expect(() => checkNamedWeights(expected, [{ ...w, name: 'bn/beta' }], 'setWeights')).toThrow('setWeights weight 0 must be "bn/gamma", got "bn/beta"');
    expect(() => checkNamedWeights(expected, [{ ...w, shape: [1, 3] }], 'setWeights')).toThrow('setWeights weight "bn/gamma" expects shape [3], got [1, 3]');
    expect(() => checkNamedWeights(expected, [{ ...w, values: new Float32Array(2) }], 'load')).toThrow('load weight "bn/gamma" [3] expects 3 values, got 2');
  });
});
