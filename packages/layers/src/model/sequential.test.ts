import { Matrix, Rng } from '@backprop/core';
import { Callback } from '../callbacks/callback';
import { ProgressBar } from '../callbacks/progress-bar';
import { Activation, Dense, DenseLayer, Dropout, SGD, Sequential } from '../index';
import { clearSession } from '../layers/layer-names';

/** Rows of `width` uniform pixels whose class is set by which tenth of the row is brightest. */
function syntheticDigits(rows: number, width: number, seed: number): { x: Matrix; y: Matrix; labels: number[] } {
  const rng = new Rng(seed);
  const x = new Matrix(rows, width);
  const y = new Matrix(rows, 10);
  const labels: number[] = [];
  const band = Math.floor(width / 10);
  for (let r = 0; r < rows; r++) {
    const label = rng.int(10);
    labels.push(label);
    for (let c = 0; c < width; c++) x.set(r, c, rng.uniform() * 0.5 + (Math.floor(c / band) === label ? 0.5 : 0));
    y.set(r, label, 1);
  }
  return { x, y, labels };
}

const silent = { verbose: 0 as const };

describe('Sequential: the Keras script', () => {
  beforeEach(() => clearSession());

  it('runs as written: summary, fit with validation, predict, evaluate', async () => {
    const { x: trainX, y: trainY } = syntheticDigits(256, 784, 1);
    const { x: testX, y: testY } = syntheticDigits(128, 784, 2);
    const model = new Sequential();
    model.add(Dense(256, { inputShape: [784], activation: 'sigmoid' }));
    model.add(Dense(128, { activation: 'sigmoid' }));
    model.add(Dense(10, { activation: 'softmax' }));
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01), metrics: ['accuracy'] });
    const lines: string[] = [];
    model.summary((line) => lines.push(line));
    expect(lines.join('\n')).toBe(
      [
        'Model: "sequential"',
        '_________________________________________________________________',
        'Layer (type)                 Output Shape              Param #   ',
        '=================================================================',
        'dense (Dense)                (None, 256)               200960    ',
        '_________________________________________________________________',
        'dense_1 (Dense)              (None, 128)               32896     ',
        '_________________________________________________________________',
        'dense_2 (Dense)              (None, 10)                1290      ',
        '=================================================================',
        'Total params: 235,146',
        'Trainable params: 235,146',
        'Non-trainable params: 0',
        '_________________________________________________________________',
      ].join('\n'),
    );
    const out: string[] = [];
    const bar = new ProgressBar({ stream: { write: (s) => out.push(s) } });
    const H = await model.fit(trainX, trainY, { validationData: [testX, testY], epochs: 3, batchSize: 128, callbacks: [bar] });
    expect(Object.keys(H.history)).toEqual(['loss', 'accuracy', 'val_loss', 'val_accuracy']);
    for (const key of ['loss', 'accuracy', 'val_loss', 'val_accuracy']) expect(H.history[key]).toHaveLength(3);
    expect(H.epoch).toEqual([0, 1, 2]);
    expect(out.join('')).toMatch(/^Epoch 1\/3\n2\/2 \[==============================\] - \d+s \d+m?s\/step - loss: \d\.\d{4} - accuracy: \d\.\d{4} - val_loss: \d\.\d{4} - val_accuracy: \d\.\d{4}\n/);
    const probs = model.predict(testX, { batchSize: 128 });
    expect(probs).toBeInstanceOf(Matrix);
    expect(probs.shape).toEqual([128, 10]);
    for (let r = 0; r < 128; r++) expect(probs.row(r).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const [loss, acc] = await model.evaluate(testX, testY);
    expect(loss).toBeCloseTo(H.history.val_loss[2], 5);
    expect(acc).toBeCloseTo(H.history.val_accuracy[2], 10);
    expect(model.countParams()).toBe(235146);
  });
});

/** A small 3-class problem: 60 rows of 4 features. */
function small(seed = 1) {
  const { x, y, labels } = syntheticDigits(60, 40, seed);
  // Keep 4 features: averages of 10-wide bands are informative enough and fast.
  const xs = new Matrix(60, 4);
  for (let r = 0; r < 60; r++) for (let c = 0; c < 4; c++) xs.set(r, c, x.get(r, c * 10) + x.get(r, c * 10 + 5));
  return { x: xs, y, labels };
}

function mlp(seed = 7, extra: { dropout?: number } = {}): Sequential {
  const model = new Sequential({ seed });
  model.add(Dense(8, { inputShape: [4], activation: 'tanh' }));
  if (extra.dropout) model.add(Dropout(extra.dropout));
  model.add(Dense(10, { activation: 'softmax' }));
  return model;
}

const flat = (m: Sequential) => m.getWeights().flatMap((w) => Array.from(w instanceof Matrix ? w.data : w));

describe('Sequential', () => {
  beforeEach(() => clearSession());

  it('takes a layer list and names layers like Keras (dense, dense_1, …; activation, dropout)', () => {
    const model = new Sequential([Dense(4, { inputShape: [3] }), new Dense(2), Activation('relu'), Dropout(0.1)]);
    expect(model.name).toBe('sequential');
    expect(model.layers.map((l) => l.name)).toEqual(['dense', 'dense_1', 'activation', 'dropout']);
    expect(new Sequential().name).toBe('sequential_1');
  });

  it('Dense works as a factory, with new, and in tfjs style; instanceof holds', () => {
    const a = Dense(3, { activation: 'relu' });
    const b = new Dense(3, { activation: 'relu' });
    const c = Dense({ units: 3, activation: 'relu', name: 'c' });
    for (const layer of [a, b, c]) {
      expect(layer).toBeInstanceOf(DenseLayer);
      expect(layer).toBeInstanceOf(Dense);
      expect(layer.units).toBe(3);
      expect(layer.activation.name).toBe('relu');
    }
  });

  it('seeded runs are bit-for-bit reproducible, and another seed gives another run', async () => {
    const run = async (seed: number) => {
      const { x, y } = small();
      const model = mlp(seed, { dropout: 0.2 });
      model.compile({ loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.1, momentum: 0.9 }), metrics: ['accuracy'] });
      const h = await model.fit(x, y, { epochs: 3, batchSize: 16, validationSplit: 0.25, ...silent });
      return { history: h.history, weights: flat(model), predictions: Array.from(model.predict(x).data) };
    };
    const first = await run(5);
    expect(await run(5)).toEqual(first);
    expect((await run(6)).weights).not.toEqual(first.weights);
  });

  it('initial weights come from the seed with Keras defaults: glorotUniform kernels, zero biases', () => {
    const model = mlp(3);
    const [kernel, bias] = model.getWeights();
    expect((kernel as Matrix).shape).toEqual([4, 8]);
    const limit = Math.sqrt(6 / (4 + 8));
    expect((kernel as Matrix).data.every((v) => Math.abs(v) <= limit)).toBe(true);
    expect(Array.from(bias as Float32Array)).toEqual(new Array(8).fill(0));
    expect(flat(mlp(3))).toEqual(flat(model));
    expect(flat(mlp(4))).not.toEqual(flat(model));
  });

  it('getWeights / setWeights round-trip in Keras order and survive a recompile', async () => {
    const model = mlp();
    const weights = model.getWeights();
    expect(weights.map((w) => (w instanceof Matrix ? w.shape : [w.length]))).toEqual([[4, 8], [8], [8, 10], [10]]);
    const changed = weights.map((w) => (w instanceof Matrix ? new Matrix(w.rows, w.cols, w.data.map((v) => v * 2)) : w.map((v) => v + 1)));
    model.setWeights(changed);
    model.compile({ loss: 'mse', optimizer: 'sgd' });
    expect(flat(model)).toEqual(changed.flatMap((w) => Array.from(w instanceof Matrix ? w.data : w)));
    model.compile({ loss: 'mse', optimizer: 'adam' });
    expect(flat(model)).toEqual(changed.flatMap((w) => Array.from(w instanceof Matrix ? w.data : w)));
    expect((await model.getWeightsAsync()).length).toBe(4);
  });

  it('predicts without compile (as Keras does), and Dropout never drops at inference', () => {
    const withDropout = mlp(2, { dropout: 0.5 });
    const without = mlp(2);
    const { x } = small();
    expect(Array.from(withDropout.predict(x).data)).toEqual(Array.from(without.predict(x).data));
  });

  it('Dense(10) + Activation("softmax") is Dense(10, softmax)', () => {
    const split = new Sequential({ seed: 1, layers: [Dense(8, { inputShape: [4] }), Activation('tanh'), Dense(10), Activation('softmax')] });
    const fused = mlp(1);
    fused.setWeights(split.getWeights());
    const { x } = small();
    expect(Array.from(split.predict(x).data)).toEqual(Array.from(fused.predict(x).data));
    expect(split.countParams()).toBe(fused.countParams());
  });

  it('sparse_categorical_crossentropy takes labels and trains exactly like one-hot categorical_crossentropy', async () => {
    const { x, y, labels } = small();
    const sparse = mlp(4);
    sparse.compile({ loss: 'sparse_categorical_crossentropy', optimizer: SGD(0.2), metrics: ['accuracy'] });
    const dense = mlp(4);
    dense.compile({ loss: 'categoricalCrossentropy', optimizer: SGD(0.2), metrics: ['accuracy'] });
    const a = await sparse.fit(x, labels, { epochs: 2, batchSize: 8, ...silent });
    const b = await dense.fit(x, y, { epochs: 2, batchSize: 8, ...silent });
    expect(a.history).toEqual(b.history);
    expect(await sparse.evaluate(x, Int32Array.from(labels))).toEqual(await dense.evaluate(x, y));
  });

  it('chooses the accuracy from the loss, as Keras: binary for binary_crossentropy', async () => {
    const { x, labels } = small();
    const y = labels.map((l) => [l % 2]);
    const model = new Sequential({ layers: [Dense(4, { inputShape: [4], activation: 'relu' }), Dense(1, { activation: 'sigmoid' })] });
    model.compile({ loss: 'binary_crossentropy', optimizer: 'adam', metrics: ['acc', 'mse', 'mae'] });
    const h = await model.fit(x, y, { epochs: 2, ...silent });
    expect(Object.keys(h.history)).toEqual(['loss', 'acc', 'mse', 'mae']);
    const [, acc] = await model.evaluate(x, y);
    const p = model.predict(x).data;
    expect(acc).toBeCloseTo(y.filter((t, i) => (p[i] > 0.5 ? 1 : 0) === t[0]).length / 60, 10);
  });

  it('evaluate returns [loss] when compiled without metrics (always a list, see the porting note)', async () => {
    const { x, y } = small();
    const model = mlp();
    model.compile({ loss: 'mse', optimizer: SGD(0.1) });
    const result = await model.evaluate(x, y, { batchSize: 7 });
    expect(result).toHaveLength(1);
    expect(Number.isFinite(result[0])).toBe(true);
  });

  it('honours stopTraining set by a callback, and initialEpoch', async () => {
    const { x, y } = small();
    const model = mlp();
    model.compile({ loss: 'mse', optimizer: SGD(0.1) });
    class StopAfterTwoBatches extends Callback {
      batches = 0;
      override onBatchEnd(): void {
        if (++this.batches === 2) this.model!.stopTraining = true;
      }
    }
    const stopper = new StopAfterTwoBatches();
    const h = await model.fit(x, y, { epochs: 5, batchSize: 10, callbacks: [stopper], ...silent });
    expect(stopper.batches).toBe(2);
    expect(h.epoch).toEqual([0]);
    const resumed = await model.fit(x, y, { epochs: 4, initialEpoch: 2, ...silent });
    expect(resumed.epoch).toEqual([2, 3]);
    expect(model.history).toBe(resumed);
  });

  it('shuffles with a seed; shuffle: false keeps the order; validationSplit holds out the LAST rows', async () => {
    const seen: number[][] = [];
    const { x, y } = small();
    const source = {
      size: 60,
      inputSize: 4,
      outputSize: 10,
      readBatch(indices: ArrayLike<number>, start: number, end: number, xb: Float32Array, yb: Float32Array | null) {
        seen.push(Array.from(indices).slice(start, end));
        for (let r = start; r < end; r++) {
          xb.set(x.row(indices[r]), (r - start) * 4);
          yb?.set(y.row(indices[r]), (r - start) * 10);
        }
      },
    };
    const model = mlp();
    model.compile({ loss: 'mse', optimizer: SGD(0.1) });
    await model.fit(source, { epochs: 1, batchSize: 20, shuffle: false, validationSplit: 0.25, ...silent });
    expect(seen).toEqual([range(0, 20), range(20, 40), range(40, 45), range(45, 60)]);
    seen.length = 0;
    await model.fit(source, { epochs: 1, batchSize: 45, validationSplit: 0.25, seed: 1, ...silent });
    expect(seen[0]).not.toEqual(range(0, 45));
    expect([...seen[0]].sort((a, b) => a - b)).toEqual(range(0, 45));
    expect(seen[1]).toEqual(range(45, 60));
  });

  it('a BatchSource trains, evaluates and predicts exactly like the same data in memory', async () => {
    const { x, y } = small();
    const source = {
      size: 60,
      inputSize: 4,
      outputSize: 10,
      readBatch(indices: ArrayLike<number>, start: number, end: number, xb: Float32Array, yb: Float32Array | null) {
        for (let r = start; r < end; r++) {
          xb.set(x.row(indices[r]), (r - start) * 4);
          yb?.set(y.row(indices[r]), (r - start) * 10);
        }
      },
    };
    const a = mlp();
    const b = mlp();
    for (const m of [a, b]) m.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.3), metrics: ['accuracy'] });
    const ha = await a.fit(source, undefined, { epochs: 2, batchSize: 16, validationData: source, ...silent });
    const hb = await b.fit(x, y, { epochs: 2, batchSize: 16, validationData: [x, y], ...silent });
    expect(ha.history).toEqual(hb.history);
    expect(await a.evaluate(source)).toEqual(await b.evaluate(x, y));
    expect(Array.from(a.predict(source).data)).toEqual(Array.from(b.predict(x).data));
  });

  it('accepts number[][] and { data, shape } as well as Matrix', async () => {
    const { x, y } = small();
    const model = mlp();
    model.compile({ loss: 'mse', optimizer: SGD(0.1) });
    const fromArrays = model.predict(x.toArray());
    const fromShape = model.predict({ data: x.data, shape: [60, 4] });
    expect(Array.from(fromArrays.data)).toEqual(Array.from(model.predict(x).data));
    expect(Array.from(fromShape.data)).toEqual(Array.from(model.predict(x).data));
    await expect(model.evaluate(x.toArray(), y.toArray())).resolves.toEqual(await model.evaluate(x, y));
  });
});

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, i) => start + i);
}

