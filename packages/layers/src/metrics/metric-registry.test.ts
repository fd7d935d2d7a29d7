import { ArgumentError, UnknownNameError } from '@backprop/core';
import { resolveLoss } from '../losses/loss-resolution';
import { resolveMetrics } from './metric-registry';
import { RunningMeans } from './running-means';

const t = Float32Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0]);
const p = Float32Array.from([0.7, 0.2, 0.1, 0.6, 0.3, 0.1, 0.1, 0.1, 0.8, 0.2, 0.5, 0.3]);

describe('resolveMetrics', () => {
  it('"accuracy" is categorical for categorical and sparse losses: argmax agreement', () => {
    for (const loss of ['categorical_crossentropy', 'sparse_categorical_crossentropy', 'mse']) {
      const [m] = resolveMetrics(['accuracy'], resolveLoss(loss), 3);
      expect(m.name).toBe('accuracy');
      expect(m.compute(t, p, 4, 3)).toBe(0.5);
    }
  });

  it('"accuracy" / "acc" is binary (threshold 0.5) for binary_crossentropy or one output unit', () => {
    const [m] = resolveMetrics(['acc'], resolveLoss('binary_crossentropy'), 3);
    expect(m.name).toBe('acc');
    // Elementwise: 9 of 12 agree.
    expect(m.compute(t, p, 4, 3)).toBeCloseTo(9 / 12, 10);
    const [single] = resolveMetrics(['accuracy'], resolveLoss('mse'), 1);
    expect(single.compute(Float32Array.of(1, 0, 1), Float32Array.of(0.9, 0.4, 0.2), 3, 1)).toBeCloseTo(2 / 3, 10);
  });

  it('mse and mae come from core', () => {
    const [mse, mae] = resolveMetrics(['mse', 'mean_absolute_error'], resolveLoss('mse'), 2);
    expect(mse.compute(Float32Array.of(0, 1), Float32Array.of(1, 3), 1, 2)).toBeCloseTo(2.5, 10);
    expect(mae.compute(Float32Array.of(0, 1), Float32Array.of(1, 3), 1, 2)).toBeCloseTo(1.5, 10);
  });

  it('rejects unknown or repeated names', () => {
    expect(() => resolveMetrics(['f1_score'], resolveLoss('mse'), 2)).toThrow(UnknownNameError);
    expect(() => resolveMetrics(['acc', 'acc'], resolveLoss('mse'), 2)).toThrow(ArgumentError);
    expect(() => resolveMetrics(['categorical_accuracy'], resolveLoss('mse'), 1)).toThrow(/use "binary_accuracy"/);
  });
});

describe('RunningMeans', () => {
  it('weights each batch by its size, as Keras’s Mean trackers', () => {
    const means = new RunningMeans();
    means.add({ loss: 1, acc: 0 }, 3);
    means.add({ loss: 3, acc: 1 }, 1);
    expect(means.means()).toEqual({ loss: 1.5, acc: 0.25 });
    expect(means.means('val_')).toEqual({ val_loss: 1.5, val_acc: 0.25 });
  });
});
