import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { runInChromium } from './chromium-session';
import { findChromium } from './find-chromium';
import { createScratchProject } from './scratch-project';
import { serveFiles } from './static-server';
import { type FixtureResult, runTrainingFixture } from './training-fixture';
import { buildWithWebpack, type WebpackResult } from './webpack-build';

const chromium = findChromium();
const reports = join(__dirname, '..', 'reports');
const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>webpack</title><link rel="icon" href="data:,"></head><body><script src="main.js"></script></body></html>';

describe('webpack 5 with zero configuration, a script importing @backprop/layers', () => {
  const project = createScratchProject();
  let built: WebpackResult;
  beforeAll(async () => {
    built = await buildWithWebpack(project.dir);
  }, 180_000);
  afterAll(() => project.remove());

  it('builds in production mode without errors or warnings, from the browser builds', () => {
    mkdirSync(reports, { recursive: true });
    writeFileSync(join(reports, 'bundle-size-webpack.json'), `${JSON.stringify({ script: 'webpack 5, mode production, src/index.js running the training fixture', minifiedBytes: built.minifiedBytes, gzipBytes: built.gzipBytes, warnings: built.warnings }, null, 2)}\n`);
    expect(built.errors).toEqual([]);
    // webpack warns about nothing: no Node built-in to polyfill, no dynamic require, no size hint it cannot place.
    expect(built.warnings.filter((w) => !/asset size limit|entrypoint size limit|performance/i.test(w))).toEqual([]);
    expect(built.modules).toEqual(expect.arrayContaining([expect.stringMatching(/packages\/layers\/dist\/index\.browser\.mjs$/), expect.stringMatching(/packages\/core\/dist\/index\.browser\.mjs$/)]));
    expect(built.modules.filter((m) => /^node:|packages\/(core|layers)\/dist\/index\.m?js$/.test(m))).toEqual([]);
  });

  it('trains with only web globals to the losses Node gets', async () => {
    const web = { atob, btoa, console, setTimeout, clearTimeout, queueMicrotask, performance, MessageChannel, URL, TextEncoder, TextDecoder };
    const context: Record<string, unknown> = { ...web };
    context.globalThis = context;
    runInNewContext(built.code, context);
    const inContext = (await context.__training) as FixtureResult;
    const inNode = await runTrainingFixture();
    expect(inContext.kernels).toMatch(/^wasm kernels/);
    inContext.losses.forEach((loss, epoch) => expect(loss).toBeCloseTo(inNode.losses[epoch], 5));
  });

  (chromium ? it : it.skip)('trains in headless Chromium to the losses Node gets', async () => {
    const server = await serveFiles({ 'index.html': PAGE, 'main.js': built.code });
    try {
      const run = await runInChromium(chromium!, [{ goto: server.url }, { evaluate: 'globalThis.__training', name: 'training' }]);
      expect(run.errors).toEqual([]);
      const inChromium = run.results.training as FixtureResult;
      const inNode = await runTrainingFixture();
      expect(inChromium.kernels).toMatch(/^wasm kernels/);
      inChromium.losses.forEach((loss, epoch) => expect(loss).toBeCloseTo(inNode.losses[epoch], 5));
    } finally {
      await server.close();
    }
  }, 120_000);
});

