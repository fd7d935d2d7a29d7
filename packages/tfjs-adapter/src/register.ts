import { registerBackend, registerTensorFactory } from '@backprop/layers';
import { tensorFromRows } from './predict-tensor';
import { tfjsBackendFactory } from './tfjs-backend-factory';

// Importing the package makes `backend: 'tfjs'` available to Sequential.compile (as tfjs backends register on import).
registerBackend(tfjsBackendFactory);
// …and lets `predict(x, { output: 'tensor' })` return tf.Tensors.
registerTensorFactory(tensorFromRows);
