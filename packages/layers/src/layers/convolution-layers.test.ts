import { ArgumentError, NotSupportedError, ShapeError, UnknownOptionError } from '@backprop/core';
import { Sequential } from '../model/sequential';
import { Conv2D, Conv2DLayer } from './conv2d';
import { Dense } from './dense';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import { clearSession } from './layer-names';
import { AveragePooling2D, MaxPooling2D, MaxPooling2DLayer } from './pooling-2d';
import { GlobalAveragePooling2D, ZeroPadding2D } from './spatial-layers';

describe('image layers of the facade', () => {
  beforeEach(() => clearSession());

  it("Keras's and tfjs's call forms give the same layer, as a factory or with new", () => {
    const keras = Conv2D(32, 3, { activation: 'relu', padding: 'same', kernelInitializer: 'he_normal' });
    const tfjs = new Conv2D({ filters: 32, kernelSize: [3, 3], activation: 'relu', padding: 'same', kernelInitializer: 'heNormal', strides: 1 });
    expect(keras).toBeInstanceOf(Conv2DLayer);
    expect(tfjs).toBeInstanceOf(Conv2D);
    expect({ ...keras.toConfig().config, name: '' }).toEqual({ ...tfjs.toConfig().config, name: '' });
    expect([keras.name, tfjs.name]).toEqual(['conv2d', 'conv2d_1']);
    expect(keras.toConfig()).toEqual({
      className: 'Conv2D',
      config: {
        name: 'conv2d',
        filters: 32,
        kernelSize: [3, 3],
        strides: [1, 1],
        padding: 'same',
        dilationRate: [1, 1],
        activation: { name: 'relu', alpha: 0 },
        useBias: true,
        kernelInitializer: 'heNormal',
        biasInitializer: 'zeros',
      },
    });
    expect(MaxPooling2D()).toBeInstanceOf(MaxPooling2DLayer);
    expect(MaxPooling2D({ poolSize: 3 }).strides).toEqual([3, 3]);
    expect(new AveragePooling2D({ poolSize: [2, 3], strides: null }).strides).toEqual([2, 3]);
    expect(ZeroPadding2D({ padding: [1, 2] }).padding).toEqual([[1, 1], [2, 2]]);
  });

  it("summary of Keras's mnist_convnet: the output shapes and parameter counts Keras prints", () => {
    // keras.io/examples/vision/mnist_convnet, model.summary(): 320, 18,496, 16,010 parameters; 34,826 in all.
    const model = new Sequential([
      Conv2D(32, 3, { activation: 'relu', inputShape: [28, 28, 1] }),
      MaxPooling2D({ poolSize: 2 }),
      Conv2D(64, 3, { activation: 'relu' }),
      MaxPooling2D({ poolSize: 2 }),
      Flatten(),
      Dropout(0.5),
      Dense(10, { activation: 'softmax' }),
    ]);
    const lines: string[] = [];
    model.summary((line) => lines.push(line));
    // Names longer than their column are cut, as Keras 2's print_summary cuts them ("max_pooling2d_1 (MaxPooling2").
    const rows = lines.flatMap((l) => {
      const match = /^(\S+) .*?(\(None[^)]*\))\s+(\d+)/.exec(l);
      return match ? [[match[1], match[2], match[3]]] : [];
    });
    expect(rows).toEqual([
      ['conv2d', '(None, 26, 26, 32)', '320'],
      ['max_pooling2d', '(None, 13, 13, 32)', '0'],
      ['conv2d_1', '(None, 11, 11, 64)', '18496'],
      ['max_pooling2d_1', '(None, 5, 5, 64)', '0'],
      ['flatten', '(None, 1600)', '0'],
      ['dropout', '(None, 1600)', '0'],
      ['dense', '(None, 10)', '16010'],
    ]);
    expect(lines).toContain('Total params: 34,826');
    expect(model.countParams()).toBe(34826);
  });

  it('same padding, strides, dilation, zero padding and global pooling shapes', () => {
    expect(Conv2D(4, 3, { padding: 'same', strides: 2 }).outputShape([7, 7, 3])).toEqual([4, 4, 4]);
    expect(Conv2D(4, 3, { dilationRate: 2 }).outputShape([7, 7, 3])).toEqual([3, 3, 4]);
    expect(MaxPooling2D({ padding: 'same' }).outputShape([5, 5, 2])).toEqual([3, 3, 2]);
    expect(ZeroPadding2D({ padding: [[1, 0], [0, 2]] }).outputShape([3, 3, 2])).toEqual([4, 5, 2]);
    expect(GlobalAveragePooling2D().outputShape([5, 4, 6])).toEqual([6]);
  });

  it('bad arguments and shapes are typed errors naming the layer', () => {
    expect(() => Conv2D(8, 3, { activaton: 'relu' } as never)).toThrow(UnknownOptionError);
    expect(() => Conv2D({ filters: 8, kernel_size: 3 } as never)).toThrow('did you mean "kernelSize"?');
    expect(() => Conv2D(8, 3, { kernelRegularizer: 'l2' } as never)).toThrow(NotSupportedError);
    expect(() => Conv2D(8, 3, { strides: 1.5, name: 'c' })).toThrow(new ArgumentError('Conv2D "c" strides must be a positive integer or a list of two, e.g. 3 or [3, 3], got 1.5'));
    expect(() => Conv2D(8, 3, { dataFormat: 'channelsFirst' })).toThrow(NotSupportedError);
    expect(() => Conv2D(8, 3, { useBias: 'false' as never, name: 'c' })).toThrow(new ArgumentError('Conv2D "c" arguments: useBias must be true or false, got "false"'));
    expect(() => MaxPooling2D({ pool_size: 2 } as never)).toThrow('did you mean "poolSize"?');
    expect(() => MaxPooling2D({ strides: 0 })).toThrow(ArgumentError);
    expect(() => Conv2D(8, 3, { name: 'c' }).outputShape([784])).toThrow(ShapeError);
    expect(() => Conv2D(8, 3, { name: 'c' }).outputShape([784])).toThrow('Conv2D "c" expects samples of shape [height, width, channels] (channels last), got shape [784]');
    expect(() => MaxPooling2D({ poolSize: 4, name: 'p' }).outputShape([3, 3, 1])).toThrow('MaxPooling2D "p" pool 4x4 is larger than its input of shape [3, 3, 1]');
    // A flat input into Conv2D fails when the model is built, naming the layer.
    const model = new Sequential([Dense(784, { inputShape: [10] }), Conv2D(8, 3, { name: 'c' })]);
    expect(() => model.compile({ loss: 'mse', optimizer: 'sgd' })).toThrow('Conv2D "c" expects samples of shape [height, width, channels]');
  });
});
