import { ModelFormatError } from '@backprop/core';
import { fixtureBytes, fixturePredictions, maxAbsDifference } from './keras-fixtures';
import { modelFromKerasBytes } from './model-from-keras';

// Fixtures made by tools/keras-fixtures/make_fixtures.py with Keras 3 (JAX backend), trained briefly.
describe.each(['keras', 'h5'])('Keras fixtures saved as .%s', (extension) => {
  it('MLP with Dropout predicts as Keras did (to 1e-5)', async () => {
    const expected = fixturePredictions('mlp');
    const model = await modelFromKerasBytes(fixtureBytes(`mlp.${extension}`), `mlp.${extension}`);
    expect(model.name).toBe('mlp');
    expect(model.layers.map((l) => `${l.className}:${l.name}`)).toEqual(['Dense:hidden', 'Dropout:dropout', 'Dense:dense', 'Dense:dense_1']);
    const predicted = model.predict(expected.inputs).toArray();
    expect(maxAbsDifference(predicted, expected.predictions)).toBeLessThan(1e-5);
  });

  const IMAGE_AND_BN = [
    { name: 'cnn', title: 'CNN (Conv2D, MaxPooling2D, ZeroPadding2D, AveragePooling2D, Flatten, Dense)' },
    { name: 'cnn_gap', title: 'CNN with GlobalAveragePooling2D' },
    { name: 'batchnorm', title: 'Flatten + Dense + BatchNormalization (moving statistics from training)' },
  ];
  for (const { name, title } of IMAGE_AND_BN) {
    it(`${title} predicts as Keras did (to 1e-5)`, async () => {
      const expected = fixturePredictions(name);
      const model = await modelFromKerasBytes(fixtureBytes(`${name}.${extension}`), `${name}.${extension}`);
      const predicted = model.predict(expected.inputs).toArray();
      expect(predicted).toHaveLength(expected.predictions.length);
      expect(maxAbsDifference(predicted, expected.predictions)).toBeLessThan(1e-5);
    });
  }
});

describe('a legacy .h5 in tf.keras 2 layout (kernel:0 names, batch_input_shape; made by make_fixtures.py with h5py)', () => {
  it('predicts as the Keras model it was written from (to 1e-5)', async () => {
    const expected = fixturePredictions('mlp');
    const model = await modelFromKerasBytes(fixtureBytes('mlp_tf_keras2.h5'), 'mlp_tf_keras2.h5');
    expect(model.layers.map((l) => `${l.className}:${l.name}`)).toEqual(['Dense:hidden', 'Dropout:dropout', 'Dense:dense', 'Dense:dense_1']);
    expect(maxAbsDifference(model.predict(expected.inputs).toArray(), expected.predictions)).toBeLessThan(1e-5);
  });
});

describe('modelFromKerasBytes refuses what is not a Keras model', () => {
  it('names the source for bytes of neither format', async () => {
    await expect(modelFromKerasBytes(new TextEncoder().encode('{"format":"layers-model"}'), 'm.json')).rejects.toThrow(ModelFormatError);
  });
});
