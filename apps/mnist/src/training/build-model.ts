import { Adam, Conv2D, Dense, Dropout, Flatten, MaxPooling2D, SGD, Sequential } from '@backprop/layers';
import type { TrainingSettings } from '../cli-options';

/** The preset's optimizer with the run's learning rate. */
export function optimizerFor(settings: TrainingSettings) {
  return settings.optimizer === 'adam' ? Adam(settings.learningRate) : SGD({ learningRate: settings.learningRate, momentum: settings.momentum });
}

/**
 * The Keras model of a run, the same for every engine: `Dense(256, inputShape [784])`, `Dense(128)`,
 * `Dense(10, softmax)` with the preset's hidden activation (or the convnet of the `cnn` preset),
 * categorical cross-entropy, and the preset's optimizer. The seed fixes the initial weights, so both engines start from the same numbers.
 */
export function buildModel(settings: TrainingSettings, backend: string): Sequential {
  const model = new Sequential({ seed: settings.seed });
  if (settings.architecture === 'convnet') {
    addConvnet(model, settings);
  } else {
    addDenseLayers(model, settings);
  }
  model.compile({ loss: 'categorical_crossentropy', optimizer: optimizerFor(settings), metrics: ['accuracy'], backend });
  return model;
}

/** The MNIST images as the convnet sees them: [height, width, channels]. The flat 784 pixels of a batch row are this image row-major. */
export const MNIST_IMAGE_SHAPE = [28, 28, 1] as const;

/** Keras's mnist_convnet (keras.io/examples/vision/mnist_convnet), with the preset's hidden activation. */
function addConvnet(model: Sequential, settings: TrainingSettings): void {
  const { activation } = settings;
  model.add(Conv2D(32, 3, { activation, inputShape: [...MNIST_IMAGE_SHAPE] }));
  model.add(MaxPooling2D({ poolSize: 2 }));
  model.add(Conv2D(64, 3, { activation }));
  model.add(MaxPooling2D({ poolSize: 2 }));
  model.add(Flatten());
  model.add(Dropout(0.5));
  model.add(Dense(settings.layers[settings.layers.length - 1], { activation: settings.outputActivation }));
}

function addDenseLayers(model: Sequential, settings: TrainingSettings): void {
  const [inputs, ...units] = settings.layers;
  units.forEach((n, i) => {
    const last = i === units.length - 1;
    model.add(Dense(n, { ...(i === 0 ? { inputShape: [inputs] } : {}), activation: last ? settings.outputActivation : settings.activation }));
  });
}
