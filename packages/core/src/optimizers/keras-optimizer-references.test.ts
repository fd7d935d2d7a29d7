import { getKernels } from '../kernels/kernel-registry';
import { jsKernels } from '../kernels/js-kernels';
import type { Kernels } from '../kernels/kernels';
import references from './keras-optimizer-references.json';
import { type LearningRateScheduleSpec, learningRateScheduleSpec, scheduledLearningRate } from './learning-rate-schedules';
import { createOptimizer, type OptimizerSpec } from './optimizer-registry';

// Trajectories recorded from Keras 3 (JAX backend) by tools/keras-references/optimizer-references.py:
// two variables, gradient g = 2·(w − target), five `apply_gradients` steps. Each case replays the same
// problem through createOptimizer and must land on Keras's float32 weights after every step.
const TOLERANCE = 1e-6;

type Weights = Record<'w1' | 'w2', number[]>;

function replay(spec: OptimizerSpec, kernels: Kernels, steps: number): Weights[] {
  const names = ['w1', 'w2'] as const;
  const params = names.map((n) => kernels.alloc(references.start[n].length));
  const grads = names.map((n) => kernels.alloc(references.start[n].length));
  names.forEach((n, i) => params[i].set(references.start[n]));
  const optimizer = createOptimizer(spec, kernels);
  const out: Weights[] = [];
  for (let s = 0; s < steps; s++) {
    names.forEach((n, i) => {
      for (let j = 0; j < params[i].length; j++) grads[i][j] = 2 * (params[i][j] - Math.fround(references.target[n][j]));
    });
    optimizer.step(names.map((n, i) => ({ param: params[i], grad: grads[i], size: params[i].length, name: `Dense "${n}" kernel` })));
    out.push({ w1: Array.from(params[0]), w2: Array.from(params[1]) });
  }
  optimizer.dispose();
  [...params, ...grads].forEach((b) => kernels.free(b));
  return out;
}

const kernelSets = [jsKernels, getKernels()].filter((k, i, all) => all.indexOf(k) === i);

describe.each(kernelSets.map((k) => [k.name, k] as const))('Keras 3 optimizer trajectories (%s kernels)', (_name, kernels) => {
  it.each(Object.entries(references.optimizers))('%s matches Keras after each of 5 steps', (_case, { spec, steps }) => {
    const ours = replay(spec as OptimizerSpec, kernels, steps.length);
    steps.forEach((expected, s) => {
      for (const n of ['w1', 'w2'] as const) {
        expected[n].forEach((value, j) => expect(Math.abs(ours[s][n][j] - value)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(value))));
      }
    });
  });
});

describe('Keras 3 learning-rate schedules', () => {
  it.each(Object.entries(references.schedules))('%s gives Keras’s rate at steps 0–15', (_case, { spec, values }) => {
    const schedule = learningRateScheduleSpec(spec as LearningRateScheduleSpec);
    values.forEach((value, step) => expect(scheduledLearningRate(schedule, step)).toBeCloseTo(value, 7));
  });
});
