import { ArgumentError, NotSupportedError, UnknownOptionError } from '@backprop/core';
import { Activation } from './activation';
import { Dense } from './dense';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import { InputLayer } from './input-layer';
import { Reshape } from './reshape';
import { clearSession } from './layer-names';

// Every layer argument is either used or refused (issue 9, item 10); values are named as given (item 11).

describe('layer arguments', () => {
  beforeEach(() => clearSession());

  it('an unknown key names the closest valid one, in both call forms', () => {
    expect(() => Dense(4, { activaton: 'relu' } as never)).toThrow(UnknownOptionError);
    expect(() => Dense(4, { activaton: 'relu' } as never)).toThrow('Unknown option "activaton" in Dense options; did you mean "activation"?');
    expect(() => Dense({ units: 4, use_bias: false } as never)).toThrow('Unknown option "use_bias" in Dense arguments; did you mean "useBias"?');
    expect(() => Dense({ unit: 4 } as never)).toThrow('did you mean "units"?');
    expect(() => Dropout(0.5, { rat: 0.2 } as never)).toThrow('Unknown option "rat" in Dropout options');
    expect(() => Activation('relu', { alpha: 0.1 } as never)).toThrow('Unknown option "alpha" in Activation options');
    expect(() => Activation({ activation: 'relu', input_shape: [3] } as never)).toThrow('did you mean "inputShape"?');
  });

  it('the positional value cannot be repeated in the options, nor options follow the object form', () => {
    expect(() => Dense(4, { units: 8 } as never)).toThrow('Unknown option "units" in Dense options');
    expect(() => Dense({ units: 4 } as never, { activation: 'relu' } as never)).toThrow(ArgumentError);
    expect(() => Dropout({ rate: 0.1 } as never, { name: 'd' } as never)).toThrow('Dropout takes (rate, options) or ({ rate, … })');
  });

  it.each([
    ['trainable', false],
    ['dtype', 'float16'],
  ])('Dense %s is refused as not supported yet', (key, value) => {
    expect(() => Dense(4, { [key]: value } as never)).toThrow(NotSupportedError);
    expect(() => Dense(4, { [key]: value } as never)).toThrow(`${key} in Dense options is not supported yet`);
  });

  it('Dropout noiseShape and seed are refused as not supported yet', () => {
    expect(() => Dropout(0.5, { seed: 1 } as never)).toThrow(NotSupportedError);
    expect(() => Dropout({ rate: 0.5, noiseShape: [1] } as never)).toThrow('noiseShape in Dropout arguments is not supported yet');
  });

  it('values are named as given: NaN, quoted strings, non-boolean useBias', () => {
    expect(() => Dense(Number.NaN)).toThrow('Dense "dense" units must be a positive integer, got NaN');
    expect(() => Dense('32' as never)).toThrow('units must be a positive integer, got "32"');
    expect(() => Dense(4, { useBias: 'false' } as never)).toThrow('useBias must be true or false, got "false"');
    expect(() => Dropout('0.5' as never)).toThrow('rate must be a number in [0, 1), got "0.5"');
    expect(() => Dense(4, { inputShape: [Number.NaN] })).toThrow('inputShape must be a list of positive integers, e.g. [784], got [NaN]');
    expect(() => Dense(4, { inputShape: '784' } as never)).toThrow('got "784"');
    expect(() => Dense(4, { kernelInitializer: 42 } as never)).toThrow("initializer must be a name such as 'glorotUniform', got 42");
    expect(() => Dense(4, { name: 42 } as never)).toThrow('layer name must be a non-empty string without "/", got 42');
  });

  it('valid arguments still build the layer they describe', () => {
    const d = Dense({ units: 3, activation: 'relu', useBias: false, name: 'hidden', inputShape: [5] });
    expect([d.units, d.activation.name, d.useBias, d.name, d.inputShape]).toEqual([3, 'relu', false, 'hidden', [5]]);
    expect(Activation({ name: 'leakyRelu', alpha: 0.1 }).activation).toEqual({ name: 'leakyRelu', alpha: 0.1 });
  });
});

describe('Flatten, Reshape and InputLayer arguments', () => {
  it('refuse unknown keys, naming the closest valid one', () => {
    expect(() => Flatten({ input_shape: [28, 28] } as never)).toThrow(UnknownOptionError);
    expect(() => Flatten({ input_shape: [28, 28] } as never)).toThrow('Unknown option "input_shape" in Flatten arguments; did you mean "inputShape"?');
    expect(() => Reshape({ targetShap: [7, 112] } as never)).toThrow('Unknown option "targetShap" in Reshape arguments; did you mean "targetShape"?');
    expect(() => InputLayer({ inputShape: [784], shape: [784] } as never)).toThrow(UnknownOptionError);
  });

  it('refuse Keras options not implemented yet instead of ignoring them', () => {
    expect(() => Flatten({ dataFormat: 'channels_first' } as never)).toThrow(NotSupportedError);
    expect(() => InputLayer({ inputShape: [784], sparse: true } as never)).toThrow('sparse in InputLayer arguments is not supported yet');
    expect(() => Reshape({ targetShape: [784], batchInputShape: [32, 28, 28] })).toThrow(NotSupportedError);
  });

  it('refuse a non-object and still build from valid arguments', () => {
    expect(() => Flatten(42 as never)).toThrow('Flatten arguments must be an object, got 42');
    expect(() => InputLayer(undefined as never)).toThrow('InputLayer needs an inputShape');
    expect(Flatten({ inputShape: [28, 28] }).outputShape([28, 28])).toEqual([784]);
    expect(Reshape({ targetShape: [7, -1] }).outputShape([784])).toEqual([7, 112]);
    expect(InputLayer({ inputShape: [784], name: 'pixels' }).name).toBe('pixels');
  });
});
