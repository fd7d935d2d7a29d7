import type { BackendFactory, ModelSpec } from '@backprop/layers';
import { TfjsBackend } from './tfjs-backend';
import { describeTfjs, initTfjs } from './tfjs-runtime';

/**
 * Builds `tfjs` backends. A plain object, so it can be used without the layers registry:
 * `await tfjsBackendFactory.create(spec)`. Its priority is below the scratch engine's, so importing this
 * package offers TensorFlow.js without silently replacing the default.
 */
export const tfjsBackendFactory = {
  name: 'tfjs' as const,
  priority: 10,
  async create(spec: ModelSpec): Promise<TfjsBackend> {
    const info = await initTfjs();
    return new TfjsBackend(spec, describeTfjs(info));
  },
} satisfies BackendFactory;
