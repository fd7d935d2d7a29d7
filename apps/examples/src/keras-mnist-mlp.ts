/**
 * Keras's own `mnist_mlp` example (keras-team/keras, examples/mnist_mlp.py, Keras 2.x: "Gets to 98.40% test
 * accuracy after 20 epochs"), ported line by line: each block below names the Keras lines it replaces.
 * The same set-up is the `mnist_mlp` preset of apps/mnist (`pnpm mnist train --preset mnist_mlp`).
 *   pnpm --filter @backprop/examples example:keras-mnist-mlp            (20 epochs on the scratch engine)
 *   EPOCHS=2 BACKEND=tfjs pnpm --filter @backprop/examples example:keras-mnist-mlp
 */
import { imagesToFloat32, labelsToOneHot, loadMnist } from '@backprop/datasets';
// from keras.models import Sequential / from keras.layers import Dense, Dropout / from keras.optimizers import RMSprop
import { Dense, Dropout, RMSprop, Sequential } from '@backprop/layers';

// batch_size = 128; num_classes = 10; epochs = 20
const batchSize = 128;
const numClasses = 10;
const epochs = Number(process.env.EPOCHS ?? 20);
// Not in the Keras script: which engine runs it (Keras picks its backend from KERAS_BACKEND).
const backend = process.env.BACKEND ?? 'scratch';
if (backend === 'tfjs') require('@backprop/tfjs-adapter');

async function run() {
  // (x_train, y_train), (x_test, y_test) = mnist.load_data()
  const mnist = loadMnist();
  // x_train = x_train.reshape(60000, 784); x_train = x_train.astype('float32'); x_train /= 255 (and the same for x_test)
  const xTrain = imagesToFloat32(mnist.train);
  const xTest = imagesToFloat32(mnist.test);
  // print(x_train.shape[0], 'train samples'); print(x_test.shape[0], 'test samples')
  console.log(xTrain.shape[0], 'train samples');
  console.log(xTest.shape[0], 'test samples');

  // y_train = keras.utils.to_categorical(y_train, num_classes) (and y_test)
  const yTrain = labelsToOneHot(mnist.train);
  const yTest = labelsToOneHot(mnist.test);
  if (yTrain.shape[1] !== numClasses) throw new Error(`expected ${numClasses} classes, got ${yTrain.shape[1]}`);

  // model = Sequential(); model.add(Dense(512, activation='relu', input_shape=(784,))); model.add(Dropout(0.2)); …
  const model = new Sequential();
  model.add(Dense(512, { activation: 'relu', inputShape: [784] }));
  model.add(Dropout(0.2));
  model.add(Dense(512, { activation: 'relu' }));
  model.add(Dropout(0.2));
  model.add(Dense(numClasses, { activation: 'softmax' }));

  // model.summary()
  model.summary();

  // model.compile(loss='categorical_crossentropy', optimizer=RMSprop(), metrics=['accuracy'])
  // RMSprop() is Keras's defaults: learning rate 0.001, rho 0.9, epsilon 1e-7 (Keras ≥ 2.3).
  model.compile({ loss: 'categorical_crossentropy', optimizer: RMSprop(), metrics: ['accuracy'], backend });

  // history = model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, verbose=1, validation_data=(x_test, y_test))
  const history = await model.fit(xTrain, yTrain, { batchSize, epochs, verbose: 1, validationData: [xTest, yTest] });

  // score = model.evaluate(x_test, y_test, verbose=0)
  const score = await model.evaluate(xTest, yTest, { verbose: 0 });
  // print('Test loss:', score[0]); print('Test accuracy:', score[1])
  console.log('Test loss:', score[0]);
  console.log('Test accuracy:', score[1]);
  return history;
}

run().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
