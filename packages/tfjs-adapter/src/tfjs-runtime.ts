import { BackpropError, UnknownNameError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsBackendUnavailableError } from './errors';
import { isMissingModule, messageOf } from './module-errors';
// Node: require, the app's node_modules, process.env. The browser build swaps in ./platform/browser.ts.
import { consumerSearchPaths, loadFromConsumer, MISSING, readEnv, wasmPathPrefix, wasmThreads } from './platform/node';

export { consumerSearchPaths, loadFromConsumer };

/** The TensorFlow.js backends this adapter can run on, fastest first. */
export type TfjsBackendName = 'node' | 'wasm' | 'cpu';

export const tfjsBackendNames: readonly TfjsBackendName[] = ['node', 'wasm', 'cpu'];

/** Which TensorFlow.js runs, and why faster ones were skipped. */
export interface TfjsInfo {
  /** Our name of the backend in use. */
  readonly backend: TfjsBackendName;
  /** tfjs's own name for it (`tensorflow`, `wasm`, `cpu`). */
  readonly tfBackend: string;
  /** Version of @tensorflow/tfjs-core. */
  readonly version: string;
  /** wasm only: whether the SIMD build runs. */
  readonly simd?: boolean;
  /** wasm only: worker threads (1 in Node, where tfjs-backend-wasm has no multithreading). */
  readonly threads?: number;
  /** Faster backends that were not used, each with the reason. */
  readonly skipped: readonly { readonly backend: TfjsBackendName; readonly reason: string }[];
}

export interface InitTfjsOptions {
  /** Force one backend; `auto` (default, or `BACKPROP_TFJS_BACKEND`) tries node, then wasm, then cpu. */
  readonly backend?: TfjsBackendName | 'auto';
  /**
   * How packages are loaded; replaceable so tests can simulate a missing or broken tfjs-node. Default
   * `loadFromConsumer`: this package's own `require`, then the app's (see `searchFrom`).
   */
  readonly loadModule?: (name: string) => unknown;
  /**
   * Where the app lives, for finding packages the app installed but this package cannot see (pnpm's isolated
   * `node_modules`): files or directories, tried in order after this package's own `require`. Default
   * `consumerSearchPaths()`: the file of `require.main`, then the current directory.
   */
  readonly searchFrom?: readonly string[];
  /** Where fallbacks are reported; default `console.warn`. */
  readonly warn?: (message: string) => void;
}

/** The environment variable that forces a backend, as Keras's `KERAS_BACKEND` does. */
export const TFJS_BACKEND_ENV = 'BACKPROP_TFJS_BACKEND';

const NODE_PACKAGE = '@tensorflow/tfjs-node';
const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm';
const INSTALL_HINT: Record<TfjsBackendName, string> = {
  node:
    `Install it in the app that runs training (\`pnpm add ${NODE_PACKAGE}@${tf.version_core}\`, e.g. with \`--filter <your-app>\`) ` +
    'and allow its build script (`pnpm approve-builds`); it downloads libtensorflow, so it needs internet access',
  wasm: `Install it with \`pnpm add ${WASM_PACKAGE}@${tf.version_core}\``,
  cpu: 'The cpu backend ships with @tensorflow/tfjs; reinstall @tensorflow/tfjs',
};

let info: TfjsInfo | undefined;
let pending: { key: string; promise: Promise<TfjsInfo> } | undefined;
let wasmPathsSet = false;

/**
 * Pick and start the TensorFlow.js backend (tfjs has one global engine per process).
 * - Without `backend`: the first call selects (`BACKPROP_TFJS_BACKEND`, else auto); later calls return what runs,
 *   so code that chose a backend explicitly is never overridden by the environment.
 * - With `backend`: that backend is started (or, for `auto`, the chain is run again), switching if needed.
 * A forced backend that cannot run throws `TfjsBackendUnavailableError`; in `auto` every failure is a fallback
 * to the next backend, logged when an installed package failed (an absent optional package stays quiet).
 */
export function initTfjs(options: InitTfjsOptions = {}): Promise<TfjsInfo> {
  const explicit = options.backend;
  if (explicit === undefined && pending) return pending.promise;
  if (info && (explicit === undefined || (explicit !== 'auto' && explicit === info.backend))) return Promise.resolve(info);
  let requested: TfjsBackendName | 'auto';
  try {
    requested = explicit ?? envBackend();
  } catch (error) {
    return Promise.reject(error);
  }
  if (pending && pending.key === requested) return pending.promise;
  const promise = select(requested, options).then(
    (selected) => {
      info = selected;
      pending = undefined;
      return selected;
    },
    (error: unknown) => {
      pending = undefined;
      throw error;
    },
  );
  pending = { key: requested, promise };
  return promise;
}

/** True once `initTfjs` has finished and nothing is switching: tfjs can then compute synchronously. */
export function isTfjsReady(): boolean {
  return info !== undefined && pending === undefined;
}

/** What `initTfjs` chose; throws when it has not run yet. */
export function getTfjsInfo(): TfjsInfo {
  if (!info) throw new BackpropError('getTfjsInfo() needs TensorFlow.js initialised first; expected `await initTfjs()` before, got no initialisation');
  return info;
}

/**
 * The backends that were not used, one line each for results and logs, e.g.
 * `['node: @tensorflow/tfjs-node is not installed']`; empty when the fastest backend runs.
 */
export function describeSkipped(current: Pick<TfjsInfo, 'skipped'> = getTfjsInfo()): string[] {
  return current.skipped.map((s) => `${s.backend}: ${s.reason}`);
}

/** One line for reports, e.g. `tfjs 4.22.0 (wasm, SIMD)`. */
export function describeTfjs(current: TfjsInfo = getTfjsInfo()): string {
  const details: string[] = [current.backend];
  if (current.backend === 'wasm') {
    details.push(current.simd ? 'SIMD' : 'no SIMD');
    if ((current.threads ?? 1) > 1) details.push(`${current.threads} threads`);
  }
  if (current.backend === 'node') details.push('libtensorflow');
  return `tfjs ${current.version} (${details.join(', ')})`;
}

function envBackend(): TfjsBackendName | 'auto' {
  const value = readEnv(TFJS_BACKEND_ENV)?.trim().toLowerCase();
  if (!value) return 'auto';
  if (value === 'auto' || (tfjsBackendNames as readonly string[]).includes(value)) return value as TfjsBackendName | 'auto';
  throw new UnknownNameError(`${TFJS_BACKEND_ENV} value`, value, ['auto', ...tfjsBackendNames]);
}

async function select(requested: TfjsBackendName | 'auto', options: InitTfjsOptions): Promise<TfjsInfo> {
  if (requested !== 'auto' && !(tfjsBackendNames as readonly string[]).includes(requested)) {
    throw new UnknownNameError('tfjs backend', String(requested), ['auto', ...tfjsBackendNames]);
  }
  const searchFrom = options.searchFrom;
  const load = options.loadModule ?? ((name: string) => loadFromConsumer(name, searchFrom));
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const candidates = requested === 'auto' ? tfjsBackendNames : [requested];
  const skipped: { backend: TfjsBackendName; reason: string }[] = [];
  for (const backend of candidates) {
    const failure = await start(backend, load);
    if (failure === null) return { ...(await describeRunning(backend)), skipped };
    if (requested !== 'auto') throw new TfjsBackendUnavailableError(backend, failure.reason, INSTALL_HINT[backend]);
    skipped.push({ backend, reason: failure.reason });
    // An absent optional package is the normal case and stays quiet; an installed one that fails is worth a warning.
    if (!failure.absent) warn(`[tfjs-adapter] ${backend} backend failed (${failure.reason}); falling back to the next backend`);
  }
  throw new TfjsBackendUnavailableError('auto', describeSkipped({ skipped }).join('; '), INSTALL_HINT.cpu);
}

/** Try to start one backend; null on success, else why not. */
async function start(backend: TfjsBackendName, load: (name: string) => unknown): Promise<{ reason: string; absent: boolean } | null> {
  try {
    if (backend === 'node') {
      try {
        load(NODE_PACKAGE);
      } catch (error) {
        if (isMissingModule(error, NODE_PACKAGE)) return { reason: `${NODE_PACKAGE} ${MISSING}`, absent: true };
        return { reason: `${NODE_PACKAGE} is installed but failed to load: ${messageOf(error)}`, absent: false };
      }
      // tfjs-node registers the `tensorflow` backend on the shared global engine when it loads.
      if (!tf.findBackendFactory('tensorflow')) return { reason: `${NODE_PACKAGE} loaded but registered no "tensorflow" backend`, absent: false };
      return (await tf.setBackend('tensorflow')) ? null : { reason: 'the "tensorflow" backend failed to initialise', absent: false };
    }
    if (backend === 'wasm') {
      let wasm: { setWasmPaths(prefix: string): void };
      let prefix: string | null;
      try {
        wasm = load(WASM_PACKAGE) as typeof wasm;
        prefix = wasmPathPrefix(WASM_PACKAGE);
      } catch (error) {
        if (isMissingModule(error, WASM_PACKAGE)) return { reason: `${WASM_PACKAGE} ${MISSING}`, absent: true };
        return { reason: `${WASM_PACKAGE} failed to load: ${messageOf(error)}`, absent: false };
      }
      // Node: the .wasm binaries ship inside the npm package; point tfjs at them so it never fetches over the
      // network. A browser page points tfjs at its own copy with setWasmPaths (prefix null here).
      if (!wasmPathsSet && prefix !== null) {
        wasm.setWasmPaths(prefix);
        wasmPathsSet = true;
      }
      return (await tf.setBackend('wasm')) ? null : { reason: `the wasm backend failed to initialise${prefix ? ` from ${prefix}` : ''}`, absent: false };
    }
    if (!(await tf.setBackend('cpu'))) return { reason: 'the cpu backend failed to initialise', absent: false };
    // The cpu backend greets its first tensor in Node with "install tfjs-node"; the reason it was chosen is in
    // getTfjsInfo().skipped instead, so the greeting is switched off (it keys on this field, backend_cpu.ts).
    (tf.backend() as unknown as { firstUse?: boolean }).firstUse = false;
    return null;
  } catch (error) {
    return { reason: messageOf(error), absent: false };
  }
}

async function describeRunning(backend: TfjsBackendName): Promise<Omit<TfjsInfo, 'skipped'>> {
  await tf.ready();
  const base = { backend, tfBackend: tf.getBackend(), version: tf.version_core };
  if (backend !== 'wasm') return base;
  const simd = Boolean(await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'));
  const threads = wasmThreads(WASM_PACKAGE);
  return { ...base, simd, ...(threads === undefined ? {} : { threads }) };
}
