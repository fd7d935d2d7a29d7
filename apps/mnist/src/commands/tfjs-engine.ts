import type { TfjsBackendName } from '../cli-value-parsers';

/** What the tfjs engine runs on: the adapter's report of the backend picked, for tables and results. */
export interface TfjsSetup {
  /** e.g. `tfjs 4.22.0 (wasm, SIMD)` */
  description: string;
  /** `node`, `wasm` or `cpu` */
  backend: string;
  /** Faster backends that were skipped, with the reason: `node: @tensorflow/tfjs-node is not installed`. */
  skipped: string[];
}

/**
 * Load `@backprop/tfjs-adapter` (which registers the `tfjs` backend on import) and start the requested
 * TensorFlow.js backend — or the best one that loads. Loaded lazily so a scratch-only run never pays
 * for TensorFlow.js.
 */
export async function setUpTfjs(backend: TfjsBackendName | null, warn: (line: string) => void, options: { trainsConv2D?: boolean } = {}): Promise<TfjsSetup> {
  const adapter = await import('@backprop/tfjs-adapter');
  let info = await adapter.initTfjs({ ...(backend ? { backend } : {}), warn });
  const extra: string[] = [];
  // tfjs-backend-wasm cannot train a Conv2D (it has no Conv2DBackpropFilter kernel): the automatic choice moves
  // on to cpu, as it moves on from a backend that does not load. A forced --tfjs-backend wasm is kept (and fails with the adapter's error).
  if (options.trainsConv2D && !backend && info.backend === 'wasm') {
    info = await adapter.initTfjs({ backend: 'cpu', warn });
    extra.push('wasm: tfjs-backend-wasm has no Conv2DBackpropFilter kernel, so it cannot train a Conv2D');
  }
  const skipped = [...info.skipped.map((s) => `${s.backend}: ${s.reason}`), ...extra];
  for (const line of skipped) warn(`tfjs: skipped ${line}`);
  return { description: adapter.describeTfjs(info), backend: info.backend, skipped };
}
