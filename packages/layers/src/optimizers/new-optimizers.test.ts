import { ArgumentError, createOptimizer, jsKernels, NotSupportedError, UnknownNameError } from '@backprop/core';
import { Adadelta } from './adadelta';
import { Adagrad } from './adagrad';
import { Adam } from './adam';
import { Adamax } from './adamax';
import { AdamW } from './adamw';
import { CosineDecay, ExponentialDecay, PiecewiseConstantDecay } from './learning-rate-schedules';
import { Nadam } from './nadam';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

describe('Keras 3 optimizers as factories', () => {
  it('take Keras 3’s defaults (keras/src/optimizers/*.py)', () => {
    expect(Adagrad()).toMatchObject({ name: 'adagrad', learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-7, weightDecay: 0 });
    expect(Adadelta()).toMatchObject({ name: 'adadelta', learningRate: 0.001, rho: 0.95, epsilon: 1e-7 });
    expect(Adamax()).toMatchObject({ name: 'adamax', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(Nadam()).toMatchObject({ name: 'nadam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(AdamW()).toMatchObject({ name: 'adamw', learningRate: 0.001, weightDecay: 0.004, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(AdamW(0.01)).toMatchObject({ learningRate: 0.01, weightDecay: 0.004 });
  });

  it("take the base optimizer's weightDecay and clipping on every rule", () => {
    expect(SGD({ learningRate: 0.1, clipnorm: 1 })).toMatchObject({ clipnorm: 1 });
    expect(Adam({ globalClipnorm: 2 })).toMatchObject({ globalClipnorm: 2 });
    expect(RMSprop({ clipvalue: 0.5, weightDecay: 0.01 })).toMatchObject({ clipvalue: 0.5, weightDecay: 0.01 });
    expect(() => Adam({ clipnorm: 1, clipvalue: 1 })).toThrow('only one of clipnorm, clipvalue and globalClipnorm can be set');
    expect(() => Nadam({ beta_1: 0.8 } as never)).toThrow('Unknown option "beta_1" in Nadam options; did you mean "beta1"?');
    expect(() => Adagrad({ momentum: 0.9 } as never)).toThrow('Unknown option "momentum" in Adagrad options');
    expect(() => AdamW({ amsgrad: true } as never)).toThrow(NotSupportedError);
  });

  it('weightDecay is decoupled: w ← w − w·wd·lr, then the rule (Keras 3 BaseOptimizer._apply_weight_decay)', () => {
    const param = Float32Array.of(2);
    createOptimizer(SGD({ learningRate: 0.1, weightDecay: 0.5 }), jsKernels).step([{ param, grad: Float32Array.of(1), size: 1 }]);
    expect(param[0]).toBeCloseTo(2 - 2 * 0.5 * 0.1 - 0.1 * 1, 6);
  });
});

describe('learning-rate schedules as a learningRate', () => {
  it('are Keras’s, evaluated at the optimizer step', () => {
    const decay = new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    expect([0, 9, 10, 25].map((s) => decay.call(s))).toEqual([0.1, 0.1, 0.05, 0.025]);
    const piecewise = new PiecewiseConstantDecay({ boundaries: [100, 200], values: [1, 0.5, 0.1] });
    expect([0, 100, 101, 200, 201].map((s) => piecewise.call(s))).toEqual([1, 1, 0.5, 0.5, 0.1]);
    const cosine = new CosineDecay({ initialLearningRate: 0, decaySteps: 10, warmupTarget: 0.1, warmupSteps: 5 });
    expect(cosine.call(0)).toBe(0);
    expect(cosine.call(5)).toBeCloseTo(0.1, 12);
    expect(cosine.call(15)).toBeCloseTo(0, 12);
    expect(SGD(decay)).toMatchObject({ learningRate: 0.1, learningRateSchedule: { className: 'ExponentialDecay', config: decay.config } });
    expect(Adam({ learningRate: piecewise })).toMatchObject({ learningRate: 1, learningRateSchedule: { className: 'PiecewiseConstantDecay' } });
  });

  it('refuse bad configs with Keras’s messages', () => {
    expect(() => new ExponentialDecay({ initialLearningRate: 0.1, decaySteps: 0, decayRate: 0.9 })).toThrow('ExponentialDecay config decaySteps must be a number > 0, got 0');
    expect(() => new PiecewiseConstantDecay({ boundaries: [1, 2], values: [1, 2] })).toThrow(
      'the length of boundaries should be 1 less than the length of values, got 2 boundaries and 2 values',
    );
    expect(() => new PiecewiseConstantDecay({ boundaries: [5, 2], values: [1, 2, 3] })).toThrow('boundaries[1] must be a finite number above the previous boundary, got 2');
    expect(() => new CosineDecay({ initialLearningRate: 0.1, decaySteps: 10, warmup: 5 } as never)).toThrow('Unknown option "warmup" in CosineDecay config');
    expect(() => SGD({ learningRate: { className: 'PolynomialDecay', config: {} } as never })).toThrow(UnknownNameError);
    expect(() => SGD({ learningRate: '0.1' } as never)).toThrow(ArgumentError);
  });
});
