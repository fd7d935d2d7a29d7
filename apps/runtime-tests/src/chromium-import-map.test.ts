import { runInChromium } from './chromium-session';
import { findChromium } from './find-chromium';
import { importMapSite } from './import-map-page';
import { serveFiles } from './static-server';
import { type FixtureResult, runTrainingFixture } from './training-fixture';

const chromium = findChromium();
const describeInChromium = chromium ? describe : describe.skip;

describeInChromium('a plain <script type="module"> page importing the dist folders through an import map', () => {
  it('loads @backprop/layers and @backprop/core unbundled and trains to the losses Node gets', async () => {
    const server = await serveFiles(await importMapSite());
    try {
      const run = await runInChromium(chromium!, [
        { goto: server.url },
        { waitFor: 'globalThis.__training !== undefined' },
        { evaluate: 'globalThis.__training', name: 'training' },
      ]);
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
