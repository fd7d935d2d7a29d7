import { activationSpec } from '../activations/activation-registry';
import { ArgumentError, NotSupportedError, UnknownNameError, UnknownOptionError } from '../errors';
import { getLoss } from '../losses/loss-registry';
import { DenseNetwork } from './dense-network';
import { NeuralNetwork } from './neural-network';
import { Perceptron } from './perceptron';

// Nothing silently ignored in core: every misspelt option, wrong type or impossible label throws a
// typed error naming it, instead of training with a default.
const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

describe('core network options', () => {
  it('NeuralNetwork: an unknown option names the closest valid one', () => {
    expect(() => new NeuralNetwork([2, 2, 1], { lr: 0.5 } as never)).toThrow(
      'Unknown option "lr" in NeuralNetwork options; did you mean "alpha"? Expected one of: alpha, seed',
    );
    const nn = new NeuralNetwork([2, 2, 1], { seed: 1 });
    expect(() => new NeuralNetwork([2, 1], { learningRate: 0.5 } as never)).toThrow('did you mean "alpha"?');
    expect(() => nn.fit(X, [0, 1, 1, 0], { epoch: 5 } as never)).toThrow(UnknownOptionError);
    expect(() => nn.fit(X, [0, 1, 1, 0], { epoch: 5 } as never)).toThrow('did you mean "epochs"?');
    expect(() => nn.predict(X, { bias: false } as never)).toThrow('Unknown option "bias" in NeuralNetwork predict options');
    expect(() => nn.predict(X, { addBias: 'no' } as never)).toThrow('NeuralNetwork predict options: addBias must be true or false, got "no"');
    expect(() => nn.fit(X, [0, 1, 1, 0], { epochs: '5' } as never)).toThrow('NeuralNetwork epochs must be a non-negative integer, got "5"');
    expect(() => nn.fit(X, [0, 1, 1, 0], { epochs: 1, logger: 'console' } as never)).toThrow(/logger must be a function/);
  });

  it('NeuralNetwork and Perceptron quote a string alpha and seed', () => {
    expect(() => new NeuralNetwork([2, 1], { alpha: '0.1' } as never)).toThrow('NeuralNetwork alpha must be a positive finite number, got "0.1"');
    expect(() => new Perceptron(2, { seed: '7' } as never)).toThrow('Perceptron seed must be a finite number, got "7"');
    expect(() => new Perceptron(Number.NaN)).toThrow('Perceptron inputs must be a positive integer, got NaN');
  });

  it('Perceptron: unknown fit option, and labels outside {0, 1}', () => {
    const p = new Perceptron(2, { seed: 1 });
    expect(() => p.fit(X, [0, 0, 0, 1], { epoch: 20 } as never)).toThrow('did you mean "epochs"?');
    expect(() => p.fit(X, [0, 0, 0, 2])).toThrow(ArgumentError);
    expect(() => p.fit(X, [0, 0, 0, 2])).toThrow("Perceptron labels must be 0 or 1 (the step unit's outputs), got y[3] = 2");
    expect(() => p.fit(X, [0, -1, 0, 1])).toThrow('got y[1] = -1');
    // 0/1 labels still train: AND is linearly separable, so the perceptron learns it exactly.
    p.fit(X, [0, 0, 0, 1], { epochs: 50 });
    expect(p.predict(X)).toEqual([0, 0, 0, 1]);
  });

  it('DenseNetwork: unknown network and layer keys, Keras options not supported yet, non-boolean useBias', () => {
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 1 }], lossFunction: 'mse' } as never)).toThrow(
      'Unknown option "lossFunction" in DenseNetwork options',
    );
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 1, activaton: 'relu' }] } as never)).toThrow(
      'Unknown option "activaton" in DenseNetwork layers[0]; did you mean "activation"?',
    );
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 1, kernelRegularizer: 'l2' }] } as never)).toThrow(NotSupportedError);
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 1, useBias: 0 }] } as never)).toThrow(
      'DenseNetwork layers[0]: useBias must be true or false, got 0',
    );
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: Number.NaN }] })).toThrow('layer 0 units must be a positive integer, got NaN');
    expect(() => new DenseNetwork(undefined as never)).toThrow('DenseNetwork needs options { inputSize, layers }, got undefined');
    expect(() => new DenseNetwork({ inputSize: '2', layers: [{ units: 1 }] } as never)).toThrow('inputSize must be a positive integer, got "2"');
    expect(() => new DenseNetwork({ inputSize: 2, layers: [{ units: 1 }], dtype: 'float16' } as never)).toThrow(
      'DenseNetwork dtype must be "float32" or "float64", got "float16"',
    );
  });

  it('activation and loss specs: unknown keys, values that are not names, delta on a loss without one', () => {
    expect(() => activationSpec({ name: 'leakyRelu', slope: 0.1 } as never)).toThrow('Unknown option "slope" in activation spec');
    expect(() => activationSpec(42 as never)).toThrow("activation must be a name such as 'relu' or { name, alpha }, got 42");
    expect(() => activationSpec({ name: 'elu', alpha: '1' } as never)).toThrow('activation "elu" alpha must be a finite number, got "1"');
    expect(() => getLoss(42 as never)).toThrow("loss must be a name such as 'mse' or { name, delta }, got 42");
    expect(() => getLoss({ name: 'huber', delta: '2' } as never)).toThrow('huber delta must be a positive finite number, got "2"');
    expect(() => getLoss({ name: 'mse', delta: 2 })).toThrow('delta applies to huber only');
    expect(() => getLoss({ name: 'huber', dlta: 2 } as never)).toThrow('did you mean "delta"?');
    expect(() => getLoss('mean_squared_eror')).toThrow(UnknownNameError);
    expect(() => getLoss('mean_squared_eror')).toThrow('Unknown loss "mean_squared_eror"');
  });
});
