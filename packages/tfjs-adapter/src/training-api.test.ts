import { Matrix, Rng } from '@backprop/core';
import {
  Adadelta,
  Adagrad,
  Adam,
  Adamax,
  AdamW,
  Dense,
  EarlyStopping,
  ExponentialDecay,
  LambdaCallback,
  LearningRateScheduler,
  Nadam,
  PiecewiseConstantDecay,
  ReduceLROnPlateau,
  SGD,
  Sequential,
} from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { initTfjs } from './index';

// The training API of issue #11 on both backends, through the same Sequential: model.optimizer and its
// learningRate (Keras's `model.optimizer.learning_rate`), the new optimizers, schedules, clipping, the
// learning-rate callbacks, and tf.train optimizers given to compile. Each case checks the two engines agree
// and that a setting has the effect of its Keras definition.

const rng = new Rng(23);
const rows = 48;
const x = new Matrix(rows, 5, Float32Array.from({ length: rows * 5 }, () => rng.uniform(-1, 1)));
const y = new Matrix(rows, 2, Float32Array.from(Array.from({ length: rows }, (_, r) => (x.data[r * 5] - x.data[r * 5 + 2] > 0 ? [0, 1] : [1, 0])).flat()));

function build(): Sequential {
  return new Sequential({ seed: 9, layers: [Dense(6, { activation: 'tanh', inputShape: [5] }), Dense(2, { activation: 'softmax' })] });
}

async function weightsOf(model: Sequential): Promise<number[]> {
  return (await model.getWeightsAsync()).flatMap((w) => Array.from(w instanceof Matrix ? w.data : w));
}

function maxDiff(a: readonly number[], b: readonly number[]): number {
  expect(a.length).toBe(b.length);
  return a.reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);
}

const fitOptions = { epochs: 2, batchSize: 16, verbose: 0 as const, shuffle: false };
const backends = ['scratch', 'tfjs'] as const;

beforeAll(() => initTfjs({ backend: 'cpu' }));

describe.each(backends)('training API on the %s backend', (backend) => {
  test('model.optimizer: Keras class and config; learningRate set between fits takes effect on the next step', async () => {
    const a = build();
    a.compile({ loss: 'categoricalCrossentropy', optimizer: Adam(0.01), backend });
    expect(a.optimizer?.getClassName()).toBe('Adam');
    expect(a.optimizer?.learningRate).toBe(0.01);
    await a.fit(x, y, { ...fitOptions, epochs: 1 });
    expect(a.optimizer?.iterations).toBe(3);
    a.optimizer!.learningRate = 0.05;
    expect(a.optimizer?.learningRate).toBe(0.05);
    await a.fit(x, y, { ...fitOptions, epochs: 1 });
    // The same run with the rate changed by a callback at the start of the second epoch.
    const b = build();
    b.compile({ loss: 'categoricalCrossentropy', optimizer: Adam(0.01), backend });
    const setter = new LambdaCallback({
      onEpochBegin: (epoch) => {
        if (epoch === 1) b.optimizer!.learningRate = 0.05;
      },
    });
    await b.fit(x, y, { ...fitOptions, callbacks: setter });
    expect(maxDiff(await weightsOf(a), await weightsOf(b))).toBeLessThan(1e-6);
    // And differs from never changing it.
    const c = build();
    c.compile({ loss: 'categoricalCrossentropy', optimizer: Adam(0.01), backend });
    await c.fit(x, y, fitOptions);
    expect(maxDiff(await weightsOf(a), await weightsOf(c))).toBeGreaterThan(1e-3);
    [a, b, c].forEach((m) => m.dispose());
  });

  test('LearningRateScheduler sets the rate each epoch and logs learning_rate (Keras 3)', async () => {
    const model = build();
    model.compile({ loss: 'categoricalCrossentropy', optimizer: SGD(0.2), backend });
    const history = await model.fit(x, y, { ...fitOptions, epochs: 3, callbacks: [new LearningRateScheduler((epoch, lr) => (epoch === 0 ? lr : lr / 2))] });
    expect(history.history.learning_rate).toEqual([0.2, 0.1, 0.05]);
    expect(model.optimizer?.learningRate).toBe(0.05);
    model.dispose();
  });

  test('ReduceLROnPlateau lowers the rate when the monitored loss stops improving', async () => {
    const model = build();
    // minDelta 10 makes every epoch "no improvement" after the first: patience 1 → a reduction every epoch from the second.
    model.compile({ loss: 'categoricalCrossentropy', optimizer: SGD(0.1), backend });
    const history = await model.fit(x, y, { ...fitOptions, epochs: 4, callbacks: [new ReduceLROnPlateau({ monitor: 'loss', minDelta: 10, patience: 1, factor: 0.5, minLr: 0.03 })] });
    const lr = history.history.learning_rate;
    expect(lr[0]).toBeCloseTo(0.1, 12);
    expect(lr[1]).toBeCloseTo(0.1, 12);
    expect(model.optimizer?.learningRate).toBeCloseTo(0.03, 12);
    model.dispose();
  });

  test('EarlyStopping with an unknown monitor raises (Keras 3: ValueError from MonitorCallback._set_monitor_op); plain-object callbacks run', async () => {
    const model = build();
    model.compile({ loss: 'categoricalCrossentropy', optimizer: SGD(0.1), backend, metrics: ['accuracy'] });
    await expect(model.fit(x, y, { ...fitOptions, validationData: [x, y], callbacks: [new EarlyStopping({ monitor: 'val_acc_x' })] })).rejects.toThrow(
      'EarlyStopping monitor "val_acc_x" is not among this fit\'s logs; expected one of: loss, accuracy, val_loss, val_accuracy',
    );
    const epochs: number[] = [];
    await model.fit(x, y, { ...fitOptions, callbacks: { onEpochEnd: (epoch) => void epochs.push(epoch) } });
    expect(epochs).toEqual([0, 1]);
    model.dispose();
  });

  test('a schedule as learningRate is evaluated per optimizer step (step = iterations) and is not settable', async () => {
    const model = build();
    model.compile({ loss: 'categoricalCrossentropy', optimizer: SGD(new PiecewiseConstantDecay({ boundaries: [2], values: [0.1, 0.01] })), backend });
    await model.fit(x, y, { ...fitOptions, epochs: 1 });
    expect(model.optimizer?.iterations).toBe(3);
    // Keras: values[1] once step > boundaries[0].
    expect(model.optimizer?.learningRate).toBe(0.01);
    expect(() => {
      model.optimizer!.learningRate = 0.5;
    }).toThrow('hence its learning rate is not settable');
    model.dispose();
  });
});

describe('both backends take the same steps', () => {
  const cases: [string, () => ReturnType<typeof SGD>][] = [
    ['Adagrad', () => Adagrad(0.1)],
    ['Adadelta', () => Adadelta(1)],
    ['Adamax', () => Adamax(0.02)],
    ['Nadam', () => Nadam(0.01)],
    ['AdamW', () => AdamW({ learningRate: 0.01, weightDecay: 0.1 })],
    ['SGD clipnorm', () => SGD({ learningRate: 0.5, clipnorm: 0.05 })],
    ['SGD globalClipnorm', () => SGD({ learningRate: 0.5, globalClipnorm: 0.05 })],
    ['Adam clipvalue', () => Adam({ learningRate: 0.01, clipvalue: 0.01 })],
    ['RMSprop weightDecay', () => SGD({ learningRate: 0.1, weightDecay: 0.3 })],
    ['SGD ExponentialDecay', () => SGD(new ExponentialDecay({ initialLearningRate: 0.5, decaySteps: 2, decayRate: 0.5 }))],
  ];

  test.each(cases)('%s', async (_name, optimizer) => {
    const [scratch, tfjs] = await Promise.all(
      backends.map(async (backend) => {
        const model = build();
        model.compile({ loss: 'categoricalCrossentropy', optimizer: optimizer(), backend });
        await model.fit(x, y, fitOptions);
        const weights = await weightsOf(model);
        model.dispose();
        return weights;
      }),
    );
    expect(maxDiff(scratch, tfjs)).toBeLessThan(2e-5);
    // The optimizer did move the weights.
    const untrained = await weightsOf(build());
    expect(maxDiff(scratch, untrained)).toBeGreaterThan(1e-3);
  });

  test('compile accepts tf.train optimizers (tfjs’s own objects) on either backend: tf.train.adam(0.01) trains as Adam(0.01)', async () => {
    for (const backend of backends) {
      const ours = build();
      ours.compile({ loss: 'categoricalCrossentropy', optimizer: Adam(0.01), backend });
      const theirs = build();
      theirs.compile({ loss: 'categoricalCrossentropy', optimizer: tf.train.adam(0.01), backend });
      expect(theirs.optimizer?.getConfig()).toEqual(ours.optimizer?.getConfig());
      await ours.fit(x, y, fitOptions);
      await theirs.fit(x, y, fitOptions);
      expect(maxDiff(await weightsOf(ours), await weightsOf(theirs))).toBe(0);
      ours.dispose();
      theirs.dispose();
    }
    const model = build();
    expect(() => model.compile({ loss: 'mse', optimizer: { getClassName: () => 'Lamb', getConfig: () => ({}) } })).toThrow(/tfjs optimizer "Lamb" cannot be expressed/);
  });
});
