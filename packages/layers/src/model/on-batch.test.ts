import { Matrix, type MetricIdentifier, Rng, UnknownOptionError } from '@backprop/core';
import { Dense, SGD, Sequential } from '../index';

// Keras 3's train_on_batch / test_on_batch / predict_on_batch (tfjs: trainOnBatch, predictOnBatch), checked
// against one SGD step of a linear layer under MSE worked out by hand: with E = XW + b − Y over n rows and u
// units, Keras's mse is Σ E² / (n·u) and its gradient is 2·XᵀE / (n·u) for W, 2·Σ_rows E / (n·u) for b.
const n = 5;
const inputs = 3;
const units = 2;
const rng = new Rng(11);
const xs = Float32Array.from({ length: n * inputs }, () => rng.uniform(-1, 1));
const ys = Float32Array.from({ length: n * units }, () => rng.uniform(-1, 1));
const x = new Matrix(n, inputs, xs);
const y = new Matrix(n, units, ys);
const lr = 0.1;

function model(metrics: MetricIdentifier[] = []): Sequential {
  const m = new Sequential({ seed: 4, layers: [Dense(units, { inputShape: [inputs] })] });
  m.compile({ optimizer: SGD(lr), loss: 'mse', metrics });
  return m;
}

/** Errors, loss, mean absolute error and the SGD-updated weights, in float64. */
function byHand(w: Float32Array, b: Float32Array) {
  const e = new Float64Array(n * units);
  for (let r = 0; r < n; r++) {
    for (let j = 0; j < units; j++) {
      let z = b[j];
      for (let i = 0; i < inputs; i++) z += xs[r * inputs + i] * w[i * units + j];
      e[r * units + j] = z - ys[r * units + j];
    }
  }
  const scale = 2 / (n * units);
  const w2 = Array.from(w, (v, at) => {
    const [i, j] = [Math.floor(at / units), at % units];
    let g = 0;
    for (let r = 0; r < n; r++) g += xs[r * inputs + i] * e[r * units + j];
    return v - lr * scale * g;
  });
  const b2 = Array.from(b, (v, j) => {
    let g = 0;
    for (let r = 0; r < n; r++) g += e[r * units + j];
    return v - lr * scale * g;
  });
  return {
    loss: e.reduce((s, v) => s + v * v, 0) / (n * units),
    mae: e.reduce((s, v) => s + Math.abs(v), 0) / (n * units),
    outputs: Array.from(e, (v, at) => v + ys[at]),
    w2,
    b2,
  };
}

function weights(m: Sequential): [Float32Array, Float32Array] {
  const [w, b] = m.getWeights();
  return [(w as Matrix).data.slice(), (b as Float32Array).slice()];
}

describe('trainOnBatch / testOnBatch / predictOnBatch', () => {
  it('trainOnBatch takes one SGD step on all rows and returns the loss of that step (no metrics: a number)', async () => {
    const m = model();
    const expected = byHand(...weights(m));
    const loss = await m.trainOnBatch(x, y);
    expect(typeof loss).toBe('number');
    expect(loss as number).toBeCloseTo(expected.loss, 6);
    const [w, b] = weights(m);
    w.forEach((v, i) => expect(v).toBeCloseTo(expected.w2[i], 6));
    b.forEach((v, i) => expect(v).toBeCloseTo(expected.b2[i], 6));
    m.dispose();
  });

  it('returns [loss, ...metrics] in compile order, or a dict with returnDict', async () => {
    const m = model(['mae']);
    const first = byHand(...weights(m));
    const result = (await m.trainOnBatch(x, y)) as number[];
    expect(result).toHaveLength(2);
    expect(result[0]).toBeCloseTo(first.loss, 6);
    expect(result[1]).toBeCloseTo(first.mae, 6);
    const second = byHand(...weights(m));
    const dict = (await m.trainOnBatch(x, y, { returnDict: true })) as Record<string, number>;
    expect(Object.keys(dict)).toEqual(['loss', 'mae']);
    expect(dict.loss).toBeCloseTo(second.loss, 6);
    expect(second.loss).toBeLessThan(first.loss);
    m.dispose();
  });

  it('testOnBatch scores the batch without changing the weights; predictOnBatch gives XW + b', async () => {
    const m = model(['mae']);
    const before = weights(m);
    const expected = byHand(...before);
    const [loss, mae] = (await m.testOnBatch(x, y)) as number[];
    expect(loss).toBeCloseTo(expected.loss, 6);
    expect(mae).toBeCloseTo(expected.mae, 6);
    expect(weights(m)).toEqual(before);
    const out = m.predictOnBatch(x);
    expect([out.rows, out.cols]).toEqual([n, units]);
    out.data.forEach((v, i) => expect(v).toBeCloseTo(expected.outputs[i], 6));
    m.dispose();
  });

  it('sampleWeight weights the step as in fit (Σ w·l / n); unknown options are refused by name', async () => {
    const weighted = model();
    const plain = model();
    const w = [1, 0, 2, 1, 1];
    const viaFit = model();
    await weighted.trainOnBatch(x, y, { sampleWeight: w });
    await viaFit.fit(x, y, { epochs: 1, batchSize: n, shuffle: false, verbose: 0, sampleWeight: w });
    expect(weights(weighted)).toEqual(weights(viaFit));
    await plain.trainOnBatch(x, y);
    expect(weights(weighted)).not.toEqual(weights(plain));
    await expect(plain.trainOnBatch(x, y, { batchSize: 2 } as never)).rejects.toThrow(UnknownOptionError);
    await expect(plain.testOnBatch(x, y, { classWeight: {} } as never)).rejects.toThrow(/testOnBatch options/);
    // A truthy non-boolean (Keras's return_dict is a bool) is refused, not read as true.
    await expect(plain.trainOnBatch(x, y, { returnDict: 'yes' } as never)).rejects.toThrow('trainOnBatch options: returnDict must be true or false, got "yes"');
    await expect(plain.testOnBatch(x, y, { returnDict: 1 } as never)).rejects.toThrow(/testOnBatch options: returnDict must be true or false/);
    for (const m of [weighted, plain, viaFit]) m.dispose();
  });
});
