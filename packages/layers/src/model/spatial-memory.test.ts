import { createOptimizer, layerFromConfig, loadWasmKernels, ModelSizeError, optimizerSpec, SequentialNetwork } from '@backprop/core';
import { AveragePooling2D, Conv2D, Dense, Dropout, GlobalAveragePooling2D, MaxPooling2D, Sequential, ZeroPadding2D } from '../index';
import { clearSession } from '../layers/layer-names';
import { estimateModelMemory } from './model-memory';

const wasm = loadWasmKernels('simd', { threads: 1 });
const itWasm = wasm ? it : it.skip;

describe('model memory of convolutional models', () => {
  beforeEach(() => clearSession());

  itWasm('the estimate matches what the wasm heap hands out for Conv2D, pooling and padding activations', () => {
    const kernels = wasm!;
    const model = new Sequential([
      ZeroPadding2D({ padding: 1, inputShape: [9, 8, 2] }),
      Conv2D(6, 3, { activation: 'relu' }),
      // Dropout after convolutions, with no Dense before it: sized from the conv output [9, 8, 6].
      Dropout(0.25),
      MaxPooling2D(),
      Conv2D(4, 2, { padding: 'same' }),
      AveragePooling2D({ poolSize: 2, strides: 1 }),
      GlobalAveragePooling2D(),
      Dropout(0.5),
      Dense(3, { activation: 'softmax' }),
    ]);
    const plan = model.plan();
    const adam = optimizerSpec('adam');
    const rows = 5;
    const estimate = estimateModelMemory(plan, adam, rows);
    const start = kernels.heapUsedBytes;
    const net = new SequentialNetwork({ inputShape: plan.inputShape, layers: plan.configs.map(layerFromConfig), loss: 'categoricalCrossentropy', kernels });
    const optimizer = createOptimizer(adam, kernels);
    const x = net.inputBuffer(rows);
    x.fill(0.5);
    net.trainStep(x, net.targetBuffer(rows), rows, optimizer);
    const used = kernels.heapUsedBytes - start;
    expect(estimate.params).toBe(net.countParams());
    // The Dropout masks (rows × (9·8·6 + 4) floats) live in JS memory, not in the heap, as in core's model-memory test.
    const masks = rows * (9 * 8 * 6 + 4) * 4;
    // Each heap block is rounded up to 16 bytes: 6 weights and 6 gradients, 12 Adam slots, 3 network and 22 layer buffers.
    expect(used).toBeGreaterThanOrEqual(estimate.totalBytes - masks);
    expect(used).toBeLessThanOrEqual(estimate.totalBytes - masks + 49 * 15);
    optimizer.dispose();
    net.dispose();
  });

  it('a convolution whose patch matrix cannot fit is refused at compile, before anything is allocated', () => {
    const model = new Sequential([Conv2D(8, 9, { inputShape: [2048, 2048, 4], padding: 'same' }), GlobalAveragePooling2D()]);
    let error: unknown;
    try {
      model.compile({ loss: 'mse', optimizer: 'sgd' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ModelSizeError);
    expect((error as ModelSizeError).layer).toBe('Conv2D "conv2d"');
    // The patch matrix alone: 2048² rows of 9·9·4 values per image, 32 images (the default batch).
    const patches = 32 * 2048 * 2048 * 9 * 9 * 4 * 4;
    expect(estimateModelMemory(model.plan(), null, 32).activationBytes).toBeGreaterThan(patches);
    expect((error as ModelSizeError).message).toContain(`activations of 32-row batches`);
  });
});
