import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createScratchProject } from './scratch-project';
import type { WorkerFixtureResult } from './worker-fixture';

describe('fitInWorker with Node worker_threads, from the built packages', () => {
  const project = createScratchProject();
  afterAll(() => project.remove());

  it('trains in @backprop/layers/fit-worker-thread to the weights of fit on the main thread, with progress in order, and stops', async () => {
    // The fixture compiled with @backprop/* left as requires, run by Node in a project outside the repo.
    await build({ entryPoints: [join(__dirname, 'worker-fixture.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: join(project.dir, 'worker-fixture.cjs'), logLevel: 'silent' });
    writeFileSync(
      join(project.dir, 'main.cjs'),
      [
        "const { Worker } = require('node:worker_threads');",
        "const worker = new Worker(require.resolve('@backprop/layers/fit-worker-thread'));",
        "require('./worker-fixture.cjs').runWorkerFixture(worker).then(async (r) => { console.log(JSON.stringify(r)); await worker.terminate(); });",
      ].join('\n'),
    );
    const result = JSON.parse(execFileSync(process.execPath, [join(project.dir, 'main.cjs')], { cwd: project.dir, encoding: 'utf8', env: process.env })) as WorkerFixtureResult;
    expect(result.workerKernels).toBe(result.kernels);
    expect(result.sameWeights).toBe(true);
    expect(result.workerLosses).toEqual(result.mainLosses);
    expect(result.workerLosses).toHaveLength(3);
    // 256 rows in batches of 32: 8 batches per epoch, every hook in Keras's order.
    const expected = ['trainBegin'];
    for (let epoch = 0; epoch < 3; epoch++) {
      expected.push(`epochBegin ${epoch}`);
      for (let batch = 0; batch < 8; batch++) expected.push(`batchBegin ${epoch}.${batch}`, `batchEnd ${epoch}.${batch}`);
      expected.push(`epochEnd ${epoch}`);
    }
    expected.push('trainEnd');
    expect(result.events).toEqual(expected);
    expect(result.stop.stopped).toBe(true);
    expect(result.stop.epochs).toBeGreaterThanOrEqual(1);
    expect(result.stop.epochs).toBeLessThan(100_000);
    expect(result.stop.sameAsCallbackStop).toBe(true);
  }, 120_000);

  it('loads the backends named in workerData.imports: a tfjs run in the worker matches one on the main thread', async () => {
    await build({ entryPoints: [join(__dirname, 'tfjs-fixture.ts')], bundle: true, platform: 'node', format: 'cjs', packages: 'external', outfile: join(project.dir, 'tfjs-fixture.cjs'), logLevel: 'silent' });
    writeFileSync(
      join(project.dir, 'tfjs-main.cjs'),
      [
        "const { Worker } = require('node:worker_threads');",
        "const { fitInWorker } = require('@backprop/layers');",
        "const { FIXTURE_COMPILE, fixtureData, fixtureModel } = require('./worker-fixture.cjs');",
        "const { runTfjsFixture } = require('./tfjs-fixture.cjs');",
        "const worker = new Worker(require.resolve('@backprop/layers/fit-worker-thread'), { workerData: { imports: ['@backprop/tfjs-adapter'] } });",
        '(async () => {',
        '  const { x, y } = fixtureData();',
        "  const r = await fitInWorker(worker, fixtureModel(), x, y, { compile: { ...FIXTURE_COMPILE, backend: 'tfjs' }, epochs: 2, batchSize: 32 }).result;",
        "  const main = await runTfjsFixture('wasm', 2);",
        '  console.log(JSON.stringify({ backend: r.backend, workerLosses: r.history.history.loss, main }));',
        '  await worker.terminate();',
        '})();',
      ].join('\n'),
    );
    const result = JSON.parse(execFileSync(process.execPath, [join(project.dir, 'tfjs-main.cjs')], { cwd: project.dir, encoding: 'utf8', env: { ...process.env, BACKPROP_TFJS_BACKEND: 'wasm' } }));
    expect(result.backend).toBe('tfjs');
    expect(result.main.tfjs).toMatch(/\(wasm/);
    expect(result.workerLosses).toEqual(result.main.losses);
  }, 120_000);
});
