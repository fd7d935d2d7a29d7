/**
 * The Keras script people write from memory, as written, on full MNIST (the tutorial's Keras run:
 * 784-256-128-10 sigmoid, SGD 0.01, batch 128). EPOCHS=100 reproduces it (≈ 92 % test accuracy);
 * the default is 10 so the example finishes in well under a minute. BACKEND=tfjs runs it on TensorFlow.js.
 */
import { loadMnist, type ImageSet, labelsToOneHot, imagesToFloat32 } from '@backprop/datasets';
import { Dense, SGD, Sequential } from '@backprop/layers';

const epochs = Number(process.env.EPOCHS ?? 10);
const backend = process.env.BACKEND ?? 'scratch';
if (backend === 'tfjs') require('@backprop/tfjs-adapter');

async function run() {
  const mnist = loadMnist();
  // Whole-set float conversion is fine for a script (188 MB); the MNIST app streams batches from bytes instead.
  const asData = (set: ImageSet) => [imagesToFloat32(set), labelsToOneHot(set)] as const;
  const [trainX, trainY] = asData(mnist.train);
  const [testX, testY] = asData(mnist.test);

  const model = new Sequential();
  model.add(Dense(256, { inputShape: [784], activation: 'sigmoid' }));
  model.add(Dense(128, { activation: 'sigmoid' }));
  model.add(Dense(10, { activation: 'softmax' }));
  model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01), metrics: ['accuracy'], backend });
  model.summary();
  const H = await model.fit(trainX, trainY, { validationData: [testX, testY], epochs, batchSize: 128 });
  const probs = model.predict(testX, { batchSize: 128 });
  const [loss, acc] = await model.evaluate(testX, testY);
  console.log(`history keys: ${Object.keys(H.history).join(', ')}`);
  console.log(`predictions: ${probs.rows}×${probs.cols}; test loss ${loss.toFixed(4)}, test accuracy ${(acc * 100).toFixed(2)} %`);
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
