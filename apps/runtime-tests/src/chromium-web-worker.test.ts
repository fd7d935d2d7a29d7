import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleForBrowser } from './browser-bundle';
import { runInChromium } from './chromium-session';
import { findChromium } from './find-chromium';
import { serveFiles } from './static-server';
import { runTrainingFixture } from './training-fixture';
import type { WorkerFixtureResult } from './worker-fixture';

const chromium = findChromium();
const reports = join(__dirname, '..', 'reports');
const describeInChromium = chromium ? describe : describe.skip;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>fitInWorker in Chromium</title><link rel="icon" href="data:,"></head>
<body><h1>fit in a Web Worker</h1><p id="status">training in a worker…</p><script src="main.js"></script></body></html>`;

describeInChromium('fitInWorker in a Web Worker in headless Chromium', () => {
  it('trains in the worker to the weights of the page’s own fit, with progress in order, stops, and matches Node’s losses', async () => {
    const [main, worker] = await Promise.all([bundleForBrowser('web-worker-page-entry.ts'), bundleForBrowser('web-worker-entry.ts')]);
    const server = await serveFiles({ 'index.html': PAGE, 'main.js': main.code, 'worker.js': worker.code });
    try {
      const run = await runInChromium(chromium!, [{ goto: server.url }, { evaluate: 'globalThis.__workerFit', name: 'fit' }]);
      expect(run.errors).toEqual([]);
      const result = run.results.fit as WorkerFixtureResult;
      const inNode = await runTrainingFixture();
      mkdirSync(reports, { recursive: true });
      writeFileSync(join(reports, 'chromium-web-worker.json'), `${JSON.stringify({ chromium: result, node: inNode }, null, 2)}\n`);
      expect(result.workerKernels).toMatch(/^wasm kernels/);
      expect(result.workerKernels).toBe(result.kernels);
      expect(result.sameWeights).toBe(true);
      expect(result.workerLosses).toEqual(result.mainLosses);
      expect(result.events.slice(0, 4)).toEqual(['trainBegin', 'epochBegin 0', 'batchBegin 0.0', 'batchEnd 0.0']);
      expect(result.events.at(-2)).toBe('epochEnd 2');
      expect(result.events).toHaveLength(1 + 3 * (2 + 16) + 1);
      expect(result.stop).toMatchObject({ stopped: true, sameAsCallbackStop: true });
      expect(result.stop.epochs).toBeLessThan(100_000);
      // Chromium's relaxed-SIMD (FMA) kernels round differently from Node's: equal to 5 decimals, as chromium-training.test.ts.
      result.workerLosses.forEach((loss, epoch) => expect(loss).toBeCloseTo(inNode.losses[epoch], 5));
    } finally {
      await server.close();
    }
  }, 180_000);
});
