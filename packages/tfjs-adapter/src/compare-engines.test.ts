import type { ActivationOption, CoreLossIdentifier, OptimizerSpec } from '@backprop/core';
import { loadDigits } from '@backprop/datasets';
import { compareEngines, type ParityReport } from './compare-engines';
import { createModelSpec } from './model-spec';
import { initTfjs } from './tfjs-runtime';

/** The 1,797 8×8 digits vendored by @backprop/datasets: pixels scaled to [0, 1], labels one-hot. */
function digits(): { x: Float32Array; y: Float32Array; source: string } {
  const set = loadDigits();
  const x = Float32Array.from(set.features.data, (v) => v / set.maxValue);
  const y = new Float32Array(set.count * set.numClasses);
  set.labels.forEach((label, r) => {
    y[r * set.numClasses + label] = 1;
  });
  return { x, y, source: `${set.count} digits` };
}

const data = digits();
const figures: string[] = [];
afterAll(() => console.log(`parity on ${data.source}:\n${figures.join('\n')}`));

function parity(optimizer: OptimizerSpec, steps = 200): Promise<ParityReport> {
  const spec = createModelSpec({
    inputSize: 64,
    layers: [
      { units: 32, activation: 'relu' },
      { units: 16, activation: 'tanh' },
      { units: 10, activation: 'softmax' },
    ],
    loss: 'categoricalCrossentropy',
    optimizer,
    seed: 42,
  });
  return compareEngines({ spec, x: data.x, y: data.y, steps, batchSize: 32, seed: 3 });
}

describe('compareEngines on a 64-32-16-10 model, 200 steps of the digits', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  test('the data is the vendored digits (no stand-in)', () => {
    expect(data.x).toHaveLength(1797 * 64);
    expect(data.x.reduce((a, b) => Math.max(a, b))).toBe(1);
    expect(data.y.reduce((a, b) => a + b)).toBe(1797);
  });

  test.each<[string, OptimizerSpec]>([
    ['SGD', { name: 'sgd', learningRate: 0.1 }],
    ['momentum', { name: 'sgd', learningRate: 0.05, momentum: 0.9 }],
    ['nesterov', { name: 'sgd', learningRate: 0.05, momentum: 0.9, nesterov: true }],
    ['Adam', { name: 'adam', learningRate: 0.005 }],
    ['RMSprop', { name: 'rmsprop', learningRate: 0.002, momentum: 0.5 }],
  ])('%s: weights within 1e-4 and losses equal to 4 significant digits', async (label, optimizer) => {
    const report = await parity(optimizer);
    const first = report.steps[0];
    const last = report.steps[report.steps.length - 1];
    figures.push(
      `  cpu  ${label.padEnd(9)} max |Δw| ${report.maxWeightDiff.toExponential(2)}, max loss rel. diff ${report.maxLossRelativeDiff.toExponential(2)} ` +
        `(${report.lossDigitsAgreed.toFixed(1)} digits); loss ${first.scratchLoss.toFixed(4)} → ${last.scratchLoss.toFixed(4)} / ${last.tfjsLoss.toFixed(4)}`,
    );
    expect(report.failures).toEqual([]);
    expect(report.passed).toBe(true);
    expect(report.steps).toHaveLength(200);
    expect(report.maxWeightDiff).toBeLessThanOrEqual(1e-4);
    expect(report.lossDigitsAgreed).toBeGreaterThanOrEqual(4);
    // Training did something: the loss fell.
    expect(last.scratchLoss).toBeLessThan(first.scratchLoss);
  });

  test('a tolerance the engines cannot meet fails, with the step named', async () => {
    const spec = createModelSpec({ inputSize: 64, layers: [{ units: 10, activation: 'softmax' }], loss: 'cce', optimizer: { name: 'sgd', learningRate: 0.5 } });
    const report = await compareEngines({ spec, x: data.x, y: data.y, steps: 5, batchSize: 16, tolerance: { weights: 0, lossDigits: 12 } });
    expect(report.passed).toBe(false);
    expect(report.failures.join('\n')).toMatch(/at step \d+/);
  });

  test('with Dropout the engines agree too: both get the same masks', async () => {
    const spec = createModelSpec({
      inputSize: 64,
      layers: [
        { units: 32, activation: 'relu', dropoutRate: 0.2 },
        { units: 10, activation: 'softmax' },
      ],
      loss: 'categoricalCrossentropy',
      optimizer: { name: 'rmsprop', learningRate: 0.001 },
      seed: 42,
    });
    const report = await compareEngines({ spec, x: data.x, y: data.y, steps: 200, batchSize: 32, seed: 3 });
    figures.push(`  cpu  dropout   max |Δw| ${report.maxWeightDiff.toExponential(2)}`);
    expect(report.failures).toEqual([]);
    expect(report.maxWeightDiff).toBeLessThanOrEqual(1e-4);
  });
});

describe('compareEngines on the tfjs wasm backend', () => {
  beforeAll(() => initTfjs({ backend: 'wasm' }));

  test("Keras's mnist_mlp with Dropout(0.2): 64-512-512-10 ReLU, RMSprop, 200 steps, same masks on both engines", async () => {
    const spec = createModelSpec({
      inputSize: 64,
      layers: [
        { units: 512, activation: 'relu', dropoutRate: 0.2 },
        { units: 512, activation: 'relu', dropoutRate: 0.2 },
        { units: 10, activation: 'softmax' },
      ],
      loss: 'categoricalCrossentropy',
      optimizer: { name: 'rmsprop', learningRate: 0.001 },
      seed: 11,
    });
    const report = await compareEngines({ spec, x: data.x, y: data.y, steps: 200, batchSize: 32, seed: 3 });
    figures.push(`  wasm mnist_mlp+dropout max |Δw| ${report.maxWeightDiff.toExponential(2)}`);
    expect(report.maxWeightDiff).toBeLessThanOrEqual(1e-4);
  });

  test.each<[string, OptimizerSpec]>([
    ['SGD', { name: 'sgd', learningRate: 0.1 }],
    ['Adam', { name: 'adam', learningRate: 0.005 }],
  ])('%s passes too', async (label, optimizer) => {
    const report = await parity(optimizer);
    figures.push(
      `  wasm ${label.padEnd(9)} max |Δw| ${report.maxWeightDiff.toExponential(2)}, max loss rel. diff ${report.maxLossRelativeDiff.toExponential(2)} ` +
        `(${report.engines.scratch} vs ${report.engines.tfjs})`,
    );
    expect(report.engines.tfjs).toMatch(/\(wasm, SIMD\)/);
    expect(report.failures).toEqual([]);
  });
});

describe('every activation and loss trains alike (40 steps, 64-16-n)', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  const cases: [string, ActivationOption, ActivationOption, CoreLossIdentifier | { name: CoreLossIdentifier; delta: number }][] = [
    ['sigmoid → sigmoid, sse', 'sigmoid', 'sigmoid', 'sse'],
    ['leakyRelu 0.1 → linear, mse', { name: 'leakyRelu', alpha: 0.1 }, 'linear', 'mse'],
    ['elu 0.5 → sigmoid, binary CE', { name: 'elu', alpha: 0.5 }, 'sigmoid', 'binaryCrossentropy'],
    ['elu 1 → tanh, hinge', 'elu', 'tanh', 'hinge'],
    ['tanh → linear, huber 0.5', 'tanh', 'linear', { name: 'huber', delta: 0.5 }],
    ['relu → linear, mae', 'relu', 'linear', 'mae'],
    ['relu → linear, logCosh', 'relu', 'linear', 'logCosh'],
    ['sigmoid → softmax, kld', 'sigmoid', 'softmax', 'kld'],
    ['tanh → sigmoid, categorical CE (not fused)', 'tanh', 'sigmoid', 'categoricalCrossentropy'],
    ['relu → linear, rmse', 'relu', 'linear', 'rmse'],
  ];
  test.each(cases)('%s', async (_label, hidden, output, loss) => {
    const spec = createModelSpec({
      inputSize: 64,
      layers: [
        { units: 16, activation: hidden },
        { units: 10, activation: output },
      ],
      loss,
      optimizer: { name: 'sgd', learningRate: 0.05, momentum: 0.5 },
      seed: 8,
    });
    const report = await compareEngines({ spec, x: data.x, y: data.y, steps: 40, batchSize: 32, seed: 1 });
    expect(report.failures).toEqual([]);
  });
});
