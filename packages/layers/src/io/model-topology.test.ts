import { ModelFormatError } from '@backprop/core';
import { ActivationLayer } from '../layers/activation';
import type { DenseLayer } from '../layers/dense';
import { coreInitializer, kerasInitializer } from './keras-names';
import { Sequential } from '../model/sequential';
import { parseTopology } from './model-topology';

describe('parseTopology', () => {
  it('reads Keras converter output: model_config wrapper, a leading InputLayer, Keras initializer names', () => {
    const topology = {
      keras_version: '2.12.0',
      backend: 'tensorflow',
      model_config: {
        class_name: 'Sequential',
        config: {
          name: 'mnist_mlp',
          layers: [
            { class_name: 'InputLayer', config: { batch_input_shape: [null, 784], dtype: 'float32', name: 'input_1' } },
            { class_name: 'Dense', config: { name: 'hidden', units: 32, activation: 'relu', kernel_initializer: { class_name: 'HeNormal', config: { seed: null } } } },
            { class_name: 'Dense', config: { name: 'out', units: 10, activation: 'softmax', use_bias: false } },
          ],
        },
      },
    };
    const { name, layers } = parseTopology(topology, 'model.json');
    expect(name).toBe('mnist_mlp');
    const [hidden, out] = layers as DenseLayer[];
    expect(hidden.inputShape).toEqual([784]);
    expect(hidden.kernelInitializer).toBe('heNormal');
    expect(out.useBias).toBe(false);
    expect(out.activation.name).toBe('softmax');
  });

  it('reads Keras 2.2’s bare layer list and Keras 3’s batch_shape', () => {
    const { layers } = parseTopology({ class_name: 'Sequential', config: [{ class_name: 'Dense', config: { units: 2, batch_shape: [null, 3] } }] }, 'm.json');
    expect(layers[0].inputShape).toEqual([3]);
  });

  it('reads LeakyReLU (Keras 2 / tfjs alpha, Keras 3 negative_slope) and ELU layers as activations', () => {
    const dense = (name: string) => ({ class_name: 'Dense', config: { name, units: 2, activation: 'linear' } });
    const topology = {
      class_name: 'Sequential',
      config: {
        layers: [
          { class_name: 'InputLayer', config: { batch_shape: [null, 3], name: 'input' } },
          dense('a'),
          { class_name: 'LeakyReLU', config: { name: 'k2', alpha: 0.1 } },
          dense('b'),
          { class_name: 'LeakyReLU', config: { name: 'k3', negative_slope: 0.2 } },
          dense('c'),
          { class_name: 'LeakyReLU', config: { name: 'default' } },
          dense('d'),
          { class_name: 'ELU', config: { name: 'elu', alpha: 0.7 } },
        ],
      },
    };
    const { layers } = parseTopology(topology, 'm.json');
    const activations = layers.filter((l): l is ActivationLayer => l instanceof ActivationLayer);
    expect(activations.map((l) => [l.name, l.activation])).toEqual([
      ['k2', { name: 'leakyRelu', alpha: 0.1 }],
      ['k3', { name: 'leakyRelu', alpha: 0.2 }],
      ['default', { name: 'leakyRelu', alpha: 0.3 }],
      ['elu', { name: 'elu', alpha: 0.7 }],
    ]);
    const bad = { class_name: 'Sequential', config: { layers: [{ ...dense('a'), config: { ...dense('a').config, batch_input_shape: [null, 3] } }, { class_name: 'ELU', config: { name: 'e', alpha: 'x' } }] } };
    expect(() => parseTopology(bad, 'm.json')).toThrow(new ModelFormatError('m.json: layer 1 (ELU "e"): ELU alpha must be a finite number, got "x"'));
  });

  it('rejects what it cannot build, naming the file and layer', () => {
    expect(() => parseTopology(null, 'm.json')).toThrow(ModelFormatError);
    expect(() => parseTopology({ class_name: 'Sequential', config: { layers: [] } }, 'm.json')).toThrow(/non-empty list of layers/);
    const empty = { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 28, 0] } }] } };
    expect(() => parseTopology(empty, 'm.json')).toThrow('m.json: layer 0 (Dense "d"): expected an input shape of positive dimensions such as [null, 784] or [null, 28, 28], got [null,28,0]');
    // Images parse (a Flatten may come first); a Dense taking them directly fails when the model is built.
    const images = { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 28, 28] } }] } };
    expect(() => new Sequential(parseTopology(images, 'm.json')).countParams()).toThrow(/Dense "d" expects a flat input \(put a Flatten layer first/);
    const badUnits = { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: -1 } }] } };
    expect(() => parseTopology(badUnits, 'm.json')).toThrow('m.json: layer 0 (Dense "d"): Dense "d" units must be a positive integer, got -1');
    // A string "false" would read as true: anything but a boolean is refused, not guessed.
    const textBias = { class_name: 'Sequential', config: { layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, use_bias: 'false', batch_input_shape: [null, 3] } }] } };
    expect(() => parseTopology(textBias, 'm.json')).toThrow('m.json: layer 0 (Dense "d"): use_bias must be true or false, got "false"');
  });
});

describe('initializer names', () => {
  it('round-trip through the Keras config', () => {
    for (const name of ['glorotUniform', 'glorotNormal', 'heNormal', 'heUniform', 'lecunNormal', 'zeros', 'ones'] as const) {
      expect(coreInitializer(kerasInitializer(name), 'zeros')).toBe(name);
    }
    // tfjs writes its defaults as VarianceScaling configs.
    expect(coreInitializer({ class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform' } }, 'zeros')).toBe('glorotUniform');
    expect(coreInitializer({ class_name: 'VarianceScaling', config: { scale: 1, mode: 'fanAvg', distribution: 'normal' } }, 'zeros')).toBe('glorotNormal');
    expect(coreInitializer({ class_name: 'Orthogonal', config: {} }, 'glorotUniform')).toBe('glorotUniform');
  });
});
