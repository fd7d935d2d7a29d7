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
  itInChromium('shows the worked forward pass, trains XOR to 4/4, the 8×8 digits and MNIST in a worker with layer views and a confusion matrix, predicts a drawn digit, without console errors', async () => {
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
        { evaluate: "document.querySelectorAll('#layer-views canvas.heatmap').length", name: 'xorHeatmaps' },
        { screenshot: join(reports, 'playground-xor.png'), fullPage: true },
        // The 8×8 digits, chosen and started from the keyboard: focus the picker, pick, Enter on Train.
        { evaluate: "(() => { const s = document.getElementById('dataset'); s.focus(); s.value = 'digits'; s.dispatchEvent(new Event('change')); document.getElementById('hidden').value = '32'; document.getElementById('activation').value = 'relu'; document.getElementById('xor-train').focus(); return document.activeElement.id; })()", name: 'focused' },
        { press: 'Enter' },
        { waitFor: "document.getElementById('xor-status').textContent.startsWith('done')", timeout: 150_000 },
        { evaluate: "document.getElementById('xor-status').textContent", name: 'digitsStatus' },
        { evaluate: "document.getElementById('xor-accuracy').textContent", name: 'digitsAccuracy' },
        { evaluate: "[...document.querySelectorAll('#confusion tr')].slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)))", name: 'confusion' },
        { evaluate: "[...document.querySelectorAll('#layer-views canvas.heatmap')].map((c) => c.width + 'x' + c.height)", name: 'digitsHeatmaps' },
        { screenshot: join(reports, 'playground-digits-layers.png'), fullPage: true },
        // The MNIST subset, and Stop pressed together with Train (one task, so before the worker starts): it
        // ends before the first epoch, and the confusion matrix of the untrained network covers the 500 test digits.
        { evaluate: "(() => { document.getElementById('dataset').value = 'mnist'; document.getElementById('xor-train').click(); document.getElementById('xor-stop').click(); return true; })()", name: 'startedAndStopped' },
        { waitFor: "document.getElementById('xor-status').textContent.startsWith('stopped')", timeout: 150_000 },
        { evaluate: "document.querySelector('#confusion caption').textContent", name: 'mnistConfusion' },
        { evaluate: "document.getElementById('xor-status').textContent", name: 'mnistStopped' },
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
      expect(run.results.xorHeatmaps).toBe(6);
      expect(run.results.focused).toBe('xor-train');
      expect(run.results.digitsStatus).toMatch(/^done after 20 epochs, loss \d+\.\d{4}$/);
      // 300 held-out digits: the confusion matrix's cells add up to them, its diagonal to the accuracy shown.
      const confusion = run.results.confusion as number[][];
      expect(confusion).toHaveLength(10);
      expect(confusion.flat().reduce((a, b) => a + b, 0)).toBe(300);
      const diagonal = confusion.reduce((sum, row, i) => sum + row[i], 0);
      expect(run.results.digitsAccuracy).toBe(`${diagonal}/300`);
      expect(diagonal).toBeGreaterThan(240);
      // Per layer: weights and gradients (inputs × units, as canvas width × height = units × inputs), activations (10 probe rows × units).
      expect(run.results.digitsHeatmaps).toEqual(['32x64', '32x64', '32x10', '10x32', '10x32', '10x10']);
      expect(run.results.mnistStopped).toBe('stopped before the first epoch');
      expect(run.results.mnistConfusion).toBe('Confusion matrix on the 500 test digits before training');
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
