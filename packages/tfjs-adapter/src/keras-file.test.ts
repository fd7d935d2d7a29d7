import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Dense, Dropout, loadModel, Sequential } from '@backprop/layers';
import './register';
import { initTfjs } from './tfjs-runtime';

// Keras files are read and written from the model description, so they work whichever backend trained
// the model; this is the tfjs side of packages/layers/src/io/keras (fixtures made with real Keras there).
const FIXTURES = join(__dirname, '../../layers/src/io/keras/fixtures');

function maxAbsDifference(a: number[][], b: number[][]): number {
  return Math.max(...a.flatMap((row, i) => row.map((v, j) => Math.abs(v - b[i][j]))));
}

describe('Keras files with the tfjs backend', () => {
  beforeAll(() => initTfjs({ backend: 'cpu' }));

  it.each(['mlp.keras', 'mlp.h5'])('%s loaded and run on tfjs predicts as Keras did (to 1e-5)', async (file) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'mlp.predictions.json'), 'utf8')) as { inputs: number[][]; predictions: number[][] };
    const model = await loadModel(join(FIXTURES, file));
    model.compile({ loss: 'categoricalCrossentropy', optimizer: 'sgd', backend: 'tfjs' });
    await model.ready();
    expect(model.backendName).toBe('tfjs');
    expect(maxAbsDifference(model.predict(expected.inputs).toArray(), expected.predictions)).toBeLessThan(1e-5);
  });

  it('a model trained on tfjs saves as .keras and loads back with the same predictions', async () => {
    const model = new Sequential({ layers: [Dense(6, { inputShape: [4], activation: 'relu' }), Dropout(0.2), Dense(2, { activation: 'softmax' })], seed: 4 });
    model.compile({ loss: 'categoricalCrossentropy', optimizer: { name: 'adam', learningRate: 0.05 }, backend: 'tfjs' });
    const x = Array.from({ length: 16 }, (_, i) => [Math.sin(i), Math.cos(i), i / 16, 1 - i / 16]);
    const y = x.map((row) => (row[0] > 0 ? [1, 0] : [0, 1]));
    await model.fit(x, y, { epochs: 3, batchSize: 4, verbose: 0 });
    const file = join(mkdtempSync(join(tmpdir(), 'tfjs-keras-')), 'm.keras');
    await model.save(file);
    const loaded = await loadModel(file);
    expect(maxAbsDifference(loaded.predict(x).toArray(), model.predict(x).toArray())).toBeLessThan(1e-5);
  });
});
