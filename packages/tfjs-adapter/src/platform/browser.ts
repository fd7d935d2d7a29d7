import { PlatformError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import type * as node from './node';

/**
 * The browser build's replacement for ./node.ts (swapped in by tools/build). A page cannot `require` an
 * optional package: it imports the tfjs backends it wants itself, and they register with tfjs's engine on
 * import (`import '@tensorflow/tfjs-backend-wasm'` plus its `setWasmPaths('/static/tfjs/')` for the page's
 * own copy of the .wasm files). So "loading" a backend package here means finding its registered backend.
 */
export const MISSING: typeof node.MISSING = 'is not imported (in a browser, import it yourself before initTfjs)';

/** No environment variables in a browser: the backend is chosen with `initTfjs({ backend })`. */
export const readEnv: typeof node.readEnv = () => undefined;

const ALTERNATIVE = "in a browser, import the tfjs backend packages yourself (import '@tensorflow/tfjs-backend-wasm') before initTfjs()";

export const consumerSearchPaths: typeof node.consumerSearchPaths = () => {
  throw new PlatformError('consumerSearchPaths() (Node module resolution)', ALTERNATIVE);
};

/** tfjs's backend name for each optional package: the package is "loaded" when its backend is registered. */
const REGISTERS: Record<string, string> = { '@tensorflow/tfjs-node': 'tensorflow', '@tensorflow/tfjs-backend-wasm': 'wasm' };

export const loadFromConsumer: typeof node.loadFromConsumer = (name) => {
  const backend = REGISTERS[name];
  if (backend && tf.findBackendFactory(backend)) return { setWasmPaths: () => {} };
  if (backend) throw Object.assign(new Error(`Cannot find module '${name}' (not imported)`), { code: 'MODULE_NOT_FOUND' });
  throw new PlatformError(`loadFromConsumer(${JSON.stringify(name)}) (Node module resolution)`, ALTERNATIVE);
};

/** The page sets the .wasm location with tfjs-backend-wasm's own `setWasmPaths`; nothing to find here. */
export const wasmPathPrefix: typeof node.wasmPathPrefix = () => null;

/** Not visible without importing tfjs-backend-wasm here (it would stop being optional). */
export const wasmThreads: typeof node.wasmThreads = () => undefined;
