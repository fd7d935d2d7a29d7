import { getKernels, type Kernels, loadKernels, Matrix, oneHot, setKernels, type TrainTestSplit, trainTestSplit } from '@backprop/core';
import { loadDigits } from '@backprop/datasets';
import { Dense, SGD, Sequential } from '../index';

// A full training run on the wasm kernels against the same run on the js reference kernels: same model,
// seed, split and batch order, so the only difference is float32 rounding inside the kernels (SIMD sums
// in another order, its own exp). Over 30 epochs that must not move the result: final test accuracy
// within 0.1 point and final losses within 1e-3 relative. The scratch backend builds its DenseNetwork at
// compile time on core's process-wide kernel set (`getKernels()`), hence `setKernels` before compile.
// A missing .wasm file fails here (CI builds it before testing), as in core's wasm kernel tests.

interface RunResult {
  trainLoss: number;
  testLoss: number;
  testAccuracy: number;
  matmulCalls: number;
}

async function train(kernels: Kernels, split: TrainTestSplit<Matrix>): Promise<RunResult> {
  const matmul = jest.spyOn(kernels, 'matmul');
  setKernels(kernels);
  try {
    const model = new Sequential({ seed: 7 });
    model.add(Dense(32, { inputShape: [64], activation: 'sigmoid' }));
    model.add(Dense(16, { activation: 'sigmoid' }));
    model.add(Dense(10, { activation: 'softmax' }));
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.5), metrics: ['accuracy'] });
    const history = await model.fit(split.xTrain, split.yTrain, { epochs: 30, batchSize: 32, verbose: 0 });
    const [testLoss, testAccuracy] = await model.evaluate(split.xTest, split.yTest);
    const losses = history.history.loss;
    const result = { trainLoss: losses[losses.length - 1], testLoss, testAccuracy, matmulCalls: matmul.mock.calls.length };
    model.dispose();
    return result;
  } finally {
    matmul.mockRestore();
  }
}

function relativeDiff(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
}

describe('wasm and js kernels agree over a full training run', () => {
  it('64-32-16-10 on the 8×8 digits, 30 epochs of SGD: same accuracy (±0.1 point), losses within 1e-3 relative', async () => {
    const digits = loadDigits();
    const x = Matrix.from(digits.features);
    const scaled = new Matrix(x.rows, x.cols, x.data.map((v) => v / digits.maxValue));
    const split = trainTestSplit(scaled, oneHot(digits.labels, 10), { testSize: 0.25, seed: 42 });

    const previous = getKernels();
    let wasm: RunResult;
    let js: RunResult;
    try {
      const wasmKernels = loadKernels('wasm');
      const jsKernels = loadKernels('js');
      expect(wasmKernels.name).toBe('wasm');
      expect(jsKernels.name).toBe('js');
      wasm = await train(wasmKernels, split);
      js = await train(jsKernels, split);
    } finally {
      setKernels(previous);
    }
    expect(getKernels()).toBe(previous);

    // Measured: test accuracy 0.9533 on both; losses agree to ~1e-7 relative (train 0.108502, test 0.159108).
    // Each run did its math on its own kernel set.
    expect(wasm.matmulCalls).toBeGreaterThan(0);
    expect(js.matmulCalls).toBeGreaterThan(0);
    // The run learned something worth comparing.
    expect(js.testAccuracy).toBeGreaterThan(0.9);
    expect(Math.abs(wasm.testAccuracy - js.testAccuracy)).toBeLessThanOrEqual(0.001);
    expect(relativeDiff(wasm.trainLoss, js.trainLoss)).toBeLessThanOrEqual(1e-3);
    expect(relativeDiff(wasm.testLoss, js.testLoss)).toBeLessThanOrEqual(1e-3);
  }, 300_000);
});
