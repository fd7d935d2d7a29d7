import { registerBackend, registerTensorFactory, registerTfjsOptimizerTranslator } from '@backprop/layers';
import { tensorFromRows } from './predict-tensor';
import { tfjsBackendFactory } from './tfjs-backend-factory';
import { translateTfjsOptimizer } from './tfjs-optimizer';

// Importing the package makes `backend: 'tfjs'` available to Sequential.compile (as tfjs backends register on import).
registerBackend(tfjsBackendFactory);
// And makes compile accept tf.train optimizers (`compile({ optimizer: tf.train.adam(0.01), loss })`) on every backend.
registerTfjsOptimizerTranslator(translateTfjsOptimizer);
// …and lets `predict(x, { output: 'tensor' })` return tf.Tensors.
registerTensorFactory(tensorFromRows);
