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
});

describe('modelFromKerasBytes refuses what is not a Keras model', () => {
  it('names the source for bytes of neither format', async () => {
    await expect(modelFromKerasBytes(new TextEncoder().encode('{"format":"layers-model"}'), 'm.json')).rejects.toThrow(ModelFormatError);
  });
});
