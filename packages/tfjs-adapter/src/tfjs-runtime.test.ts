import { BackpropError, UnknownNameError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsBackendUnavailableError } from './errors';
import { describeTfjs, getTfjsInfo, initTfjs, TFJS_BACKEND_ENV } from './tfjs-runtime';

const NODE = '@tensorflow/tfjs-node';
const WASM = '@tensorflow/tfjs-backend-wasm';

/** A loader that behaves like `require`, except for the packages given, which fail as told. */
function loader(failures: Record<string, Error>): (name: string) => unknown {
  return (name) => {
    if (failures[name]) throw failures[name];
    return require(name);
  };
}

function missing(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}'`), { code: 'MODULE_NOT_FOUND' });
}

// The tests run in order: the runtime keeps one selection per process, as tfjs keeps one engine.
describe('initTfjs: choosing the TensorFlow.js backend', () => {
  const saved = process.env[TFJS_BACKEND_ENV];
  afterEach(() => {
    if (saved === undefined) delete process.env[TFJS_BACKEND_ENV];
    else process.env[TFJS_BACKEND_ENV] = saved;
  });

  test('getTfjsInfo before any initialisation says what to call', () => {
    expect(() => getTfjsInfo()).toThrow(BackpropError);
    expect(() => getTfjsInfo()).toThrow(/await initTfjs\(\)/);
  });

  test('forcing tfjs-node where it is not installed is a typed error naming what to install', async () => {
    const attempt = initTfjs({ backend: 'node' });
    await expect(attempt).rejects.toThrow(TfjsBackendUnavailableError);
    await expect(initTfjs({ backend: 'node' })).rejects.toThrow(/"node".*@tensorflow\/tfjs-node is not installed.*pnpm add @tensorflow\/tfjs-node/);
  });

  test(`${TFJS_BACKEND_ENV}=node forces it too; an unknown value lists the valid ones`, async () => {
    process.env[TFJS_BACKEND_ENV] = 'node';
    await expect(initTfjs()).rejects.toThrow(TfjsBackendUnavailableError);
    process.env[TFJS_BACKEND_ENV] = 'gpu';
    await expect(initTfjs()).rejects.toThrow(UnknownNameError);
    await expect(initTfjs()).rejects.toThrow(/expected one of: auto, node, wasm, cpu/);
  });

  test('forcing wasm when its package is missing fails the same way', async () => {
    await expect(initTfjs({ backend: 'wasm', loadModule: loader({ [WASM]: missing(WASM) }) })).rejects.toThrow(
      /"wasm".*@tensorflow\/tfjs-backend-wasm is not installed/,
    );
  });

  test('auto: tfjs-node absent → wasm (SIMD), quietly, with the reason recorded', async () => {
    const warn = jest.fn();
    const info = await initTfjs({ backend: 'auto', warn });
    expect(info).toMatchObject({ backend: 'wasm', tfBackend: 'wasm', version: tf.version_core, simd: true });
    expect(info.threads).toBeGreaterThanOrEqual(1);
    expect(info.skipped).toEqual([{ backend: 'node', reason: `${NODE} is not installed` }]);
    expect(warn).not.toHaveBeenCalled();
    expect(tf.getBackend()).toBe('wasm');
    expect(describeTfjs()).toBe(`tfjs ${tf.version_core} (wasm, SIMD)`);
  });

  test('a later initTfjs() without a backend keeps what runs, even with the variable set', async () => {
    const info = getTfjsInfo();
    process.env[TFJS_BACKEND_ENV] = 'cpu';
    expect(await initTfjs()).toBe(info);
  });

  test('auto: tfjs-node installed but broken → a logged fallback to wasm, never a crash', async () => {
    const warn = jest.fn();
    const broken = new Error('libtensorflow.so.2: cannot open shared object file: No such file or directory');
    const info = await initTfjs({ backend: 'auto', warn, loadModule: loader({ [NODE]: broken }) });
    expect(info.backend).toBe('wasm');
    expect(info.skipped[0].reason).toBe(`${NODE} is installed but failed to load: ${broken.message}`);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/node backend failed .*libtensorflow.*falling back/);
  });

  test('auto: tfjs-node that registers no backend, and a broken wasm → cpu, both reasons reported', async () => {
    const warn = jest.fn();
    const info = await initTfjs({
      backend: 'auto',
      warn,
      loadModule: (name) => {
        if (name === NODE) return {};
        if (name === WASM) throw new Error('wasm module corrupt');
        return require(name);
      },
    });
    expect(info.backend).toBe('cpu');
    expect(info.skipped.map((s) => s.backend)).toEqual(['node', 'wasm']);
    expect(info.skipped[0].reason).toMatch(/registered no "tensorflow" backend/);
    expect(info.skipped[1].reason).toMatch(/wasm module corrupt/);
    expect(warn).toHaveBeenCalledTimes(2);
    expect(tf.getBackend()).toBe('cpu');
    expect(describeTfjs()).toBe(`tfjs ${tf.version_core} (cpu)`);
  });

  test('an explicit backend switches; asking for the running one is a no-op', async () => {
    expect((await initTfjs({ backend: 'wasm' })).backend).toBe('wasm');
    const info = getTfjsInfo();
    expect(await initTfjs({ backend: 'wasm' })).toBe(info);
    expect((await initTfjs({ backend: 'cpu' })).skipped).toEqual([]);
    expect(tf.getBackend()).toBe('cpu');
  });
});
