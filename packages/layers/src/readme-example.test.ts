import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, Rng } from '@backprop/core';
import { clearSession, Dense, EarlyStopping, loadModel, SGD, Sequential } from './index';

// The README's example, run as written (fewer epochs, silent, into a temporary directory).
it('README example runs', async () => {
  clearSession();
  const rng = new Rng(1);
  const x = new Matrix(512, 784);
  const y = new Matrix(512, 10);
  for (let r = 0; r < 512; r++) {
    const label = rng.int(10);
    for (let c = 0; c < 784; c++) x.set(r, c, rng.uniform() * 0.5 + (Math.floor(c / 78) === label ? 0.5 : 0));
    y.set(r, label, 1);
  }
  const model = new Sequential({ seed: 42 });
  model.add(Dense(256, { inputShape: [784], activation: 'sigmoid' }));
  model.add(Dense(128, { activation: 'sigmoid' }));
  model.add(Dense(10, { activation: 'softmax' }));
  model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.5), metrics: ['accuracy'] });
  const lines: string[] = [];
  model.summary((line) => lines.push(line));
  expect(lines).toContain('Total params: 235,146');
  const H = await model.fit(x, y, {
    epochs: 3,
    batchSize: 32,
    validationSplit: 0.2,
    callbacks: [new EarlyStopping({ patience: 3, restoreBestWeights: true })],
    verbose: 0,
  });
  expect(H.history.val_accuracy).toHaveLength(3);
  const probs = model.predict(x, { batchSize: 128 });
  expect(probs.shape).toEqual([512, 10]);
  const [loss, acc] = await model.evaluate(x, y);
  expect(loss).toBeGreaterThan(0);
  expect(acc).toBeGreaterThan(0.1); // above chance after 3 epochs; the README trains for 20
  const dir = mkdtempSync(join(tmpdir(), 'backprop-readme-'));
  try {
    await model.save(`file://${dir}/my-model`);
    const again = await loadModel(`file://${dir}/my-model/model.json`);
    expect(Array.from(again.predict(x).data)).toEqual(Array.from(probs.data));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 300_000);
