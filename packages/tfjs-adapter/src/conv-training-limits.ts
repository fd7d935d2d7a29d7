import type { LayerConfig } from '@backprop/core';
import { TfjsUnsupportedError } from './errors';

/**
 * Why TensorFlow.js cannot train this model on `backend`, or null. tfjs-core 4.22 has no conv2d gradient
 * for dilations above 1 ("dilation rates greater than 1 are not yet supported in gradients"), and
 * tfjs-backend-wasm 4.22 registers no Conv2DBackpropFilter kernel, so no Conv2D trains on it; both would
 * otherwise fail deep inside the first step. Inference is unaffected.
 */
export function convTrainingProblem(layers: readonly LayerConfig[], backend: string): TfjsUnsupportedError | null {
  for (const layer of layers) {
    if (layer.className !== 'Conv2D') continue;
    const name = layer.config.name ?? 'conv2d';
    const dilation = layer.config.dilationRate ?? 1;
    if ((Array.isArray(dilation) ? dilation : [dilation]).some((d) => d !== 1)) {
      return new TfjsUnsupportedError(`training Conv2D "${name}" with dilationRate`, JSON.stringify(dilation), ['1'], 'tfjs has no conv2d gradient for dilations above 1');
    }
    if (backend === 'wasm') {
      return new TfjsUnsupportedError(
        `training Conv2D "${name}" on the tfjs backend`,
        backend,
        ['cpu', 'node', 'webgl'],
        'tfjs-backend-wasm has no Conv2DBackpropFilter kernel',
      );
    }
  }
  return null;
}
