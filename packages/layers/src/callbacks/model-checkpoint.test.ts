import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { Dense, loadModel, SGD, Sequential } from '../index';
import { formatFilepath, ModelCheckpoint } from './model-checkpoint';

describe('ModelCheckpoint', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backprop-ckpt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('formats Keras-style filepath fields', () => {
    expect(formatFilepath('ckpt/e{epoch:02d}-{val_loss:.2f}-{epoch}', 3, { val_loss: 0.12345 })).toBe('ckpt/e03-0.12-3');
    expect(() => formatFilepath('{val_acc}', 1, {})).toThrow(/\{val_acc\} is not available/);
  });

  it('saves every epoch, or only improvements with saveBestOnly', async () => {
    const x = new Matrix(12, 2, Float32Array.from({ length: 24 }, (_, i) => (i % 5) / 5));
    const y = new Matrix(12, 1, Float32Array.from({ length: 12 }, (_, i) => (i % 3) / 3));
    const model = new Sequential({ layers: [Dense(4, { inputShape: [2], activation: 'tanh' }), Dense(1)] });
    model.compile({ loss: 'mse', optimizer: SGD(0.1) });
    const every = new ModelCheckpoint({ filepath: `file://${dir}/every-{epoch:02d}` });
    const saved: number[] = [];
    const best = new (class extends ModelCheckpoint {
      override async onEpochEnd(epoch: number, logs: Record<string, number>) {
        const before = this.best;
        await super.onEpochEnd(epoch, logs);
        if (this.best !== before) saved.push(epoch);
      }
    })({ filepath: join(dir, 'best'), monitor: 'val_loss', saveBestOnly: true });
    const h = await model.fit(x, y, { epochs: 4, validationData: [x, y], callbacks: [every, best], verbose: 0 });
    expect(readdirSync(dir).sort()).toEqual(['best', 'every-01', 'every-02', 'every-03', 'every-04']);
    const losses = h.history.val_loss;
    expect(saved).toEqual(losses.map((_, i) => i).filter((i) => losses[i] < Math.min(Infinity, ...losses.slice(0, i))));
    const reloaded = await loadModel(`file://${dir}/every-04`);
    expect(Array.from(reloaded.predict(x).data)).toEqual(Array.from(model.predict(x).data));
    const bestJson = JSON.parse(readFileSync(join(dir, 'best', 'model.json'), 'utf8'));
    expect(bestJson.format).toBe('layers-model');
    expect(existsSync(join(dir, 'best', bestJson.weightsManifest[0].paths[0]))).toBe(true);
  });
});
