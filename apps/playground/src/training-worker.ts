import { serveFit, type WorkerPort } from '@backprop/layers';

// The page's training thread: every fit runs here through fitInWorker, so drawing, charts and the
// drawing pad stay responsive while the engine trains.
serveFit(self as unknown as WorkerPort);
