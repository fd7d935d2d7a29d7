import { ArgumentError, NonFiniteError, ShapeError } from '@backprop/core';
import { Dense } from '../layers/dense';
import { SGD } from '../optimizers/sgd';
import { Sequential } from './sequential';

// Keras 3 checks sample_weight against the data (keras/src/trainers/data_adapters) and refuses class_weight with
// sample_weight; here every bad weight is a typed error before training starts.
const x = [
  [0, 1],
  [1, 0],
  [1, 1],
];
const y = [0, 1, 1];

function model(): Sequential {
  const m = new Sequential({ layers: [Dense(2, { inputShape: [2], activation: 'softmax' })] });
  m.compile({ loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.1) });
  return m;
}

describe('sampleWeight and classWeight are checked', () => {
  it('sampleWeight of the wrong length, negative or not finite', async () => {
    const m = model();
    await expect(m.fit(x, y, { sampleWeight: [1, 2], verbose: 0 })).rejects.toThrow(ShapeError);
    await expect(m.fit(x, y, { sampleWeight: [1, 2], verbose: 0 })).rejects.toThrow('fit sampleWeight must hold one weight per sample (3), got 2');
    await expect(m.fit(x, y, { sampleWeight: [1, -2, 1], verbose: 0 })).rejects.toThrow('fit sampleWeight[1] must be >= 0, got -2');
    await expect(m.fit(x, y, { sampleWeight: [1, Number.NaN, 1], verbose: 0 })).rejects.toThrow(NonFiniteError);
    await expect(m.evaluate(x, y, { sampleWeight: [1, 1, Number.POSITIVE_INFINITY] })).rejects.toThrow('evaluate sampleWeight[2] must be a finite number, got Infinity');
    await expect(m.evaluate(x, y, { sampleWeight: 'heavy' as never })).rejects.toThrow(ArgumentError);
  });

  it('classWeight with bad keys or values, or together with sampleWeight', async () => {
    const m = model();
    await expect(m.fit(x, y, { classWeight: { 2: 1 }, verbose: 0 })).rejects.toThrow('fit classWeight keys must be class indices 0..1, got "2"');
    await expect(m.fit(x, y, { classWeight: { 0: -1 }, verbose: 0 })).rejects.toThrow('fit classWeight[0] must be a finite number >= 0, got -1');
    await expect(m.fit(x, y, { classWeight: [1, 2] as never, verbose: 0 })).rejects.toThrow(ArgumentError);
    await expect(m.fit(x, y, { classWeight: { 0: 1 }, sampleWeight: [1, 1, 1], verbose: 0 })).rejects.toThrow('cannot give classWeight and sampleWeight at the same time');
  });

  it('weights of zero take a sample out of the loss: the step equals training without it (Σ w·l / n with n = all rows)', async () => {
    const weighted = model();
    const dropped = model();
    await weighted.fit(x, y, { sampleWeight: [1, 1, 0], batchSize: 3, shuffle: false, verbose: 0 });
    // Keras divides by the batch size (3), not by Σw: (l₁ + l₂) / 3 is the two samples weighted 2/3 in a batch of 2.
    await dropped.fit(x.slice(0, 2), y.slice(0, 2), { sampleWeight: [2 / 3, 2 / 3], batchSize: 2, shuffle: false, verbose: 0 });
    const a = weighted.getWeights().flatMap((w) => Array.from('data' in w ? w.data : w));
    const b = dropped.getWeights().flatMap((w) => Array.from('data' in w ? w.data : w));
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 6));
  });
});
