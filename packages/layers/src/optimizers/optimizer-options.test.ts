import { ArgumentError, NotSupportedError, UnknownOptionError } from '@backprop/core';
import { Adam } from './adam';
import { RMSprop } from './rmsprop';
import { SGD } from './sgd';

// `SGD({ lr: 0.5 })` used to train at the default 0.01 (issue 9, item 10).
describe('optimizer factory options', () => {
  it('an unknown key names the option meant', () => {
    expect(() => SGD({ lr: 0.5 } as never)).toThrow(UnknownOptionError);
    expect(() => SGD({ lr: 0.5 } as never)).toThrow('Unknown option "lr" in SGD options; did you mean "learningRate"? Expected one of: learningRate, weightDecay, clipnorm, clipvalue, globalClipnorm, momentum, nesterov');
    expect(() => SGD({ useNesterov: true } as never)).toThrow('did you mean "nesterov"?');
    expect(() => Adam({ beta_1: 0.8 } as never)).toThrow('Unknown option "beta_1" in Adam options; did you mean "beta1"?');
    expect(() => RMSprop({ decay: 0.9 } as never)).toThrow('Unknown option "decay" in RMSprop options');
  });

  it('cannot change the rule through `name`, nor take another rule’s hyper-parameter', () => {
    expect(() => SGD({ name: 'adam' } as never)).toThrow('Unknown option "name" in SGD options');
    expect(() => SGD({ beta1: 0.9 } as never)).toThrow('Unknown option "beta1" in SGD options');
  });

  it('Keras options not implemented throw NotSupportedError', () => {
    expect(() => Adam({ amsgrad: true } as never)).toThrow(NotSupportedError);
    expect(() => RMSprop({ centered: true } as never)).toThrow('centered in RMSprop options is not supported yet');
    expect(() => SGD({ useEma: true } as never)).toThrow(NotSupportedError);
  });

  it('wrong kinds of value are named as given', () => {
    expect(() => SGD('0.1' as never)).toThrow(ArgumentError);
    expect(() => SGD('0.1' as never)).toThrow('SGD expects a learning rate or { learningRate, weightDecay, clipnorm, clipvalue, globalClipnorm, momentum, nesterov }, got "0.1"');
    expect(() => SGD({ nesterov: 'true' } as never)).toThrow('nesterov must be true or false, got "true"');
    expect(() => Adam({ learningRate: Number.NaN })).toThrow('adam learningRate must be a positive finite number, got NaN');
  });
});
