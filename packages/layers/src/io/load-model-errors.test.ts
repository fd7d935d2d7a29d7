import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackpropError, FileAccessError, ModelFormatError } from '@backprop/core';
import { clearSession, Dense, loadModel, Sequential } from '../index';
import type { ModelJson } from './model-json';

/**
 * Runs `fn` while every Float32Array and Uint8Array created (plain, `from`, subarrays) is recorded, and
 * returns the largest length seen: the memory a failing load allocated before it threw.
 */
async function largestTypedArray(fn: () => Promise<unknown>): Promise<number> {
  const originals = { Float32Array: globalThis.Float32Array, Uint8Array: globalThis.Uint8Array };
  let largest = 0;
  const record = <T extends new (...args: never[]) => { length: number }>(Base: T): T =>
    class extends (Base as unknown as new (...args: unknown[]) => { length: number }) {
      constructor(...args: unknown[]) {
        super(...args);
        largest = Math.max(largest, this.length);
      }
    } as unknown as T;
  globalThis.Float32Array = record(originals.Float32Array);
  globalThis.Uint8Array = record(originals.Uint8Array);
  try {
    await fn();
  } finally {
    Object.assign(globalThis, originals);
  }
  return largest;
}

describe('loadModel: every malformed folder is a typed error, found before allocating', () => {
  let dir: string;
  let json: ModelJson;
  let bin: Buffer;
  let weightsFile: string;
  beforeEach(async () => {
    clearSession();
    dir = mkdtempSync(join(tmpdir(), 'backprop-load-'));
    await new Sequential({ seed: 4, layers: [Dense(5, { inputShape: [3], activation: 'relu' }), Dense(2)] }).save(dir);
    json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
    weightsFile = json.weightsManifest[0].paths[0];
    bin = readFileSync(join(dir, weightsFile));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Load `json` from a new folder that also holds the saved weights file (under `weightsFile`). */
  const load = (j: unknown, extra: (target: string) => void = () => {}) => {
    const target = mkdtempSync(join(dir, 'case-'));
    writeFileSync(join(target, 'model.json'), JSON.stringify(j));
    writeFileSync(join(target, weightsFile), bin);
    extra(target);
    return loadModel(target);
  };
  const withPaths = (paths: unknown) => ({ ...json, weightsManifest: [{ ...json.weightsManifest[0], paths }] });
  const withWeights = (weights: unknown) => ({ ...json, weightsManifest: [{ ...json.weightsManifest[0], weights }] });

  it('hostile or malformed weight paths are ModelFormatErrors: ".", "weights.bin/", empty segments, absolute, drives, "..", NUL', async () => {
    for (const path of ['.', `${weightsFile}/`, './', `sub//${weightsFile}`, '', '/etc/passwd', 'C:\\w.bin', '\\\\server\\share\\w.bin', '..', 'sub/../../w.bin', 'w\0.bin', 'file:///etc/passwd', 42, null]) {
      await expect(load(withPaths([path]))).rejects.toThrow(ModelFormatError);
    }
    await expect(load(withPaths(['.']))).rejects.toThrow(/weight path "\." must be a relative path to a file inside the model's directory/);
  });

  it('unreadable files are FileAccessErrors naming the path: model.json a directory, weights missing, a directory, under a file', async () => {
    mkdirSync(join(dir, 'dir-json', 'model.json'), { recursive: true });
    await expect(loadModel(join(dir, 'dir-json'))).rejects.toThrow(
      expect.objectContaining({ name: 'FileAccessError', code: 'EISDIR', path: join(dir, 'dir-json', 'model.json') }),
    );
    await expect(load(withPaths(['gone.bin']))).rejects.toThrow(/Cannot read weights file ".*gone\.bin": ENOENT \(it does not exist\); expected a file of float32 weights, as the weightsManifest of ".*model\.json" names it/);
    await expect(load(withPaths(['sub']), (t) => mkdirSync(join(t, 'sub')))).rejects.toThrow(expect.objectContaining({ name: 'FileAccessError', code: 'EISDIR' }));
    await expect(load(withPaths([`${weightsFile}/x.bin`]))).rejects.toThrow(expect.objectContaining({ name: 'FileAccessError', code: 'ENOTDIR' }));
  });

  it('a file listed many times cannot multiply memory: refused before any file is read', async () => {
    const paths = Array.from({ length: 5000 }, () => weightsFile);
    let error: unknown;
    const largest = await largestTypedArray(() => load(withPaths(paths)).catch((e: unknown) => (error = e)));
    expect(error).toBeInstanceOf(ModelFormatError);
    expect((error as Error).message).toMatch(`weight path "${weightsFile}" is listed twice in the weightsManifest; expected each file once`);
    expect(largest).toBeLessThan(100_000);
  });

  it('declared shapes far beyond the weights file fail before any weight is allocated', async () => {
    const layers = json.modelTopology.config.layers;
    const huge = {
      ...json,
      modelTopology: { ...json.modelTopology, config: { ...json.modelTopology.config, layers: [{ ...layers[0], config: { ...layers[0].config, units: 3000, batch_input_shape: [null, 3000] } }, layers[1]] } },
      weightsManifest: [
        {
          paths: [weightsFile],
          weights: [
            { name: `${layers[0].config.name}/kernel`, shape: [3000, 3000], dtype: 'float32' },
            { name: `${layers[0].config.name}/bias`, shape: [3000], dtype: 'float32' },
            { name: `${layers[1].config.name}/kernel`, shape: [3000, 2], dtype: 'float32' },
            { name: `${layers[1].config.name}/bias`, shape: [2], dtype: 'float32' },
          ],
        },
      ],
    };
    let error: unknown;
    const largest = await largestTypedArray(() => load(huge).catch((e: unknown) => (error = e)));
    expect(error).toBeInstanceOf(ModelFormatError);
    expect((error as Error).message).toMatch(`hold ${bin.length} bytes, too few for weight "${layers[0].config.name}/kernel" (needs bytes up to 36000000; the manifest describes 36036008)`);
    expect(largest).toBeLessThan(100_000);
    const astronomical = withWeights(json.weightsManifest[0].weights.map((w, i) => (i === 0 ? { ...w, shape: [2 ** 40, 2 ** 40] } : w)));
    await expect(load(astronomical)).rejects.toThrow(/too few for weight/);
  });

  it('malformed manifests and specs are ModelFormatErrors, never TypeErrors', async () => {
    const w = json.weightsManifest[0].weights;
    const cases: unknown[] = [
      { ...json, weightsManifest: undefined },
      { ...json, weightsManifest: {} },
      { ...json, weightsManifest: [null] },
      { ...json, weightsManifest: [{ paths: weightsFile, weights: w }] },
      withWeights([null, ...w.slice(1)]),
      withWeights([{ ...w[0], name: 42 }, ...w.slice(1)]),
      withWeights([{ ...w[0], shape: 'big' }, ...w.slice(1)]),
      withWeights([{ ...w[0], shape: [3, -5] }, ...w.slice(1)]),
      withWeights([{ ...w[0], shape: [1e300] }, ...w.slice(1)]),
      withWeights([{ ...w[0], shape: [1, 1, 1, 1, 1, 1, 1, 1, 1, 15] }, ...w.slice(1)]),
      withWeights([{ ...w[0], dtype: 'int32' }, ...w.slice(1)]),
      withWeights([w[0], w[0], ...w.slice(1)]),
      { ...json, weightsManifest: [{ paths: [], weights: w }] },
      { ...json, modelTopology: null },
      { ...json, modelTopology: { ...json.modelTopology, config: { layers: [{ class_name: 'Dense', config: { units: 'five', batch_input_shape: [null, 3] } }] } } },
      { ...json, modelTopology: { ...json.modelTopology, config: { layers: [{ class_name: 'Dense', config: { units: 1e12, batch_input_shape: [null, 1e12] } }] } } },
    ];
    for (const c of cases) {
      const error = await load(c).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackpropError);
      expect(error).not.toBeInstanceOf(FileAccessError);
    }
  });
});
