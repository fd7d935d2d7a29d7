import { serveFit, type WorkerPort } from '@backprop/layers';

// The whole Web Worker script of fitInWorker: serve fit requests on the worker's global scope.
serveFit(self as unknown as WorkerPort);
