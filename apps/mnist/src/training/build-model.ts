import { Adam, Dense, Dropout, RMSprop, SGD, Sequential } from '@backprop/layers';
import type { TrainingSettings } from '../cli-options';

/** The preset's optimizer with the run's learning rate. */
export function optimizerFor(settings: TrainingSettings) {
  if (settings.optimizer === 'adam') return Adam(settings.learningRate);
  // Keras's RMSprop() defaults otherwise (rho 0.9, epsilon 1e-7), as mnist_mlp.py uses it.
  if (settings.optimizer === 'rmsprop') return RMSprop(settings.learningRate);
  return SGD({ learningRate: settings.learningRate, momentum: settings.momentum });
}

/**
 * The Keras model of a run, the same for every engine: `Dense(256, inputShape [784])`, `Dense(128)`,
 * `Dense(10, softmax)` with the preset's hidden activation (and a `Dropout` after each hidden layer
 * when the preset has one), categorical cross-entropy, and the preset's optimizer. The seed fixes the initial weights, so both engines start from the same numbers.
 */
export function buildModel(settings: TrainingSettings, backend: string): Sequential {
  const model = new Sequential({ seed: settings.seed });
  const [inputs, ...units] = settings.layers;
  units.forEach((n, i) => {
    const last = i === units.length - 1;
    model.add(Dense(n, { ...(i === 0 ? { inputShape: [inputs] } : {}), activation: last ? settings.outputActivation : settings.activation }));
    if (!last && settings.dropout > 0) model.add(Dropout(settings.dropout));
  });
  model.compile({ loss: 'categorical_crossentropy', optimizer: optimizerFor(settings), metrics: ['accuracy'], backend });
  return model;
}
