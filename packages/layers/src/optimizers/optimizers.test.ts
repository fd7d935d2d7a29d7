import { ArgumentError, createOptimizer, jsKernels } from '@backprop/core';
import { Adam } from './adam';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

/** One update of w = 1 with gradient g = 0.5, through core's kernels. */
function step(spec: ReturnType<typeof SGD>, steps = 1): number {
  const optimizer = createOptimizer(spec, jsKernels);
  const param = Float32Array.of(1);
  for (let i = 0; i < steps; i++) optimizer.step([{ param, grad: Float32Array.of(0.5), size: 1 }]);
  return param[0];
}

describe('optimizer factories', () => {
  it('SGD(lr) and SGD({ … }) fill in Keras defaults', () => {
    expect(SGD(0.1)).toEqual(expect.objectContaining({ name: 'sgd', learningRate: 0.1, momentum: 0, nesterov: false }));
    expect(SGD()).toEqual(expect.objectContaining({ learningRate: 0.01 }));
    expect(SGD({ learningRate: 0.2, momentum: 0.9, nesterov: true })).toEqual(expect.objectContaining({ momentum: 0.9, nesterov: true }));
    expect(Adam()).toEqual(expect.objectContaining({ name: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }));
    expect(RMSprop(0.01)).toEqual(expect.objectContaining({ name: 'rmsprop', learningRate: 0.01, rho: 0.9 }));
  });

  it('the update rules in the doc comments hold', () => {
    expect(step(SGD(0.1))).toBeCloseTo(1 - 0.1 * 0.5, 7);
    // v = 0.9·0.5 + 0.5 = 0.95 on step 2: w = 1 − 0.1·0.5 − 0.1·0.95.
    expect(step(SGD({ learningRate: 0.1, momentum: 0.9 }), 2)).toBeCloseTo(1 - 0.05 - 0.095, 6);
    // Adam's first step moves by lr·sign(g) (bias-corrected m/√v = 1, up to ε).
    expect(step(Adam(0.01))).toBeCloseTo(0.99, 5);
    // RMSprop: s = 0.1·0.25; w −= lr·g/√(s + ε).
    expect(step(RMSprop(0.01))).toBeCloseTo(1 - (0.01 * 0.5) / Math.sqrt(0.025 + 1e-7), 6);
  });

  it('reject bad hyper-parameters', () => {
    expect(() => SGD(0)).toThrow(ArgumentError);
    expect(() => SGD({ momentum: 1 })).toThrow('sgd momentum must be in [0, 1), got 1');
    expect(() => Adam({ beta1: -0.1 })).toThrow(ArgumentError);
  });
});
