import { UnknownNameError } from '@backprop/core';

/**
 * Named training set-ups, as data. Explicit command-line flags override a preset's values
 * (`--preset pyimagesearch --epochs 5`); layers, activations and the data split come only from here.
 */

export type PresetName = 'quick' | 'pyimagesearch' | 'modern' | 'mnist_mlp' | 'cnn';

/** How the 70,000 MNIST images are divided into training and test data. */
export type DataSplit =
  /** The distributed split: 60,000 training images, 10,000 test images. */
  | { readonly kind: 'mnist' }
  /** All 70,000 images pooled, shuffled with the seed, and `testFraction` of them held out. */
  | { readonly kind: 'pooled'; readonly testFraction: number };

export interface TrainingPreset {
  readonly name: PresetName;
  /** One line for `--help` and the report. */
  readonly description: string;
  /**
   * `mlp`: Dense layers of `layers` units; `convnet`: Keras's mnist_convnet on [28, 28, 1] images (see
   * build-model.ts), whose `layers` give only the input and output widths.
   */
  readonly architecture: 'mlp' | 'convnet';
  /** Units per layer, input first: `[784, 256, 128, 10]`. */
  readonly layers: readonly number[];
  /** Activation of the hidden layers. */
  readonly activation: 'sigmoid' | 'relu';
  /** Rate of the `Dropout` layer after each hidden layer; 0 = no dropout layers. */
  readonly dropout: number;
  readonly outputActivation: 'softmax';
  readonly loss: 'categoricalCrossentropy';
  /** RMSprop takes its ρ and ε from Keras's defaults (0.9, 1e-7). */
  readonly optimizer: 'sgd' | 'adam' | 'rmsprop';
  readonly learningRate: number;
  /** SGD momentum; 0 for plain SGD and for Adam. */
  readonly momentum: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly split: DataSplit;
}

/**
 * What the presets share unless they say otherwise: an MLP 784-256-128-10 with ReLU hidden layers and no
 * dropout, a softmax output under categorical cross-entropy, Adam at Keras's default rate (no momentum),
 * batch 128, 15 epochs, the standard split. Spread after each preset's name and description, so every
 * preset keeps the fields in the order of TrainingPreset; a preset states only what differs.
 */
const BASE: Omit<TrainingPreset, 'name' | 'description'> = {
  architecture: 'mlp',
  layers: [784, 256, 128, 10],
  activation: 'relu',
  dropout: 0,
  outputActivation: 'softmax',
  loss: 'categoricalCrossentropy',
  optimizer: 'adam',
  learningRate: 0.001,
  momentum: 0,
  batchSize: 128,
  epochs: 15,
  split: { kind: 'mnist' },
};

export const PRESETS: Readonly<Record<PresetName, TrainingPreset>> = {
  // The default: the modern network for 3 epochs, so that `pnpm mnist` compares both engines on full
  // MNIST in a few minutes on a 2-core machine (tfjs needs ~30–45 s per epoch there).
  quick: {
    name: 'quick',
    description: '784-256-128-10 ReLU + softmax, Adam 0.001, batch 128, 3 epochs, the standard 60,000/10,000 split',
    ...BASE,
    epochs: 3,
  },
  // Adrian Rosebrock, "Implementing feedforward neural networks with Keras and TensorFlow"
  // (PyImageSearch, 2021), keras_mnist.py: Dense 256 and 128 sigmoid, softmax output, SGD(0.01),
  // categorical cross-entropy, 100 epochs of batch 128, on all 70,000 digits split 75/25.
  pyimagesearch: {
    name: 'pyimagesearch',
    description: 'the PyImageSearch Keras tutorial: 784-256-128-10 sigmoid, SGD 0.01, batch 128, 100 epochs, 75/25 split of all 70,000 digits',
    ...BASE,
    activation: 'sigmoid',
    optimizer: 'sgd',
    learningRate: 0.01,
    epochs: 100,
    split: { kind: 'pooled', testFraction: 0.25 },
  },
  // The same network with today's usual choices: ReLU hidden layers and Adam at Keras's default
  // rate, which reach ~98% test accuracy in a handful of epochs on the standard split.
  modern: {
    name: 'modern',
    description: '784-256-128-10 ReLU + softmax, Adam 0.001, batch 128, 15 epochs, the standard 60,000/10,000 split',
    ...BASE,
  },
  // Keras's own example, keras/examples/mnist_mlp.py (Keras 2.x; "98.40% test accuracy after 20 epochs"):
  // Dense(512, relu, input_shape=(784,)), Dropout(0.2), Dense(512, relu), Dropout(0.2), Dense(10, softmax),
  // categorical cross-entropy, RMSprop() (lr 0.001, rho 0.9, epsilon 1e-7), batch 128, 20 epochs, the
  // standard split with the test set as validation data. apps/examples/src/keras-mnist-mlp.ts is the same script.
  mnist_mlp: {
    name: 'mnist_mlp',
    description: "Keras's mnist_mlp example: 784-512-512-10 ReLU, Dropout 0.2, RMSprop 0.001, batch 128, 20 epochs, the standard split",
    ...BASE,
    layers: [784, 512, 512, 10],
    dropout: 0.2,
    optimizer: 'rmsprop',
    epochs: 20,
  },
  // François Chollet, "Simple MNIST convnet" (keras.io/examples/vision/mnist_convnet): Conv2D(32, 3, relu)
  // – MaxPooling2D(2) – Conv2D(64, 3, relu) – MaxPooling2D(2) – Flatten – Dropout(0.5) – Dense(10, softmax),
  // Adam (Keras's default 0.001), batch 128, 15 epochs; Keras reports about 99 % test accuracy.
  // Porting note: the example holds out 10 % of the training images for validation; here all 60,000 train.
  cnn: {
    name: 'cnn',
    description: "Keras's mnist_convnet: Conv2D 32 – MaxPool – Conv2D 64 – MaxPool – Dropout 0.5 – Dense 10 softmax on 28x28x1, Adam 0.001, batch 128, 15 epochs",
    ...BASE,
    architecture: 'convnet',
    layers: [784, 10],
  },
};

export const presetNames = Object.keys(PRESETS) as PresetName[];

/** The preset used when `--preset` is not given. */
export const DEFAULT_PRESET: PresetName = 'quick';

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** The preset called `name`; an unknown name throws `UnknownNameError` listing the valid ones. */
export function getPreset(name: string): TrainingPreset {
  if (!isPresetName(name)) throw new UnknownNameError('preset', name, presetNames);
  return PRESETS[name];
}
