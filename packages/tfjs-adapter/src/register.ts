import { registerBackend, registerTfjsOptimizerTranslator } from '@backprop/layers';
import { tfjsBackendFactory } from './tfjs-backend-factory';
import { translateTfjsOptimizer } from './tfjs-optimizer';

// Importing the package makes `backend: 'tfjs'` available to Sequential.compile (as tfjs backends register on import).
registerBackend(tfjsBackendFactory);
// And makes compile accept tf.train optimizers (`compile({ optimizer: tf.train.adam(0.01), loss })`) on every backend.
registerTfjsOptimizerTranslator(translateTfjsOptimizer);
