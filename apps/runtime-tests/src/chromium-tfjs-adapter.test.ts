import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleForBrowser } from './browser-bundle';
import { runInChromium } from './chromium-session';
import { findChromium } from './find-chromium';
import { serveFiles } from './static-server';
import { runTfjsFixture, type TfjsFixtureResult } from './tfjs-fixture';

const chromium = findChromium();
const reports = join(__dirname, '..', 'reports');
const describeInChromium = chromium ? describe : describe.skip;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>@backprop/tfjs-adapter in Chromium</title><link rel="icon" href="data:,"></head>
<body><h1>@backprop/tfjs-adapter in headless Chromium</h1><script src="bundle.js"></script></body></html>`;

/** tfjs-backend-wasm's .wasm builds, as a page would copy them into its own static files. */
function tfjsWasmFiles(): Record<string, Uint8Array> {
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  return Object.fromEntries(readdirSync(dist).filter((f) => f.endsWith('.wasm')).map((f) => [`tfjs/${f}`, readFileSync(join(dist, f))]));
}

describe('esbuild --bundle --platform=browser of a script using @backprop/tfjs-adapter', () => {
  it('bundles with zero configuration from the adapter’s browser build, without Node-only modules', async () => {
    const bundle = await bundleForBrowser('tfjs-browser-entry.ts');
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs).toEqual(expect.arrayContaining([expect.stringMatching(/packages\/tfjs-adapter\/dist\/index\.browser\.mjs$/)]));
    expect(inputs.filter((file) => /^node:|packages\/(core|layers|tfjs-adapter)\/dist\/index\.m?js$/.test(file))).toEqual([]);
    expect(bundle.code).not.toMatch(/process\.env\.BACKPROP|createRequire|consumerRequire/);
    // Minified bytes per package: most of the bundle is TensorFlow.js itself.
    const byPackage: Record<string, number> = {};
    for (const output of Object.values(bundle.metafile.outputs)) {
      for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
        const name = /packages\/([a-z-]+)\/dist|(@tensorflow\/[a-z-]+)/.exec(file);
        const key = name ? (name[1] ? `@backprop/${name[1]}` : name[2]) : 'other';
        byPackage[key] = (byPackage[key] ?? 0) + bytesInOutput;
      }
    }
    mkdirSync(reports, { recursive: true });
    writeFileSync(
      join(reports, 'bundle-size-tfjs-adapter.json'),
      `${JSON.stringify({ script: 'src/tfjs-browser-entry.ts (tfjs + tfjs-backend-wasm + @backprop/tfjs-adapter, fit on cpu and wasm)', minifiedBytes: bundle.minifiedBytes, gzipBytes: bundle.gzipBytes, byPackage }, null, 2)}\n`,
    );
  });
});

describeInChromium('@backprop/tfjs-adapter training in headless Chromium', () => {
  it('trains on tfjs’s cpu and wasm backends (.wasm from the page’s own files) to the losses Node gets', async () => {
    const bundle = await bundleForBrowser('tfjs-browser-entry.ts');
    const server = await serveFiles({ 'index.html': PAGE, 'bundle.js': bundle.code, ...tfjsWasmFiles() });
    try {
      const run = await runInChromium(chromium!, [{ goto: server.url }, { evaluate: 'globalThis.__tfjsTraining', name: 'training' }]);
      expect(run.errors).toEqual([]);
      const inChromium = run.results.training as { cpu: TfjsFixtureResult; wasm: TfjsFixtureResult };
      const inNode = { cpu: await runTfjsFixture('cpu'), wasm: await runTfjsFixture('wasm') };
      mkdirSync(reports, { recursive: true });
      writeFileSync(join(reports, 'chromium-tfjs-adapter.json'), `${JSON.stringify({ chromium: inChromium, node: inNode }, null, 2)}\n`);
      expect(inChromium.cpu.tfjs).toMatch(/^tfjs 4\.\d+\.\d+ \(cpu\)$/);
      expect(inChromium.wasm.tfjs).toMatch(/^tfjs 4\.\d+\.\d+ \(wasm, (no )?SIMD/);
      for (const backend of ['cpu', 'wasm'] as const) {
        expect(inChromium[backend].losses).toHaveLength(3);
        expect(inChromium[backend].losses[2]).toBeLessThan(inChromium[backend].losses[0]);
        inChromium[backend].losses.forEach((loss, epoch) => expect(loss).toBeCloseTo(inNode[backend].losses[epoch], 5));
      }
    } finally {
      await server.close();
    }
  }, 180_000);
});
