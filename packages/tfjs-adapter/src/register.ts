import { registerBackend } from '@backprop/layers';
import { tfjsBackendFactory } from './tfjs-backend-factory';

// Importing the package makes `backend: 'tfjs'` available to Sequential.compile (as tfjs backends register on import).
registerBackend(tfjsBackendFactory);
