import { Matrix, Rng } from '@backprop/core';
import { type CompileOptions, Dense, fitInWorker, type FitProgressEvent, Sequential, serveFit } from '@backprop/layers';
import { MessageChannel } from 'node:worker_threads';
import { initTfjs } from './index';

// fitInWorker with `backend: 'tfjs'`: the worker end (here the other port of a MessageChannel, in this
// thread; apps/runtime-tests runs real workers) compiles its copy on TensorFlow.js, like fit here.
const rng = new Rng(23);
const rows = 40;
const x = new Matrix(rows, 3, Float32Array.from({ length: rows * 3 }, () => rng.uniform(-1, 1)));
const y = new Matrix(rows, 1, Float32Array.from({ length: rows }, (_, r) => x.data[r * 3] * 0.5 - x.data[r * 3 + 2]));
const compile: CompileOptions = { loss: 'mse', optimizer: { name: 'adam', learningRate: 0.05 }, backend: 'tfjs' };
const build = () => new Sequential({ seed: 4, layers: [Dense(6, { inputShape: [3], activation: 'tanh' }), Dense(1)] });
const flat = (model: Sequential) => model.getWeights().flatMap((w) => Array.from(w instanceof Matrix ? w.data : w));

describe('fitInWorker on the tfjs backend', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  it('trains the worker’s copy on tfjs to the weights and losses of fit here, reporting every epoch', async () => {
    const { port1, port2 } = new MessageChannel();
    const stop = serveFit(port2);
    try {
      const here = build();
      here.compile(compile);
      const expected = await here.fit(x, y, { epochs: 3, batchSize: 8, verbose: 0 });

      const there = build();
      const epochs: number[] = [];
      const result = await fitInWorker(port1, there, x, y, {
        compile,
        epochs: 3,
        batchSize: 8,
        batchEvents: false,
        onProgress: (e: FitProgressEvent) => {
          if (e.type === 'epochEnd') epochs.push(e.epoch);
        },
      }).result;
      expect(result.backend).toBe('tfjs');
      expect(epochs).toEqual([0, 1, 2]);
      expect(result.history.history.loss).toEqual(expected.history.loss);
      expect(flat(there)).toEqual(flat(here));
      here.dispose();
      there.dispose();
    } finally {
      stop();
      port1.close();
    }
  });
});
