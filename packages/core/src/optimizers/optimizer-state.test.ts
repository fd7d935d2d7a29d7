import { ArgumentError, ShapeError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { createOptimizer } from './optimizer-registry';

function slots(params: Float32Array[]) {
  return params.map((param, i) => ({ param, grad: Float32Array.from(param, (w) => 2 * w), size: param.length, name: `Dense "dense_${i + 1}" kernel` }));
}

describe('optimizer state as named variables (for includeOptimizer saves)', () => {
  it("lists each slot kind over every parameter, Keras's order, and resumes exactly from it", () => {
    const a = [Float32Array.of(1, -2), Float32Array.of(0.5)];
    const first = createOptimizer({ name: 'nadam', learningRate: 0.1 }, jsKernels);
    for (let i = 0; i < 3; i++) first.step(slots(a));
    const saved = first.getState();
    expect(saved.iterations).toBe(3);
    expect(saved.variables.map((v) => v.name)).toEqual([
      'dense_1/kernel/momentum',
      'dense_2/kernel/momentum',
      'dense_1/kernel/velocity',
      'dense_2/kernel/velocity',
      'u_product',
    ]);
    // A fresh optimizer given the state before its first step continues the same trajectory.
    const b = a.map((p) => Float32Array.from(p));
    const resumed = createOptimizer({ name: 'nadam', learningRate: 0.1 }, jsKernels);
    resumed.setState(saved);
    first.step(slots(a));
    resumed.step(slots(b));
    expect(Array.from(b[0])).toEqual(Array.from(a[0]));
    expect(Array.from(b[1])).toEqual(Array.from(a[1]));
    expect(resumed.iterations).toBe(4);
  });

  it('Adagrad accumulators start at initialAccumulatorValue (Keras 0.1)', () => {
    const opt = createOptimizer('adagrad', jsKernels);
    opt.step(slots([Float32Array.of(0)]));
    expect(opt.getState().variables[0].values[0]).toBeCloseTo(0.1, 7);
  });

  it('refuses a state of the wrong shape, changing nothing', () => {
    const opt = createOptimizer('adam', jsKernels);
    opt.step(slots([Float32Array.of(1, 2)]));
    const before = opt.getState();
    expect(() => opt.setState({ iterations: 5, variables: [{ name: 'dense_1/kernel/momentum', values: Float32Array.of(1) }] })).toThrow(ShapeError);
    expect(opt.getState()).toEqual(before);
    expect(() => opt.setState({ iterations: -1, variables: [] })).toThrow(ArgumentError);
  });

  it('learningRate is settable and takes effect on the next step; a schedule’s is not (Keras 3)', () => {
    const opt = createOptimizer({ name: 'sgd', learningRate: 0.1 }, jsKernels);
    const w = [Float32Array.of(1)];
    opt.learningRate = 0.5;
    opt.step(slots(w));
    expect(w[0][0]).toBeCloseTo(1 - 0.5 * 2, 7);
    expect(() => {
      opt.learningRate = 0;
    }).toThrow('sgd learningRate must be a positive finite number, got 0');
    const scheduled = createOptimizer(
      { name: 'sgd', learningRateSchedule: { className: 'PiecewiseConstantDecay', config: { boundaries: [0], values: [0.1, 0.01] } } },
      jsKernels,
    );
    expect(scheduled.learningRate).toBe(0.1);
    scheduled.step(slots([Float32Array.of(1)]));
    expect(scheduled.learningRate).toBe(0.01);
    expect(() => {
      scheduled.learningRate = 0.2;
    }).toThrow('hence its learning rate is not settable');
  });
});
