/**
 * The Node-only part of the tfjs adapter: finding optional packages with `require` (also from the app's
 * own node_modules), the folder of tfjs-backend-wasm's .wasm files, and the environment variable. The
 * browser build replaces this module with ./browser.ts (same exports), so a browser bundle holds no
 * `node:*` import, `require` or `process`. Keep both files' exports identical.
 */
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { isMissingModule } from '../module-errors';

/** How a missing optional package is described (`not installed` in Node, `not imported` in a browser). */
export const MISSING: string = 'is not installed';

/** `BACKPROP_TFJS_BACKEND`'s value, if set. */
export function readEnv(name: string): string | undefined {
  return process.env[name];
}

/**
 * Where, besides this package, optional packages are looked for: the file Node started (`require.main`, the
 * app's entry point), then `package.json` in the current directory (for runners such as tsx or jest, whose
 * `require.main` is the runner). With pnpm's isolated `node_modules`, a package added to the app
 * (`pnpm add @tensorflow/tfjs-node --filter my-app`) is visible from the app's files but not from this package.
 */
export function consumerSearchPaths(): string[] {
  const paths: string[] = [];
  const main = require.main?.filename;
  if (main) paths.push(main);
  paths.push(path.join(process.cwd(), 'package.json'));
  return paths;
}

/**
 * Load `name` the way the app would: this package's own `require` first, then a `require` made for each of
 * `searchFrom` (files, or directories, which are searched as if from a file inside them); default
 * `consumerSearchPaths()`. A package found somewhere is loaded there, and its load errors propagate (a broken
 * install is not "not installed"); only when no location resolves it does the `MODULE_NOT_FOUND` of this
 * package's own `require` surface.
 */
export function loadFromConsumer(name: string, searchFrom: readonly string[] = consumerSearchPaths()): unknown {
  let notFound: unknown;
  try {
    return require(name);
  } catch (error) {
    if (!isMissingModule(error, name)) throw error;
    notFound = error;
  }
  const seen = new Set<string>();
  for (const location of searchFrom) {
    // createRequire resolves from the folder of the file it is given; a directory becomes a file inside it.
    const from = isDirectory(location) ? path.join(location, 'package.json') : path.resolve(location);
    if (seen.has(path.dirname(from))) continue;
    seen.add(path.dirname(from));
    const consumerRequire = createRequire(from);
    let resolved: string;
    try {
      resolved = consumerRequire.resolve(name);
    } catch (error) {
      if (isMissingModule(error, name)) continue;
      throw error;
    }
    return consumerRequire(resolved);
  }
  throw notFound;
}

function isDirectory(location: string): boolean {
  try {
    return statSync(location).isDirectory();
  } catch {
    return false;
  }
}

/**
 * The prefix tfjs-backend-wasm's `setWasmPaths` gets: the folder holding its .wasm files inside the npm
 * package, found through Node's resolver (works with pnpm's layout), so tfjs never fetches over the network.
 */
export function wasmPathPrefix(wasmPackage: string): string | null {
  return path.dirname(require.resolve(`${wasmPackage}/dist/tfjs-backend-wasm-simd.wasm`)) + path.sep;
}

/** tfjs-backend-wasm's worker-thread count (1 in Node, where it has no multithreading). */
export function wasmThreads(wasmPackage: string): number | undefined {
  const wasm = require(wasmPackage) as { getThreadsCount?: () => number };
  return wasm.getThreadsCount?.() ?? 1;
}
