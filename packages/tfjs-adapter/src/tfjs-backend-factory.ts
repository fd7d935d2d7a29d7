import { type BackendFactory, type ModelSpec, ModelStateError } from '@backprop/layers';
import { TfjsBackend } from './tfjs-backend';
import { describeTfjs, initTfjs, isTfjsReady } from './tfjs-runtime';

/**
 * Builds `tfjs` backends. Starting TensorFlow.js is the one asynchronous step (`prepare`, i.e. `initTfjs()`);
 * `create` is synchronous after it, so a compiled model answers `getWeights()` and `predict()` at once. A plain
 * object, usable without the layers registry: `await tfjsBackendFactory.prepare(); tfjsBackendFactory.create(spec)`.
 * Its priority is below the scratch engine's, so importing this package offers TensorFlow.js without silently
 * replacing the default.
 */
export const tfjsBackendFactory = {
  name: 'tfjs' as const,
  priority: 10,
  async prepare(): Promise<void> {
    await initTfjs();
  },
  isReady: isTfjsReady,
  create(spec: ModelSpec): TfjsBackend {
    if (!isTfjsReady()) {
      throw new ModelStateError('TensorFlow.js is not started yet; expected `await tfjsBackendFactory.prepare()` (or `await initTfjs()`) first');
    }
    return new TfjsBackend(spec, describeTfjs());
  },
} satisfies BackendFactory;
