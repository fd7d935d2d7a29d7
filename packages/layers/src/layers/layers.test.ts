import { ArgumentError, UnknownNameError } from '@backprop/core';
import { Activation, ActivationLayer } from './activation';
import { Dense } from './dense';
import { Dropout, DropoutLayer } from './dropout';
import { clearSession, uniqueName } from './layer-names';

describe('layers', () => {
  beforeEach(() => clearSession());

  it('Dense defaults follow Keras: linear, bias, glorotUniform kernel, zeros bias', () => {
    const d = Dense(4);
    expect([d.name, d.className, d.units, d.activation, d.useBias, d.kernelInitializer, d.biasInitializer, d.inputShape]).toEqual([
      'dense',
      'Dense',
      4,
      { name: 'linear', alpha: 0 },
      true,
      'glorotUniform',
      'zeros',
      null,
    ]);
    expect(d.countParams([3])).toBe(16);
    expect(Dense(4, { useBias: false }).countParams([3])).toBe(12);
    expect(Dense(2, { activation: { name: 'leakyRelu', alpha: 0.1 }, kernelInitializer: 'he_normal' }).activation).toEqual({ name: 'leakyRelu', alpha: 0.1 });
  });

  it('Activation and Dropout: factories, new, tfjs-style args; no parameters; width unchanged', () => {
    for (const a of [Activation('relu'), new Activation('relu'), Activation({ activation: 'relu' })]) {
      expect(a).toBeInstanceOf(ActivationLayer);
      expect(a).toBeInstanceOf(Activation);
      expect(a.activation.name).toBe('relu');
      expect(a.countParams([5])).toBe(0);
      expect(a.outputShape([5])).toEqual([5]);
    }
    for (const d of [Dropout(0.2), new Dropout(0.2), Dropout({ rate: 0.2 })]) {
      expect(d).toBeInstanceOf(DropoutLayer);
      expect(d).toBeInstanceOf(Dropout);
      expect(d.rate).toBe(0.2);
    }
    expect(() => Activation('gelu' as never)).toThrow(UnknownNameError);
    expect(() => Dropout(-0.1)).toThrow(ArgumentError);
  });

  it('names count per type for the whole process, explicit names do not advance the counter', () => {
    expect([Dense(1).name, Dense(1, { name: 'mine' }).name, Dense(1).name, Activation('relu').name, Dropout(0.1).name, Dropout(0.1).name]).toEqual([
      'dense',
      'mine',
      'dense_1',
      'activation',
      'dropout',
      'dropout_1',
    ]);
    expect(uniqueName('dense')).toBe('dense_2');
    expect(() => Dense(1, { name: 'a/b' })).toThrow(ArgumentError);
  });
});
