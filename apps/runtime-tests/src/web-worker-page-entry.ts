import type { WorkerPort } from '@backprop/layers';
import { runWorkerFixture } from './worker-fixture';

// The page's script: the worker fixture against a Web Worker running web-worker-entry.ts.
const worker = new Worker('worker.js');
const target = globalThis as { __workerFit?: Promise<unknown> };
target.__workerFit = runWorkerFixture(worker as unknown as WorkerPort);
