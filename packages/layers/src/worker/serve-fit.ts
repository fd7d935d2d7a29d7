import { describeKernels } from '@backprop/core';
import { loadModel } from '../io/load-from';
import { ProgressCallback, portableWeights } from './progress-callback';
import { type FitRequest, isProtocolMessage, onMessage, type WorkerPort, type WorkerReply } from './worker-protocol';

/**
 * The worker's side of `fitInWorker`: call it once in a Web Worker (`serveFit(self)`) or a Node
 * worker thread (`serveFit(parentPort)`; `@backprop/layers/fit-worker-thread` is that script, ready
 * made). Each request builds the model from its model.json and weights, compiles it, fits it while
 * posting progress events, and posts the trained weights and history back. Import the backends the
 * requests name before calling it (e.g. `import '@backprop/tfjs-adapter'`): a worker has its own
 * module instances, so a backend registered on the main thread is not registered there.
 * Returns the function that stops serving.
 */
export function serveFit(port: WorkerPort): () => void {
  // Ids whose stop has arrived; checked at every hook, so a stop that comes while the model is still
  // being built (or before fit resets `stopTraining`) is not lost.
  const stops = new Set<number>();
  const post = (reply: WorkerReply, transfer: Transferable[] = []) => port.postMessage(reply, transfer);
  return onMessage(port, (data) => {
    if (!isProtocolMessage(data)) return;
    if (data.type === 'backprop:stop') {
      stops.add(data.id);
      return;
    }
    if (data.type !== 'backprop:fit') return;
    const request = data;
    runRequest(request, stops, post).catch((error: unknown) => {
      stops.delete(request.id);
      const name = error instanceof Error ? error.name : 'Error';
      post({ type: 'backprop:error', id: request.id, name, message: error instanceof Error ? error.message : String(error) });
    });
  });
}

async function runRequest(request: FitRequest, stops: Set<number>, post: (reply: WorkerReply, transfer?: Transferable[]) => void): Promise<void> {
  const { id } = request;
  const weightFiles = new Map([[request.weightsPath, request.weightData]]);
  const model = await loadModel({ load: async () => ({ modelJson: request.modelJson, weightFiles, source: 'fitInWorker model' }) }, { seed: request.seed });
  model.compile(request.compile);
  const progress = new ProgressCallback((event) => {
    if (stops.has(id)) model.stopTraining = true;
    post({ type: 'backprop:progress', id, event });
  }, request.batchEvents, request.epochWeights);
  const { validationData, ...fit } = request.fit;
  const history = await model.fit(request.x, request.y, {
    verbose: 0,
    ...fit,
    ...(validationData ? { validationData: [validationData[0], validationData[1]] as const } : {}),
    callbacks: [progress],
  });
  const stopped = stops.delete(id);
  const weights = portableWeights(model.getWeights());
  post(
    {
      type: 'backprop:done',
      id,
      weights,
      history: { epoch: history.epoch, history: history.history },
      stopped,
      backend: model.backendName ?? 'unknown',
      kernels: describeKernels(),
    },
    weights.map((w) => w.values.buffer as ArrayBuffer),
  );
  model.dispose();
}
