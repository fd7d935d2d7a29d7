import { Matrix, Rng } from '@backprop/core';
import { ScratchBackend } from '../backend/scratch-backend';
import { Dense, SGD, Sequential } from '../index';

const rng = new Rng(5);
const rows = 24;
const x = new Matrix(rows, 6, Float32Array.from({ length: rows * 6 }, () => rng.uniform(-1, 1)));
const y = new Matrix(rows, 3, new Float32Array(rows * 3));
for (let r = 0; r < rows; r++) y.data[r * 3 + rng.int(3)] = 1;

function model(last: 'softmax' | 'linear'): Sequential {
  return new Sequential({ seed: 3, layers: [Dense(8, { activation: 'tanh', inputShape: [6] }), Dense(3, { activation: last })] });
}

afterEach(() => jest.restoreAllMocks());

describe('one loss definition for training and evaluation', () => {
  it.each([
    ['softmax', 'categoricalCrossentropy'],
    ['linear', 'mse'],
  ] as const)('evaluate gives the loss fit trained on for the same batch (%s, %s)', async (last, loss) => {
    const m = model(last);
    m.compile({ optimizer: SGD(0.1), loss });
    // fit's loss is the step's loss before its update: the weights evaluate saw (SGD(0) is refused, as lr > 0).
    const [evaluated] = await m.evaluate(x, y, { batchSize: rows });
    const history = await m.fit(x, y, { epochs: 1, batchSize: rows, shuffle: false, verbose: 0 });
    expect(history.history.loss[0]).toBeCloseTo(evaluated, 6);
    const [after] = await m.evaluate(x, y, { batchSize: rows });
    expect(after).toBeLessThan(evaluated);
    m.dispose();
  });

  it('fit computes training metrics from the step’s own forward pass and validates through evaluateOnBatch', async () => {
    const predict = jest.spyOn(ScratchBackend.prototype, 'predict');
    const train = jest.spyOn(ScratchBackend.prototype, 'trainOnBatch');
    const outputs = jest.spyOn(ScratchBackend.prototype, 'lastTrainOutputs');
    const evaluate = jest.spyOn(ScratchBackend.prototype, 'evaluateOnBatch');
    const m = model('softmax');
    m.compile({ optimizer: SGD(0.1), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
    const history = await m.fit(x, y, { epochs: 2, batchSize: 8, validationData: [x, y], verbose: 0 });
    // 3 batches per epoch: each one trainOnBatch and one read of its outputs, no second (predict) pass.
    expect(train).toHaveBeenCalledTimes(6);
    expect(outputs).toHaveBeenCalledTimes(6);
    expect(predict).not.toHaveBeenCalled();
    expect(evaluate).toHaveBeenCalledTimes(6);
    expect(history.history.val_accuracy).toHaveLength(2);
    m.dispose();
  });
});
