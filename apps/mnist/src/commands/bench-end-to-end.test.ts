import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'node-html-parser';
import { main, reportError } from '../cli';
import { validateResults } from '../results/results-schema';

const quiet = () => {};

describe('backprop-mnist bench, end to end on 1,000 images', () => {
  it('trains both engines from the same start and writes a valid results JSON and report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-bench-'));
    const json = join(dir, 'results.json');
    const log = jest.spyOn(console, 'log').mockImplementation(quiet);
    try {
      const code = await main(['bench', '--limit', '1000', '--epochs', '1', '--verbose', '0', '--json', json, '--report', join(dir, 'report')]);
      expect(code).toBe(0);
      const printed = log.mock.calls.map((c) => String(c[0])).join('\n');
      expect(printed).toMatch(/scratch is [\d.]+× (faster|slower) than tfjs/);
    } finally {
      log.mockRestore();
    }
    const doc = validateResults(JSON.parse(readFileSync(json, 'utf8')));
    expect(doc.results.map((r) => r.engine)).toEqual(['scratch', 'tfjs']);
    expect(doc.settings).toMatchObject({ trainSize: 1000, testSize: 1000, epochs: 1, limit: 1000 });
    const [scratch, tfjs] = doc.results;
    // Same initial weights, same batches: the two engines agree to float32 rounding.
    expect(Math.abs(scratch.trainLoss - tfjs.trainLoss)).toBeLessThan(1e-3);
    expect(Math.abs(scratch.testAccuracy - tfjs.testAccuracy)).toBeLessThanOrEqual(0.002);
    expect(scratch.testAccuracy).toBeGreaterThan(0.6);
    // The agreement check ran first: same start, same batches, weights within 1e-4 after 50 steps.
    expect(doc.parity).toMatchObject({ optimizer: 'sgd 0.01', steps: 50, passed: true, failures: [] });
    expect(doc.parity!.maxWeightDiff).toBeLessThan(1e-4);
    expect(doc.environment.tfjsSkipped).toEqual(expect.arrayContaining([expect.stringMatching(/^node: /)]));
    const html = parse(readFileSync(join(dir, 'report', 'index.html'), 'utf8'));
    expect(html.querySelectorAll('svg').length).toBeGreaterThanOrEqual(4);
    expect(html.querySelector('p.parity')?.text).toMatch(/^engine parity \(sgd 0\.01\) over 50 steps/);
  }, 300_000);

  it('stops cleanly on Ctrl-C and still writes the results gathered so far', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-sigint-'));
    const json = join(dir, 'results.json');
    // The built CLI, as a user runs it (turbo builds the app before its tests); tsx would stand between
    // the signal and the program.
    const cli = resolve(__dirname, '../../dist/cli.js');
    const child = spawn(process.execPath, [cli, 'bench', '--engines', 'scratch', '--limit', '6000', '--epochs', '1000', '--verbose', '2', '--json', json], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const watch = (d: Buffer) => {
      out += d;
      if (/Epoch 2\//.test(out) && !child.killed) child.kill('SIGINT');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    const guard = setTimeout(() => child.kill('SIGKILL'), 280_000);
    const code = await new Promise<number | null>((done) => child.on('close', done));
    clearTimeout(guard);
    expect(code).toBe(0);
    expect(existsSync(json)).toBe(true);
    const doc = validateResults(JSON.parse(readFileSync(json, 'utf8')));
    expect(doc.results[0].interrupted).toBe(true);
    expect(doc.results[0].epochs).toBeGreaterThanOrEqual(1);
    expect(doc.results[0].epochs).toBeLessThan(1000);
  }, 300_000);

  it('one clear line and a non-zero exit code for a model that does not take 784 inputs', async () => {
    const { Sequential, Dense, SGD } = await import('@backprop/layers');
    const dir = mkdtempSync(join(tmpdir(), 'mnist-badmodel-'));
    const model = new Sequential();
    model.add(Dense(10, { inputShape: [64], activation: 'softmax' }));
    model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.1) });
    await model.save(`file://${dir}`);
    const err = jest.spyOn(console, 'error').mockImplementation(quiet);
    try {
      let code = 0;
      try {
        await main(['eval', join(dir, 'model.json'), '--limit', '100']);
      } catch (error) {
        code = reportError(error);
      }
      expect(code).not.toBe(0);
      expect(err).toHaveBeenCalledTimes(1);
      expect(String(err.mock.calls[0][0])).toMatch(/^backprop-mnist: .*64.*784|^backprop-mnist: .*784.*64/);
    } finally {
      err.mockRestore();
    }
  }, 300_000);
});
