import { strFromU8, unzipSync } from 'fflate';
import { KerasNotSupportedError } from './keras-errors';
import { fixtureBytes } from './keras-fixtures';
import { kerasModelTopology } from './keras-model-config';

/** config.json of the batchnorm fixture (written by Keras 3), with its BatchNormalization's config edited. */
function batchnormConfig(edit: (bn: Record<string, unknown>) => void): unknown {
  const config = JSON.parse(strFromU8(unzipSync(fixtureBytes('batchnorm.keras'))['config.json'])) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  const bn = config.config.layers.find((layer) => layer.class_name === 'BatchNormalization');
  if (!bn) throw new Error('the batchnorm fixture has no BatchNormalization');
  edit(bn.config);
  return config;
}

describe("a Keras 3 BatchNormalization config (keras/src/layers/normalization/batch_normalization.py get_config)", () => {
  it('reads axis, momentum, epsilon, center and scale as Keras wrote them', () => {
    const topology = kerasModelTopology(batchnormConfig((bn) => Object.assign(bn, { momentum: 0.9, epsilon: 0.01, center: false })), 'batchnorm.keras');
    const bn = topology.layers.find((layer) => layer.className === 'BatchNormalization') as unknown as { momentum: number; epsilon: number; center: boolean; scale: boolean };
    expect([bn.momentum, bn.epsilon, bn.center, bn.scale]).toEqual([0.9, 0.01, false, true]);
  });

  it.each([
    ['synchronized', true, 'false'],
    ['renorm', true, 'false'],
    ['gamma_regularizer', { module: 'keras.regularizers', class_name: 'L2', config: { l2: 0.01 } }, 'null'],
    ['beta_constraint', { module: 'keras.constraints', class_name: 'NonNeg', config: {} }, 'null'],
  ])('refuses %s = %j, which would change the results, by name', (key, value, expected) => {
    const load = () => kerasModelTopology(batchnormConfig((bn) => Object.assign(bn, { [key]: value })), 'batchnorm.keras');
    expect(load).toThrow(KerasNotSupportedError);
    expect(load).toThrow(key);
    expect(load).toThrow(expected);
  });
});
