import { accuracy, Matrix, NeuralNetwork, oneHot, trainTestSplit } from '@backprop/core';
import { loadDigits } from '@backprop/datasets';
import { Dense, SGD, Sequential } from '../index';

// The facade against the tutorial network on the 8×8 digits (1,797 samples, 75/25 split): both learn
// 64-32-16-10 with sigmoid hidden layers and plain SGD, and should land within a point of each other.
// NeuralNetwork: per-sample SGD (alpha 0.1), ½·SSE loss, bias trick, 100 epochs (the tutorial's setup,
// with fewer epochs to stay fast). Facade: Keras's usual classifier head (softmax + categorical
// cross-entropy), minibatches of 16, SGD(0.5), 100 epochs.

describe('digits: Sequential vs NeuralNetwork', () => {
  it('reaches within 1 point of NeuralNetwork([64, 32, 16, 10]) on the same split', async () => {
    const digits = loadDigits();
    const x = Matrix.from(digits.features);
    const scaled = new Matrix(x.rows, x.cols, x.data.map((v) => v / digits.maxValue));
    const split = trainTestSplit(scaled, oneHot(digits.labels, 10), { testSize: 0.25, seed: 42 });

    const nn = new NeuralNetwork([64, 32, 16, 10], { alpha: 0.1, seed: 1 });
    nn.fit(split.xTrain, split.yTrain, { epochs: 100, logger: () => {} });
    const tutorialAccuracy = accuracy(split.yTest, nn.predict(split.xTest));

    const model = new Sequential({ seed: 1 });
    model.add(Dense(32, { inputShape: [64], activation: 'sigmoid' }));
    model.add(Dense(16, { activation: 'sigmoid' }));
    model.add(Dense(10, { activation: 'softmax' }));
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.5), metrics: ['accuracy'] });
    await model.fit(split.xTrain, split.yTrain, { epochs: 100, batchSize: 16, verbose: 0 });
    const [, facadeAccuracy] = await model.evaluate(split.xTest, split.yTest);

    // Measured: NeuralNetwork 0.9711, Sequential 0.9756 (the same with the js and the wasm kernels).
    expect(tutorialAccuracy).toBeGreaterThan(0.95);
    expect(Math.abs(facadeAccuracy - tutorialAccuracy)).toBeLessThanOrEqual(0.01);
    expect(facadeAccuracy).toBeCloseTo(accuracy(split.yTest, model.predict(split.xTest)), 10);
  }, 300_000);
});
