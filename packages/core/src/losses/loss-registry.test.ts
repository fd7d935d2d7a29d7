import { UnknownNameError } from '../errors';
import { getLoss, lossNames, resolveLossName } from './loss-registry';

const f = (rows: number[][]) => Float64Array.from(rows.flat());

/** Reference values from the Keras documentation's standalone-usage examples of each loss. */
describe('losses match Keras reference values', () => {
  const yTrue = [
    [0, 1],
    [0, 0],
  ];
  const yPred = [
    [0.6, 0.4],
    [0.4, 0.6],
  ];
  it.each([
    ['mean_squared_error', yTrue, [[1, 1], [1, 0]], 0.5],
    ['mean_absolute_error', yTrue, [[1, 1], [1, 0]], 0.5],
    ['binary_crossentropy', yTrue, yPred, 0.815],
    ['huber_loss', yTrue, yPred, 0.155],
    ['log_cosh', yTrue, [[1, 1], [0, 0]], 0.108],
    ['hinge', yTrue, yPred, 1.3],
    ['kl_divergence', yTrue, yPred, 0.458],
    ['categorical_crossentropy', [[0, 1, 0], [0, 0, 1]], [[0.05, 0.95, 0], [0.1, 0.8, 0.1]], 1.177],
  ] as const)('%s', (name, t, p, expected) => {
    const loss = getLoss(name);
    const rows = t.length;
    const cols = t[0].length;
    expect(loss.value(f(p as unknown as number[][]), f(t as unknown as number[][]), rows, cols)).toBeCloseTo(expected, 3);
  });

  it('sse is ½·Σ(p − t)² per sample (the tutorial), rmse the root of the mean', () => {
    expect(getLoss('sse').value(f([[1, 2], [3, 4]]), f([[0, 0], [0, 0]]), 2, 2)).toBeCloseTo((0.5 * 30) / 2, 10);
    expect(getLoss('rmse').value(f([[1, 2], [3, 4]]), f([[0, 0], [0, 0]]), 2, 2)).toBeCloseTo(Math.sqrt(7.5), 10);
  });

  it('stays finite at the edges: log(0) is clipped, cosh never overflows', () => {
    expect(Number.isFinite(getLoss('binaryCrossentropy').value(f([[0, 1]]), f([[1, 0]]), 1, 2))).toBe(true);
    expect(Number.isFinite(getLoss('categoricalCrossentropy').value(f([[0, 1]]), f([[1, 0]]), 1, 2))).toBe(true);
    expect(getLoss('logCosh').value(f([[1e5]]), f([[0]]), 1, 1)).toBeCloseTo(1e5 - Math.LN2, 6);
  });
});

describe('loss gradients match central differences', () => {
  it.each(lossNames)('%s', (name) => {
    const loss = getLoss(name === 'huber' ? { name, delta: 0.5 } : name);
    const pred = f([
      [0.3, 0.6, 0.1],
      [0.2, 0.25, 0.55],
    ]);
    const target =
      name === 'hinge'
        ? f([
            [1, -1, 1],
            [-1, 1, -1],
          ])
        : f([
            [0, 1, 0],
            [0.2, 0.3, 0.5],
          ]);
    const grad = new Float64Array(6);
    loss.gradient(pred, target, grad, 2, 3);
    const eps = 1e-6;
    for (let i = 0; i < 6; i++) {
      const saved = pred[i];
      pred[i] = saved + eps;
      const plus = loss.value(pred, target, 2, 3);
      pred[i] = saved - eps;
      const minus = loss.value(pred, target, 2, 3);
      pred[i] = saved;
      expect(grad[i]).toBeCloseTo((plus - minus) / (2 * eps), 5);
    }
  });
});

describe('loss names', () => {
  it('accepts Keras snake_case and tfjs camelCase names', () => {
    expect(resolveLossName('categorical_crossentropy')).toBe('categoricalCrossentropy');
    expect(resolveLossName('categoricalCrossentropy')).toBe('categoricalCrossentropy');
    expect(resolveLossName('meanSquaredError')).toBe('mse');
  });
  it('rejects an unknown name and lists the valid ones', () => {
    expect(() => getLoss('crossentropy')).toThrow(UnknownNameError);
    expect(() => getLoss('crossentropy')).toThrow(/Unknown loss "crossentropy"; expected one of: sse, mse, mae/);
  });
});
