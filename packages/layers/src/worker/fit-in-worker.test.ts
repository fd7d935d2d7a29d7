import { Matrix, Rng } from '@backprop/core';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { Callback } from '../callbacks/callback';
import { Dense } from '../layers/dense';
import { Dropout } from '../layers/dropout';
import type { Logs } from '../metrics/running-means';
import type { CompileOptions } from '../model/compile-options';
import { Sequential } from '../model/sequential';
import { SGD } from '../optimizers/sgd';
import { fitInWorker } from './fit-in-worker';
import { serveFit } from './serve-fit';
import { WorkerFitError } from './worker-fit-error';
import type { FitProgressEvent } from './worker-protocol';

// The protocol over a real MessageChannel (structured cloning, transfers, event-loop turns) with both
// ends in this thread; apps/runtime-tests runs the same through worker_threads and a Web Worker.
const rng = new Rng(5);
const rows = 48;
const x = new Matrix(rows, 4, Float32Array.from({ length: rows * 4 }, () => rng.uniform(-1, 1)));
const y = new Matrix(rows, 3, Float32Array.from(Array.from({ length: rows }, (_, r) => [0, 1, 2].map((c) => (Math.floor((x.data[r * 4] + 1) * 1.5) === c ? 1 : 0))).flat()));
const compile: CompileOptions = { loss: 'categorical_crossentropy', optimizer: SGD({ learningRate: 0.2, momentum: 0.5 }), metrics: ['accuracy'] };

function build(): Sequential {
  return new Sequential({ seed: 9, layers: [Dense(8, { inputShape: [4], activation: 'relu' }), Dropout(0.25), Dense(3, { activation: 'softmax' })] });
}

/** Records every hook as fitInWorker's onProgress reports it, for comparison with a fit on this thread. */
class Recorder extends Callback {
  readonly events: FitProgressEvent[] = [];
  private epoch = 0;
  override onTrainBegin(logs: Logs) {
    this.events.push({ type: 'trainBegin', logs: { ...logs } });
  }
  override onEpochBegin(epoch: number, logs: Logs) {
    this.epoch = epoch;
    this.events.push({ type: 'epochBegin', epoch, logs: { ...logs } });
  }
  override onBatchBegin(batch: number, logs: Logs) {
    this.events.push({ type: 'batchBegin', epoch: this.epoch, batch, logs: { ...logs } });
  }
  override onBatchEnd(batch: number, logs: Logs) {
    this.events.push({ type: 'batchEnd', epoch: this.epoch, batch, logs: { ...logs } });
  }
  override onEpochEnd(epoch: number, logs: Logs) {
    this.events.push({ type: 'epochEnd', epoch, logs: { ...logs } });
  }
  override onTrainEnd(logs: Logs) {
    this.events.push({ type: 'trainEnd', logs: { ...logs } });
  }
}

const flat = (model: Sequential) => model.getWeights().map((w) => Array.from(w instanceof Matrix ? w.data : w));

describe('fitInWorker / serveFit over a MessageChannel', () => {
  let main: MessagePort;
  let worker: MessagePort;
  let stopServing: () => void;
  beforeEach(() => {
    ({ port1: main, port2: worker } = new MessageChannel());
    stopServing = serveFit(worker);
  });
  afterEach(() => {
    stopServing();
    main.close();
  });

  it('trains to the weights, history and callback events of fit on this thread, bit for bit', async () => {
    const here = build();
    here.compile(compile);
    const recorder = new Recorder();
    const expected = await here.fit(x, y, { epochs: 4, batchSize: 10, verbose: 0, validationSplit: 0.25, callbacks: [recorder] });

    const there = build();
    const events: FitProgressEvent[] = [];
    const run = fitInWorker(main, there, x, y, { compile, epochs: 4, batchSize: 10, validationSplit: 0.25, onProgress: (e) => events.push(e) });
    const result = await run.result;

    expect(result.stopped).toBe(false);
    expect(result.backend).toBe('scratch');
    expect(flat(there)).toEqual(flat(here));
    expect(result.history.history).toEqual(expected.history);
    expect(result.history.epoch).toEqual([0, 1, 2, 3]);
    expect(there.history).toBe(result.history);
    // Same hooks, same order, same logs (running means per batch, val_* at epoch end).
    expect(events).toEqual(recorder.events);
    expect(events.map((e) => e.type).slice(0, 4)).toEqual(['trainBegin', 'epochBegin', 'batchBegin', 'batchEnd']);
    expect(events.filter((e) => e.type === 'batchEnd')).toHaveLength(4 * Math.ceil(36 / 10));
  });

  it('posts only epoch events with batchEvents false, and leaves the model alone with applyWeights false', async () => {
    const model = build();
    const before = flat(model);
    const events: string[] = [];
    const result = await fitInWorker(main, model, x, y, { compile, epochs: 2, batchEvents: false, applyWeights: false, onProgress: (e) => events.push(e.type) }).result;
    expect(events).toEqual(['trainBegin', 'epochBegin', 'epochEnd', 'epochBegin', 'epochEnd', 'trainEnd']);
    expect(flat(model)).toEqual(before);
    expect(result.weights.map((w) => w.shape)).toEqual([[4, 8], [8], [8, 3], [3]]);
    expect(model.history).toBeNull();
  });

  it('attaches each epoch’s weights to its epochEnd event with epochWeights', async () => {
    const oneEpoch = build();
    oneEpoch.compile(compile);
    await oneEpoch.fit(x, y, { epochs: 1, batchSize: 16, verbose: 0 });
    const model = build();
    const ends: FitProgressEvent[] = [];
    const result = await fitInWorker(main, model, x, y, { compile, epochs: 2, batchSize: 16, epochWeights: true, onProgress: (e) => e.type === 'epochEnd' && ends.push(e) }).result;
    const values = (e: FitProgressEvent) => (e.type === 'epochEnd' ? (e.weights ?? []).map((w) => Array.from(w.values)) : []);
    expect(ends).toHaveLength(2);
    expect(values(ends[0])).toEqual(flat(oneEpoch));
    expect(values(ends[1])).toEqual(flat(model));
    expect(result.weights.map((w) => Array.from(w.values))).toEqual(flat(model));
    await expect(fitInWorker(main, model, x, y, { compile, epochWeights: 'yes' as never }).result).rejects.toThrow(/epochWeights/);
  });

  it('stop() ends training after the current batch, and the weights are those of the batches run', async () => {
    const model = build();
    let batches = 0;
    const run = fitInWorker(main, model, x, y, {
      compile,
      epochs: 1_000_000,
      batchSize: 8,
      onProgress: (e) => {
        if (e.type === 'batchEnd') batches++;
        if (e.type === 'epochEnd' && e.epoch === 1) run.stop();
      },
    });
    const result = await run.result;
    expect(result.stopped).toBe(true);
    expect(result.history.epoch.length).toBeGreaterThanOrEqual(2);
    expect(result.history.epoch.length).toBeLessThan(1_000_000);
    // Keras's own way to stop (a callback setting stopTraining) after the same number of batches gives the same weights.
    const replay = build();
    replay.compile(compile);
    let replayed = 0;
    const stopper = new (class extends Callback {
      override onBatchEnd() {
        if (++replayed === batches) this.model!.stopTraining = true;
      }
    })();
    const history = await replay.fit(x, y, { epochs: 1_000_000, batchSize: 8, verbose: 0, callbacks: [stopper] });
    expect(flat(model)).toEqual(flat(replay));
    expect(result.history.history).toEqual(history.history);
  });

  it('an aborted signal stops the run before its first epoch', async () => {
    const controller = new AbortController();
    controller.abort();
    const model = build();
    const before = flat(model);
    const events: string[] = [];
    const result = await fitInWorker(main, model, x, y, { compile, epochs: 5, signal: controller.signal, onProgress: (e) => events.push(e.type) }).result;
    expect(result.stopped).toBe(true);
    expect(events).toEqual(['trainBegin', 'trainEnd']);
    expect(result.history.epoch).toEqual([]);
    expect(flat(model)).toEqual(before);
  });

  it('refuses what cannot cross threads, and checks fit options on this thread', async () => {
    const model = build();
    await expect(fitInWorker(main, model, x, y, { compile, callbacks: [new Callback()] } as never).result).rejects.toThrow(
      'fitInWorker options cannot hold callbacks (Callback objects cannot cross threads); use onProgress for the hooks, and run.stop() or signal to stop',
    );
    await expect(fitInWorker(main, model, x, y, { compile: { ...compile, loss: (() => 0) as never } }).result).rejects.toThrow(
      'fitInWorker: compile.loss cannot be sent to a worker; expected names, numbers or plain objects such as SGD(0.1), got a function',
    );
    await expect(fitInWorker(main, model, x, y, { compile, epochz: 3 } as never).result).rejects.toThrow('Unknown option "epochz" in fit options; did you mean "epochs"?');
    await expect(fitInWorker(main, model, x, y, undefined as never).result).rejects.toThrow('fitInWorker options must be an object with compile, got undefined');
  });

  it('reports an error inside the worker as a WorkerFitError naming the original class', async () => {
    const model = build();
    const wrongTargets = new Matrix(rows, 2);
    const failure = fitInWorker(main, model, x, wrongTargets, { compile }).result;
    await expect(failure).rejects.toThrow(WorkerFitError);
    await expect(failure).rejects.toMatchObject({ remoteName: 'ShapeError' });
    await expect(failure).rejects.toThrow(/^ShapeError in the worker: .*3/);
  });
});
