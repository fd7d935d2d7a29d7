import { Matrix } from '@backprop/core';
import { Dense, SGD, Sequential } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { predictTensor } from './predict-tensor';
import './register';
import { initTfjs } from './tfjs-runtime';

// tfjs users hold their data in tf.Tensors and get tensors back from predict (tfjs's model.fit / predict). Tensors
// are read through their shape and dataSync(), so they must train, evaluate and predict exactly as the same
// numbers given as arrays.

const rows = 12;
const xValues = Array.from({ length: rows }, (_, r) => Array.from({ length: 3 }, (_, c) => Math.cos(r * 1.3 + c)));
const labels = Array.from({ length: rows }, (_, r) => r % 2);
const weights = Array.from({ length: rows }, (_, r) => 0.5 + (r % 3));

function model(backend: string): Sequential {
  const m = new Sequential({ seed: 5, layers: [Dense(4, { inputShape: [3], activation: 'tanh' }), Dense(2, { activation: 'softmax' })] });
  m.compile({ loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.2), metrics: ['accuracy'], backend });
  return m;
}

beforeAll(async () => {
  await initTfjs({ backend: 'cpu' });
});

describe.each(['scratch', 'tfjs'])('tf.Tensor data on backend %s', (backend) => {
  it('fit / evaluate with tensor x, y and sampleWeight train exactly as arrays do', async () => {
    const fromArrays = model(backend);
    const fromTensors = model(backend);
    const opts = { epochs: 3, batchSize: 4, verbose: 0 } as const;
    const a = await fromArrays.fit(xValues, labels, { ...opts, sampleWeight: weights });
    const [x, y, w] = [tf.tensor2d(xValues), tf.tensor1d(labels, 'int32'), tf.tensor1d(weights)];
    const b = await fromTensors.fit(x, y, { ...opts, sampleWeight: w });
    expect(b.history.loss).toEqual(a.history.loss);
    expect(fromTensors.getWeights()).toEqual(fromArrays.getWeights());
    expect(await fromTensors.evaluate(x, y, { sampleWeight: w })).toEqual(await fromArrays.evaluate(xValues, labels, { sampleWeight: weights }));
    tf.dispose([x, y, w]);
  });

  it("predict(x, { output: 'tensor' }) and predictTensor(model, x) return a tf.Tensor [rows, units] with predict's values", () => {
    const m = model(backend);
    const x = tf.tensor2d(xValues);
    const matrix = m.predict(x);
    const tensor = m.predict(x, { output: 'tensor' }) as unknown as tf.Tensor;
    const typed = predictTensor(m, x, { batchSize: 5 });
    expect(matrix).toBeInstanceOf(Matrix);
    for (const t of [tensor, typed]) {
      expect(t).toBeInstanceOf(tf.Tensor);
      expect(t.shape).toEqual([rows, 2]);
      expect(Array.from(t.dataSync())).toEqual(Array.from(matrix.data));
    }
    expect(() => m.predict(x, { output: 'tensors' } as never)).toThrow('output must be "matrix" or "tensor", got "tensors"');
    tf.dispose([x, tensor, typed]);
  });
});
