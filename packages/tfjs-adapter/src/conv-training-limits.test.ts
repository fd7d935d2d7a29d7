import type { LayerConfig } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { convTrainingProblem } from './conv-training-limits';
import { TfjsUnsupportedError } from './errors';
import { initTfjs } from './tfjs-runtime';

const conv = (config: Partial<Extract<LayerConfig, { className: 'Conv2D' }>['config']> = {}): LayerConfig => ({
  className: 'Conv2D',
  config: { name: 'c', filters: 2, kernelSize: 3, ...config },
});

describe('where TensorFlow.js cannot train a Conv2D', () => {
  it('dilations above 1 anywhere, and any Conv2D on the wasm backend; nothing else', () => {
    expect(convTrainingProblem([conv({ dilationRate: 2 })], 'cpu')).toEqual(
      new TfjsUnsupportedError('training Conv2D "c" with dilationRate', '2', ['1'], 'tfjs has no conv2d gradient for dilations above 1'),
    );
    expect(convTrainingProblem([conv()], 'wasm')?.message).toBe(
      'training Conv2D "c" on the tfjs backend "wasm" cannot be expressed in TensorFlow.js (tfjs-backend-wasm has no Conv2DBackpropFilter kernel); expected one of: cpu, node, webgl',
    );
    expect(convTrainingProblem([conv(), { className: 'Flatten', config: {} }], 'cpu')).toBeNull();
    expect(convTrainingProblem([{ className: 'Dense', config: { units: 2 } }], 'wasm')).toBeNull();
  });

  it('the kernels tfjs registers say so: wasm has Conv2DBackpropInput but no Conv2DBackpropFilter, cpu has both', async () => {
    await initTfjs({ backend: 'wasm' });
    expect(tf.getKernel('Conv2DBackpropInput', 'wasm')).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')).toBeDefined();
  });
});
