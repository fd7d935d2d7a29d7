import { BackpropError } from '@backprop/core';

/**
 * The model is not ready for the call: `fit` before `compile`, a model whose first layer has no
 * `inputShape`, or a synchronous call (`predict`, `getWeights`) on a backend that only answers
 * asynchronously. Keras raises a RuntimeError or ValueError in these places.
 */
export class ModelStateError extends BackpropError {}
