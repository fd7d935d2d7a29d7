import { ArgumentError, NotSupportedError, UnknownNameError, UnknownOptionError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { createOptimizer, optimizerSpec } from './optimizer-registry';

/** Runs three steps on w = [1, −2] with gradient g = 2w (the gradient of |w|²). */
function run(spec: Parameters<typeof createOptimizer>[0]): number[] {
  const param = Float32Array.from([1, -2]);
  const grad = new Float32Array(2);
  const opt = createOptimizer(spec, jsKernels);
  for (let i = 0; i < 3; i++) {
    grad[0] = 2 * param[0];
    grad[1] = 2 * param[1];
    opt.step([{ param, grad, size: 2 }]);
  }
  return Array.from(param);
}

/** The same updates written out in float64, straight from each rule's definition. */
function reference(rule: (w: number, g: number, s: Record<string, number>, t: number) => number): number[] {
  return [1, -2].map((w0) => {
    let w = w0;
    const state: Record<string, number> = {};
    for (let t = 1; t <= 3; t++) w = rule(w, 2 * w, state, t);
    return w;
  });
}

describe('optimizers', () => {
  it('sgd: w −= lr·g', () => {
    const expected = reference((w, g) => w - 0.1 * g);
    run({ name: 'sgd', learningRate: 0.1 }).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('sgd with momentum matches Keras: v = μv − lr·g; w += v', () => {
    const expected = reference((w, g, s) => {
      s.v = 0.9 * (s.v ?? 0) - 0.1 * g;
      return w + s.v;
    });
    run({ name: 'sgd', learningRate: 0.1, momentum: 0.9 }).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('sgd with Nesterov momentum matches Keras: w += μv − lr·g after the velocity update', () => {
    const expected = reference((w, g, s) => {
      s.v = 0.9 * (s.v ?? 0) - 0.1 * g;
      return w + 0.9 * s.v - 0.1 * g;
    });
    run({ name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true }).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('adam follows Kingma & Ba with bias correction', () => {
    const expected = reference((w, g, s, t) => {
      s.m = 0.9 * (s.m ?? 0) + 0.1 * g;
      s.v = 0.999 * (s.v ?? 0) + 0.001 * g * g;
      return w - (0.01 * (s.m / (1 - 0.9 ** t))) / (Math.sqrt(s.v / (1 - 0.999 ** t)) + 1e-7);
    });
    run({ name: 'adam', learningRate: 0.01 }).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('rmsprop: s = ρs + (1−ρ)g²; w −= lr·g/√(s + ε)', () => {
    const expected = reference((w, g, s) => {
      s.s = 0.9 * (s.s ?? 0) + 0.1 * g * g;
      return w - (0.01 * g) / Math.sqrt(s.s + 1e-7);
    });
    run({ name: 'rmsprop', learningRate: 0.01 }).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 6));
  });

  it('fills in Keras defaults and rejects bad hyper-parameters', () => {
    expect(optimizerSpec('adam')).toMatchObject({ learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(optimizerSpec('SGD').learningRate).toBe(0.01);
    expect(() => optimizerSpec('lamb')).toThrow(UnknownNameError);
    // Keras 3's defaults (keras/src/optimizers/*.py), from the descriptor table.
    expect(optimizerSpec('Adagrad')).toMatchObject({ learningRate: 0.001, initialAccumulatorValue: 0.1, epsilon: 1e-7 });
    expect(optimizerSpec('adadelta')).toMatchObject({ learningRate: 0.001, rho: 0.95, epsilon: 1e-7 });
    expect(optimizerSpec('Adamax')).toMatchObject({ learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(optimizerSpec('Nadam')).toMatchObject({ learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(optimizerSpec('AdamW')).toMatchObject({ learningRate: 0.001, weightDecay: 0.004, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 });
    expect(() => optimizerSpec({ name: 'sgd', learningRate: 0 })).toThrow(/sgd learningRate must be a positive finite number, got 0/);
    expect(() => optimizerSpec({ name: 'sgd', learningRate: -1 })).toThrow(ArgumentError);
    expect(() => optimizerSpec({ name: 'sgd', momentum: 1.5 })).toThrow(/momentum must be in \[0, 1\), got 1.5/);
  });

  it('refuses a misspelt key, naming the option meant (lr → learningRate), instead of training at the default', () => {
    expect(() => optimizerSpec({ name: 'sgd', lr: 0.5 } as never)).toThrow(UnknownOptionError);
    expect(() => optimizerSpec({ name: 'sgd', lr: 0.5 } as never)).toThrow(
      'Unknown option "lr" in sgd optimizer options; did you mean "learningRate"? Expected one of: name, learningRate, momentum, nesterov',
    );
    expect(() => optimizerSpec({ name: 'adam', beta_1: 0.8 } as never)).toThrow('did you mean "beta1"?');
  });

  it("refuses another optimizer's hyper-parameter unless it holds the neutral value a resolved spec carries", () => {
    expect(() => optimizerSpec({ name: 'sgd', beta1: 0.5 })).toThrow('Unknown option "beta1" in sgd optimizer options');
    expect(() => optimizerSpec({ name: 'adam', momentum: 0.9 })).toThrow('Unknown option "momentum" in adam optimizer options');
    const resolved = optimizerSpec({ name: 'sgd', learningRate: 0.2, momentum: 0.5 });
    expect(optimizerSpec(resolved)).toEqual(resolved);
    expect(optimizerSpec(optimizerSpec('rmsprop'))).toEqual(optimizerSpec('rmsprop'));
  });

  it('throws NotSupportedError for Keras options not implemented yet', () => {
    expect(() => optimizerSpec({ name: 'adam', amsgrad: true } as never)).toThrow(NotSupportedError);
    expect(() => optimizerSpec({ name: 'sgd', useEma: true } as never)).toThrow('useEma in sgd optimizer options is not supported yet');
  });

  it('takes one clipping option at a time, as Keras 3 (“Only one of clipnorm, clipvalue and global_clipnorm can be set”)', () => {
    expect(optimizerSpec({ name: 'sgd', clipnorm: 1 })).toMatchObject({ clipnorm: 1, clipvalue: 0, globalClipnorm: 0 });
    expect(() => optimizerSpec({ name: 'sgd', clipnorm: 1, clipvalue: 0.5 })).toThrow('sgd: only one of clipnorm, clipvalue and globalClipnorm can be set, got clipnorm and clipvalue');
    expect(() => optimizerSpec({ name: 'adam', clipvalue: -1 })).toThrow('adam clipvalue must be a non-negative finite number, got -1');
  });

  it('names the wrong value: quoted strings, non-boolean nesterov, a spec that is not one', () => {
    expect(() => optimizerSpec({ name: 'sgd', learningRate: '0.1' } as never)).toThrow('sgd learningRate must be a positive finite number, got "0.1"');
    expect(() => optimizerSpec({ name: 'sgd', momentum: '0.5' } as never)).toThrow('sgd momentum must be in [0, 1), got "0.5"');
    expect(() => optimizerSpec({ name: 'sgd', nesterov: 'yes' } as never)).toThrow('nesterov must be true or false, got "yes"');
    expect(() => optimizerSpec(42 as never)).toThrow('optimizer must be a name (sgd, adam, rmsprop, adagrad, adadelta, adamax, nadam, adamw) or a spec { name, learningRate, … }, got 42');
    expect(() => optimizerSpec({ learningRate: 0.1 } as never)).toThrow('optimizer spec needs a name (sgd, adam, rmsprop, adagrad, adadelta, adamax, nadam, adamw), got undefined');
  });
});
