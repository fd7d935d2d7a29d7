import { Adam, Dense, SGD, Sequential } from '@backprop/layers';
import type { TrainingSettings } from '../cli-options';

/** The preset's optimizer with the run's learning rate. */
export function optimizerFor(settings: TrainingSettings) {
  return settings.optimizer === 'adam' ? Adam(settings.learningRate) : SGD({ learningRate: settings.learningRate, momentum: settings.momentum });
}

/**
 * The Keras model of a run, the same for every engine: `Dense(256, inputShape [784])`, `Dense(128)`,
 * `Dense(10, softmax)` with the preset's hidden activation, categorical cross-entropy, and the
 * preset's optimizer. The seed fixes the initial weights, so both engines start from the same numbers.
 */
export function buildModel(settings: TrainingSettings, backend: string): Sequential {
  const model = new Sequential({ seed: settings.seed });
  const [inputs, ...units] = settings.layers;
  units.forEach((n, i) => {
    const last = i === units.length - 1;
    model.add(Dense(n, { ...(i === 0 ? { inputShape: [inputs] } : {}), activation: last ? settings.outputActivation : settings.activation }));
  });
  model.compile({ loss: 'categorical_crossentropy', optimizer: optimizerFor(settings), metrics: ['accuracy'], backend });
  return model;
}
