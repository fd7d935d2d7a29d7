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
export async function setUpTfjs(backend: TfjsBackendName | null, warn: (line: string) => void): Promise<TfjsSetup> {
  const adapter = await import('@backprop/tfjs-adapter');
  const info = await adapter.initTfjs({ ...(backend ? { backend } : {}), warn });
  const skipped = info.skipped.map((s) => `${s.backend}: ${s.reason}`);
  for (const line of skipped) warn(`tfjs: skipped ${line}`);
  return { description: adapter.describeTfjs(info), backend: info.backend, skipped };
}
