/**
 * `@backprop/layers/fit-worker-thread`: a ready-made Node worker-thread script for `fitInWorker`, the
 * twin of a Web Worker that calls `serveFit(self)`. Node only (its own entry, never in a browser bundle):
 *
 * ```ts
 * import { Worker } from 'node:worker_threads';
 * const worker = new Worker(require.resolve('@backprop/layers/fit-worker-thread'), {
 *   workerData: { imports: ['@backprop/tfjs-adapter'] }, // optional: modules that register backends
 * });
 * const run = fitInWorker(worker, model, x, y, { compile, epochs: 10, onProgress: console.log });
 * await run.result;
 * await worker.terminate();
 * ```
 * `workerData.imports` are loaded before serving, resolved from the current directory (the app), so a
 * backend the app installed registers itself in the worker's copy of @backprop/layers.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { ArgumentError, describeValue } from '@backprop/core';
import { serveFit } from './serve-fit';

if (!parentPort) throw new ArgumentError('@backprop/layers/fit-worker-thread is a worker script: start it with new Worker(require.resolve(...)), not require or import');
const imports: unknown = (workerData as { imports?: unknown } | null)?.imports ?? [];
if (!Array.isArray(imports) || imports.some((name) => typeof name !== 'string')) {
  throw new ArgumentError(`fit-worker-thread workerData.imports must be a list of module names, got ${describeValue(imports)}`);
}
const appRequire = createRequire(path.join(process.cwd(), 'package.json'));
for (const name of imports as string[]) appRequire(name);
serveFit(parentPort);
