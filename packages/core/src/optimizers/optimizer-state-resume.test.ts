import { ArgumentError, ShapeError } from '../errors';
import { jsKernels } from '../kernels/js-kernels';
import { createOptimizer, type OptimizerSpec } from './optimizer-registry';

/** Two parameters with the gradient of |w|² + sin(w), so every step moves every state buffer. */
function makeParams() {
  return [
    { param: Float32Array.from([1, -2, 0.5]), grad: new Float32Array(3), size: 3, name: 'Dense "dense_1" kernel' },
    { param: Float32Array.from([0.25]), grad: new Float32Array(1), size: 1, name: 'Dense "dense_1" bias' },
  ];
}

function train(optimizer: ReturnType<typeof createOptimizer>, params: ReturnType<typeof makeParams>, steps: number): void {
  for (let s = 0; s < steps; s++) {
    for (const p of params) for (let i = 0; i < p.size; i++) p.grad[i] = 2 * p.param[i] + Math.sin(p.param[i]);
    optimizer.step(params);
  }
}

const specs: OptimizerSpec[] = [
  { name: 'sgd', learningRate: 0.1, momentum: 0.9 },
  { name: 'sgd', learningRate: 0.1, momentum: 0.9, nesterov: true },
  { name: 'rmsprop', learningRate: 0.01, momentum: 0.5 },
  { name: 'adam', learningRate: 0.05 },
];

describe('optimizer state (tfjs `optimizer.getWeights()` / `setWeights()`)', () => {
  it.each(specs.map((s) => [JSON.stringify(s), s] as const))('%s: 3 steps, state into a fresh optimizer, 2 more = 5 steps at once, bit for bit', (_, spec) => {
    const straight = makeParams();
    train(createOptimizer(spec, jsKernels), straight, 5);

    const first = makeParams();
    const before = createOptimizer(spec, jsKernels);
    train(before, first, 3);
    const state = before.getState();
    expect(state.iterations).toBe(3);
    const resumed = createOptimizer(spec, jsKernels);
    resumed.setState(state);
    expect(resumed.iterations).toBe(3);
    expect(resumed.getState()).toEqual(state);
    train(resumed, first, 2);
    first.forEach((p, i) => expect(Array.from(p.param)).toEqual(Array.from(straight[i].param)));
  });

  it('names each slot per parameter, slot kind by slot kind (Keras / tfjs order)', () => {
    const adam = createOptimizer('adam', jsKernels);
    expect(adam.getState()).toEqual({ iterations: 0, variables: [] });
    train(adam, makeParams(), 1);
    expect(adam.getState().variables.map((v) => v.name)).toEqual(['dense_1/kernel/momentum', 'dense_1/bias/momentum', 'dense_1/kernel/velocity', 'dense_1/bias/velocity']);
    const plain = createOptimizer('sgd', jsKernels);
    train(plain, makeParams(), 1);
    expect(plain.getState()).toEqual({ iterations: 1, variables: [] });
  });

  it('refuses a malformed state or a slot of the wrong size, changing nothing', () => {
    const adam = createOptimizer('adam', jsKernels);
    const params = makeParams();
    train(adam, params, 1);
    const state = adam.getState();
    expect(() => adam.setState({ iterations: -1, variables: [] })).toThrow(ArgumentError);
    const bad = { iterations: 7, variables: state.variables.map((v, i) => (i === 1 ? { name: v.name, values: new Float32Array(5) } : v)) };
    expect(() => adam.setState(bad)).toThrow(ShapeError);
    expect(() => adam.setState(bad)).toThrow('adam state "dense_1/bias/momentum" holds 5 values, the parameter 1');
    expect(adam.getState()).toEqual(state);
  });
});
