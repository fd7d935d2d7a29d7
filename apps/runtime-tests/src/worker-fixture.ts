import { describeKernels, Matrix } from '@backprop/core';
import { Callback, type FitProgressEvent, fitInWorker, type WorkerPort } from '@backprop/layers';
import { FIXTURE_COMPILE, fixtureData, fixtureModel } from './training-fixture';

export { FIXTURE_COMPILE, fixtureData, fixtureModel };

export interface WorkerFixtureResult {
  /** Epoch losses of fitInWorker, and of the same fit on this thread. */
  readonly workerLosses: number[];
  readonly mainLosses: number[];
  /** Every trained weight equal bit for bit (Object.is per value) between the two runs. */
  readonly sameWeights: boolean;
  /** The progress events' types with their epoch / batch, in arrival order (`epochBegin 0`, `batchEnd 0.7`, …). */
  readonly events: string[];
  /** Kernel sets on this thread and in the worker. */
  readonly kernels: string;
  readonly workerKernels: string;
  /** The stop run: stopped, and how many epochs ran of the 100000 asked for. */
  readonly stop: { readonly stopped: boolean; readonly epochs: number; readonly sameAsCallbackStop: boolean };
}

function flatWeights(weights: readonly (Matrix | Float32Array | { values: Float32Array })[]): Float32Array[] {
  return weights.map((w) => (w instanceof Matrix ? w.data : w instanceof Float32Array ? w : w.values));
}

function bitEqual(a: Float32Array[], b: Float32Array[]): boolean {
  return a.length === b.length && a.every((w, i) => w.length === b[i].length && w.every((v, j) => Object.is(v, b[i][j])));
}

/** Sets `stopTraining` after `batches` batches, as a user's callback would. */
function batchLimit(batches: number): Callback {
  let seen = 0;
  return new (class extends Callback {
    override onBatchEnd(): void {
      if (++seen === batches) this.model!.stopTraining = true;
    }
  })();
}

function describeEvent(e: FitProgressEvent): string {
  if (e.type === 'batchBegin' || e.type === 'batchEnd') return `${e.type} ${e.epoch}.${e.batch}`;
  if (e.type === 'epochBegin' || e.type === 'epochEnd') return `${e.type} ${e.epoch}`;
  return e.type;
}

/**
 * The fixture trained through `fitInWorker` on `worker` (a Web Worker or a worker thread running
 * `serveFit`) and on this thread, then a run stopped after its first epoch: the same script in Node
 * and in Chromium.
 */
export async function runWorkerFixture(worker: WorkerPort, epochs = 3): Promise<WorkerFixtureResult> {
  const { x, y } = fixtureData();
  const events: string[] = [];
  const inWorker = fixtureModel();
  const result = await fitInWorker(worker, inWorker, x, y, { compile: FIXTURE_COMPILE, epochs, batchSize: 32, onProgress: (e) => events.push(describeEvent(e)) }).result;

  const onMain = fixtureModel();
  onMain.compile(FIXTURE_COMPILE);
  const history = await onMain.fit(x, y, { epochs, batchSize: 32, verbose: 0 });

  const stopped = fixtureModel();
  let batches = 0;
  const run = fitInWorker(worker, stopped, x, y, {
    compile: FIXTURE_COMPILE,
    epochs: 100_000,
    batchSize: 32,
    onProgress: (e) => {
      if (e.type === 'batchEnd') batches++;
      if (e.type === 'epochEnd' && e.epoch === 0) run.stop();
    },
  });
  const stopResult = await run.result;
  // The reference: Keras's own stop (a callback setting stopTraining) after as many batches, on this thread.
  const replay = fixtureModel();
  replay.compile(FIXTURE_COMPILE);
  await replay.fit(x, y, { epochs: 100_000, batchSize: 32, verbose: 0, callbacks: [batchLimit(batches)] });

  return {
    workerLosses: result.history.history.loss,
    mainLosses: history.history.loss,
    sameWeights: bitEqual(flatWeights(inWorker.getWeights()), flatWeights(onMain.getWeights())) && bitEqual(flatWeights(result.weights), flatWeights(onMain.getWeights())),
    events,
    kernels: describeKernels(),
    workerKernels: result.kernels,
    stop: { stopped: stopResult.stopped, epochs: stopResult.history.epoch.length, sameAsCallbackStop: bitEqual(flatWeights(stopped.getWeights()), flatWeights(replay.getWeights())) },
  };
}
