import { type OptimizerSpec, optimizerSpec } from '@backprop/core';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { TfjsUnsupportedError } from './errors';
import { initTfjs } from './tfjs-runtime';
import { optimizerFromTfjs, translateTfjsOptimizer } from './tfjs-optimizer';
import { TfjsOptimizerRun } from './tfjs-optimizer-run';

// The Keras 3 trajectories of tools/keras-references/optimizer-references.py (JAX backend), replayed on the
// tfjs backend: every new rule (tf.train's Adagrad, Adadelta, Adamax; our NadamOptimizer and AdamWOptimizer),
// clipping, weight decay and a schedule, through TfjsOptimizerRun as TfjsBackend uses it.
const TOLERANCE = 1e-6;
type Weights = Record<'w1' | 'w2', number[]>;
const references: { start: Weights; target: Weights; optimizers: Record<string, { spec: object; steps: Weights[] }> } = JSON.parse(
  readFileSync(path.join(__dirname, '../../core/src/optimizers/keras-optimizer-references.json'), 'utf8'),
);

beforeAll(() => initTfjs({ backend: 'cpu' }));

function replay(spec: OptimizerSpec, steps: number): Record<'w1' | 'w2', number[]>[] {
  const names = ['w1', 'w2'] as const;
  const variables = names.map((n) => tf.tidy(() => tf.variable(tf.tensor1d(references.start[n]), true, `ref_${n}_${Math.random()}`)));
  const run = new TfjsOptimizerRun(optimizerSpec(spec));
  const out: Record<'w1' | 'w2', number[]>[] = [];
  for (let s = 0; s < steps; s++) {
    const grads: tf.NamedTensorMap = {};
    variables.forEach((v, i) => {
      grads[v.name] = tf.tidy(() => tf.mul(tf.sub(v, tf.tensor1d(references.target[names[i]])), 2));
    });
    run.apply(grads, variables);
    tf.dispose(Object.values(grads));
    out.push({ w1: Array.from(variables[0].dataSync()), w2: Array.from(variables[1].dataSync()) });
  }
  run.dispose();
  tf.dispose(variables);
  return out;
}

describe('Keras 3 optimizer trajectories on the tfjs backend', () => {
  it.each(Object.entries(references.optimizers))('%s matches Keras after each of 5 steps', (_case, { spec, steps }) => {
    const before = tf.memory().numTensors;
    const ours = replay(spec as OptimizerSpec, steps.length);
    steps.forEach((expected, s) => {
      for (const n of ['w1', 'w2'] as const) {
        expected[n].forEach((value, j) => expect(Math.abs(ours[s][n][j] - value)).toBeLessThanOrEqual(TOLERANCE * Math.max(1, Math.abs(value))));
      }
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('tf.train optimizer objects translate to core specs (duck-typed by getClassName and getConfig)', () => {
  it('by the descriptor table’s tfjs class names, with their hyper-parameters', () => {
    expect(translateTfjsOptimizer(tf.train.adam(0.01))).toMatchObject({ name: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999 });
    expect(translateTfjsOptimizer(tf.train.momentum(0.1, 0.9, true))).toMatchObject({ name: 'sgd', momentum: 0.9, nesterov: true });
    expect(translateTfjsOptimizer(tf.train.adagrad(0.05))).toMatchObject({ name: 'adagrad', learningRate: 0.05, initialAccumulatorValue: 0.1 });
    expect(translateTfjsOptimizer(tf.train.adadelta(1, 0.9))).toMatchObject({ name: 'adadelta', learningRate: 1, rho: 0.9 });
    expect(translateTfjsOptimizer(tf.train.adamax(0.002))).toMatchObject({ name: 'adamax', learningRate: 0.002 });
    // A plain object with the two methods is enough.
    expect(translateTfjsOptimizer({ getClassName: () => 'RMSProp', getConfig: () => ({ learningRate: 0.01, decay: 0.8, momentum: 0, epsilon: null }) })).toMatchObject({
      name: 'rmsprop',
      rho: 0.8,
      epsilon: 1e-7,
    });
  });

  it('a class with no twin is a typed error naming it', () => {
    const lamb = { getClassName: () => 'Lamb', getConfig: () => ({ learningRate: 0.01 }) };
    expect(() => translateTfjsOptimizer(lamb)).toThrow(TfjsUnsupportedError);
    expect(() => translateTfjsOptimizer(lamb)).toThrow(/tfjs optimizer "Lamb" cannot be expressed in TensorFlow.js; expected one of: SGD, Momentum, Adam, RMSProp, Adagrad/);
    expect(() => translateTfjsOptimizer(tf.train.rmsprop(0.01, 0.9, 0, 1e-7, true))).toThrow('centered RMSProp has no twin');
    expect(optimizerFromTfjs(tf.train.adamax(0.002, 0.9, 0.999, 1e-7, 0.1))).toBeNull();
  });
});
