import { ArgumentError, Matrix, NonFiniteError, ShapeError } from '@backprop/core';
import { oneHotLabels, toFloat32Batch } from '@backprop/datasets';
import { Dense, SGD, Sequential } from '../index';
import { isBatchSource, MatrixBatchSource, toInputMatrix, toTargetMatrix } from './batch-source';

describe('MatrixBatchSource', () => {
  const x = new Matrix(4, 2, Float32Array.from([0, 1, 10, 11, 20, 21, 30, 31]));
  const y = Matrix.column([0, 1, 2, 3]);

  it('copies the rows picked by indices[start … end) into the front of reused buffers', () => {
    const source = new MatrixBatchSource(x, y);
    expect([source.size, source.inputSize, source.outputSize]).toEqual([4, 2, 1]);
    const xb = new Float32Array(8).fill(-1);
    const yb = new Float32Array(4).fill(-1);
    source.readBatch(Uint32Array.of(3, 0, 2, 1), 1, 3, xb, yb);
    expect(Array.from(xb)).toEqual([0, 1, 20, 21, -1, -1, -1, -1]);
    expect(Array.from(yb)).toEqual([0, 2, -1, -1]);
    source.readBatch([1], 0, 1, xb, null);
    expect(Array.from(xb.subarray(0, 2))).toEqual([10, 11]);
    expect(isBatchSource(source)).toBe(true);
    expect(isBatchSource(x)).toBe(false);
  });

  it('has no targets when built without y, and checks row counts', () => {
    expect(new MatrixBatchSource(x).outputSize).toBe(0);
    expect(() => new MatrixBatchSource(x, Matrix.column([1]))).toThrow(ShapeError);
  });
});

describe('input conversion', () => {
  it('reads number[][], Matrix and { data, shape }; flat label lists become a column', () => {
    expect(toInputMatrix([[1, 2]], 'x').shape).toEqual([1, 2]);
    expect(toInputMatrix({ data: Float32Array.of(1, 2, 3, 4), shape: [2, 2] }, 'x').shape).toEqual([2, 2]);
    expect(toTargetMatrix([3, 1, 2], 'y').shape).toEqual([3, 1]);
    expect(toTargetMatrix(Uint8Array.of(3, 1), 'y').shape).toEqual([2, 1]);
    expect(toTargetMatrix([[0, 1]], 'y').shape).toEqual([1, 2]);
  });

  it('rejects non-finite values and ragged or malformed input', () => {
    expect(() => toInputMatrix([[1, Number.NaN]], 'x')).toThrow(NonFiniteError);
    expect(() => toInputMatrix({ data: Float32Array.of(1, Number.POSITIVE_INFINITY), shape: [1, 2] }, 'x')).toThrow('x[0][1] must be finite, got Infinity');
    expect(() => toTargetMatrix([1, Number.NaN], 'y')).toThrow(NonFiniteError);
    expect(() => toInputMatrix([[1, 2], [3]], 'x')).toThrow(ShapeError);
    expect(() => toInputMatrix('abc' as never, 'x')).toThrow(ArgumentError);
  });
});

describe('a BatchSource over bytes, as for MNIST', () => {
  it('trains from @backprop/datasets batches, with one-hot or sparse label targets', async () => {
    const count = 64;
    const images = Uint8Array.from({ length: count * 16 }, (_, i) => (i * 37) % 256);
    const labels = Uint8Array.from({ length: count }, (_, i) => i % 3);
    const set = { images, labels, count, rows: 4, cols: 4, numClasses: 3 };
    const source = (sparse: boolean) => ({
      size: count,
      inputSize: 16,
      outputSize: sparse ? 1 : 3,
      readBatch(indices: ArrayLike<number>, start: number, end: number, x: Float32Array, y: Float32Array | null) {
        const picked = (indices as Uint32Array).subarray(start, end);
        toFloat32Batch(set, picked, x);
        if (y && sparse) picked.forEach((index, r) => (y[r] = labels[index]));
        else if (y) oneHotLabels(labels, picked, 3, y);
      },
    });
    const run = async (sparse: boolean) => {
      const model = new Sequential({ seed: 1, layers: [Dense(8, { inputShape: [16], activation: 'relu' }), Dense(3, { activation: 'softmax' })] });
      model.compile({ loss: sparse ? 'sparse_categorical_crossentropy' : 'categorical_crossentropy', optimizer: SGD(0.1), metrics: ['accuracy'] });
      const h = await model.fit(source(sparse), { epochs: 2, batchSize: 10, verbose: 0 });
      return { h: h.history, evaluated: await model.evaluate(source(sparse)), predicted: Array.from(model.predict(source(sparse)).data) };
    };
    expect(await run(true)).toEqual(await run(false));
  });
});
