import { UnknownNameError } from '@backprop/core';
import { DEFAULT_PRESET, getPreset, isPresetName, PRESETS, presetNames } from './presets';

describe('presets', () => {
  it('lists quick, pyimagesearch, modern and cnn, with quick (3 epochs) the default', () => {
    expect(presetNames).toEqual(['quick', 'pyimagesearch', 'modern', 'cnn']);
    expect(DEFAULT_PRESET).toBe('quick');
    expect(getPreset('quick')).toMatchObject({ activation: 'relu', optimizer: 'adam', epochs: 3, split: { kind: 'mnist' } });
    for (const name of presetNames) expect(PRESETS[name].name).toBe(name);
  });

  it('describes the PyImageSearch tutorial set-up', () => {
    expect(getPreset('pyimagesearch')).toMatchObject({
      layers: [784, 256, 128, 10],
      activation: 'sigmoid',
      optimizer: 'sgd',
      learningRate: 0.01,
      batchSize: 128,
      epochs: 100,
      split: { kind: 'pooled', testFraction: 0.25 },
    });
  });

  it('describes the modern set-up', () => {
    expect(getPreset('modern')).toMatchObject({
      layers: [784, 256, 128, 10],
      activation: 'relu',
      outputActivation: 'softmax',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 128,
      epochs: 15,
      split: { kind: 'mnist' },
    });
  });

  it("describes Keras's mnist_convnet as the cnn preset", () => {
    expect(getPreset('cnn')).toMatchObject({ architecture: 'convnet', activation: 'relu', optimizer: 'adam', learningRate: 0.001, batchSize: 128, epochs: 15, split: { kind: 'mnist' } });
    expect(getPreset('modern').architecture).toBe('mlp');
  });

  it('rejects unknown names, including inherited object keys', () => {
    expect(isPresetName('toString')).toBe(false);
    expect(() => getPreset('keras')).toThrow(UnknownNameError);
    expect(() => getPreset('keras')).toThrow('Unknown preset "keras"; expected one of: quick, pyimagesearch, modern');
  });
});
