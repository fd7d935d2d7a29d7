import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Dense, Sequential } from '@backprop/layers';
import { runInChromium } from '@backprop/runtime-tests/src/chromium-session';
import { findChromium } from '@backprop/runtime-tests/src/find-chromium';
import { serveFiles } from '@backprop/runtime-tests/src/static-server';

const chromium = findChromium();
const dist = join(__dirname, '..', 'dist');
const reports = join(__dirname, '..', 'reports');
if (!chromium) console.warn('No Chromium found (set CHROMIUM_PATH or install Debian’s chromium): the playground test is skipped.');
const itInChromium = chromium ? it : it.skip;

/** Every file of the built page (`pnpm build` ran first: turbo's test task depends on build). */
function builtFiles(dir = dist): Record<string, Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) Object.assign(files, builtFiles(path));
    else files[relative(dist, path)] = readFileSync(path);
  }
  return files;
}

describe('the playground in headless Chromium', () => {
  itInChromium('shows the worked forward pass, trains XOR to 4/4, trains on MNIST and predicts a drawn digit, without console errors', async () => {
    mkdirSync(reports, { recursive: true });
    // A model saved the way `backprop-mnist train --save` saves one (Sequential.save, tfjs layers format:
    // model.json and the weights file its manifest names).
    const saved = mkdtempSync(join(tmpdir(), 'backprop-playground-'));
    const cliModel = new Sequential({ seed: 3, layers: [Dense(16, { inputShape: [784], activation: 'relu' }), Dense(10, { activation: 'softmax' })] });
    await cliModel.save(saved);
    const server = await serveFiles(builtFiles());
    try {
      const run = await runInChromium(chromium!, [
        { goto: server.url },
        { waitFor: "document.getElementById('kernels').textContent !== '…'" },
        { evaluate: "document.getElementById('kernels').textContent", name: 'kernels' },
        { evaluate: "document.querySelector('#worked-diagram svg').textContent", name: 'worked' },
        { click: '#xor-train' },
        { waitFor: "document.getElementById('xor-status').textContent.startsWith('done')", timeout: 120_000 },
        { evaluate: "document.getElementById('xor-accuracy').textContent", name: 'xor' },
        { screenshot: join(reports, 'playground-xor.png'), fullPage: true },
        { click: '#mnist-train' },
        { waitFor: "document.getElementById('mnist-status').textContent.startsWith('trained')", timeout: 150_000 },
        { evaluate: "document.getElementById('mnist-status').textContent", name: 'mnist' },
        // A "7": a bar across the top, then a stroke down to the lower left.
        { drag: '#pad', points: [[70, 60], [210, 60], [190, 110], [140, 240]] },
        { evaluate: "document.getElementById('prediction').textContent", name: 'prediction' },
        { screenshot: join(reports, 'playground-digit.png'), fullPage: true },
        { upload: '#model-files', files: readdirSync(saved).map((name) => join(saved, name)) },
        { waitFor: "document.getElementById('mnist-status').textContent.startsWith('loaded')" },
        { evaluate: "document.getElementById('mnist-status').textContent", name: 'loaded' },
        { evaluate: "document.getElementById('prediction').textContent", name: 'loadedPrediction' },
      ], { width: 1100, height: 1400 });
      expect(run.errors).toEqual([]);
      expect(run.results.kernels).toMatch(/^wasm kernels/);
      // The tutorial's numbers, computed in the page by the engine.
      for (const value of ['0.899', '0.593', '0.378', '0.506']) expect(run.results.worked).toContain(value);
      expect(run.results.xor).toBe('4/4');
      expect(run.results.mnist).toMatch(/^trained: \d+\.\d % on 500 test digits$/);
      expect(run.results.prediction).toMatch(/^[0-9]$/);
      expect(run.results.loaded).toMatch(/^loaded (model\.json|weights\.[0-9a-f]+\.bin) \+ (model\.json|weights\.[0-9a-f]+\.bin): 12,730 parameters$/);
      expect(run.results.loadedPrediction).toMatch(/^[0-9]$/);
      console.log(`playground: ${run.results.kernels}; ${run.results.mnist}; the drawn 7 was read as ${run.results.prediction}`);
    } finally {
      await server.close();
      rmSync(saved, { recursive: true, force: true });
    }
  }, 300_000);
});
