import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleForBrowser } from './browser-bundle';
import { runInChromium } from './chromium-session';
import { findChromium } from './find-chromium';
import { serveFiles } from './static-server';
import { type FixtureResult, runTrainingFixture } from './training-fixture';

const chromium = findChromium();
const reports = join(__dirname, '..', 'reports');
if (!chromium) console.warn('No Chromium found (set CHROMIUM_PATH or install Debian’s chromium): the headless-Chromium tests are skipped.');
const describeInChromium = chromium ? describe : describe.skip;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>backprop in Chromium</title><link rel="icon" href="data:,">
<style>body{font:16px system-ui;margin:2em}td,th{padding:.2em 1em;text-align:right}</style></head>
<body><h1>@backprop/layers in headless Chromium</h1><p id="status">training…</p><table id="losses"></table>
<script src="bundle.js"></script>
<script>
globalThis.__training.then((r) => {
  document.getElementById('status').textContent = r.kernels + ', ' + navigator.userAgent.match(/Chrome\\/[\\d.]+/)[0];
  document.getElementById('losses').innerHTML = '<tr><th>epoch</th><th>loss</th></tr>' + r.losses.map((l, i) => '<tr><td>' + (i + 1) + '</td><td>' + l.toFixed(7) + '</td></tr>').join('');
});
</script></body></html>`;

describeInChromium('training in headless Chromium (Debian’s chromium through puppeteer-core)', () => {
  it('runs the bundled script on the WebAssembly kernels and gets the losses Node gets for the same seed', async () => {
    const bundle = await bundleForBrowser();
    const server = await serveFiles({ 'index.html': PAGE, 'bundle.js': bundle.code });
    mkdirSync(reports, { recursive: true });
    try {
      const run = await runInChromium(chromium!, [
        { goto: server.url },
        { evaluate: 'globalThis.__training', name: 'training' },
        { waitFor: "document.querySelectorAll('#losses tr').length > 1" },
        { screenshot: join(reports, 'chromium-training.png') },
      ], { width: 800, height: 420 });
      const inChromium = run.results.training as FixtureResult;
      const inNode = await runTrainingFixture();
      writeFileSync(join(reports, 'chromium-vs-node-losses.json'), `${JSON.stringify({ chromium: inChromium, node: inNode }, null, 2)}\n`);
      expect(run.errors).toEqual([]);
      expect(inChromium.kernels).toMatch(/^wasm kernels/);
      // Chromium runs the relaxed-SIMD (FMA) build where Node 20 runs plain SIMD or the js kernels:
      // fused multiply-adds round once instead of twice, so equality is to 5 decimals, not bitwise.
      inChromium.losses.forEach((loss, epoch) => expect(loss).toBeCloseTo(inNode.losses[epoch], 5));
    } finally {
      await server.close();
    }
  }, 180_000);
});
