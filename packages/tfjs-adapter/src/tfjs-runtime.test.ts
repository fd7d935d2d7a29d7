import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { BackpropError, UnknownNameError } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { TfjsBackendUnavailableError } from './errors';
import {
  consumerSearchPaths,
  describeSkipped,
  describeTfjs,
  getTfjsInfo,
  initTfjs,
  loadFromConsumer,
  TFJS_BACKEND_ENV,
} from './tfjs-runtime';

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
    expect(describeSkipped()).toEqual([`node: ${info.skipped[0].reason}`, 'wasm: @tensorflow/tfjs-backend-wasm failed to load: wasm module corrupt']);
  });

  test('an explicit backend switches; asking for the running one is a no-op', async () => {
    expect((await initTfjs({ backend: 'wasm' })).backend).toBe('wasm');
    const info = getTfjsInfo();
    expect(await initTfjs({ backend: 'wasm' })).toBe(info);
    expect((await initTfjs({ backend: 'cpu' })).skipped).toEqual([]);
    expect(tf.getBackend()).toBe('cpu');
  });
});

/**
 * An app folder as pnpm leaves it after `pnpm add @tensorflow/tfjs-node --filter <app>`: the package sits in the
 * app's node_modules, where this adapter's own `require` cannot see it.
 */
function consumerApp(root: string, name: string, indexJs: string): string {
  const app = path.join(root, name);
  const pkg = path.join(app, 'node_modules', '@tensorflow', 'tfjs-node');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name, private: true }));
  writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: NODE, version: tf.version_core, main: 'index.js' }));
  writeFileSync(path.join(pkg, 'index.js'), indexJs);
  return app;
}

describe('tfjs-node installed in the app, not next to the adapter (pnpm isolated node_modules)', () => {
  let root: string;
  let goodApp: string;
  let brokenApp: string;
  const cwd = process.cwd();

  beforeAll(() => {
    root = mkdtempSync(path.join(tmpdir(), 'tfjs-adapter-consumer-'));
    goodApp = consumerApp(root, 'good-app', "module.exports = { fakeTfjsNode: true, version: '4.22.0' };\n");
    brokenApp = consumerApp(
      root,
      'broken-app',
      "throw new Error('missing binary: libtensorflow.so.2: cannot open shared object file: No such file or directory');\n",
    );
  });
  afterEach(() => process.chdir(cwd));
  afterAll(async () => {
    await initTfjs({ backend: 'cpu' });
    if (tf.findBackendFactory('tensorflow')) tf.removeBackend('tensorflow');
    rmSync(root, { recursive: true, force: true });
  });

  test('loadFromConsumer: own require first, then the app given as a folder or a file in it, then not found', () => {
    expect(() => require(NODE)).toThrow(/Cannot find module/);
    // The adapter's own dependencies still come from its own require.
    expect(loadFromConsumer('@tensorflow/tfjs', [goodApp])).toBe(require('@tensorflow/tfjs'));
    expect(loadFromConsumer(NODE, [goodApp])).toEqual({ fakeTfjsNode: true, version: '4.22.0' });
    expect(loadFromConsumer(NODE, [path.join(root, 'elsewhere'), path.join(goodApp, 'src', 'main.js')])).toEqual({ fakeTfjsNode: true, version: '4.22.0' });
    // Not installed anywhere: the usual MODULE_NOT_FOUND, which initTfjs reports as "not installed".
    expect(() => loadFromConsumer(NODE, [root])).toThrow(expect.objectContaining({ code: 'MODULE_NOT_FOUND' }));
  });

  test('by default it looks from require.main, then from the current directory', () => {
    expect(consumerSearchPaths()).toEqual([...(require.main?.filename ? [require.main.filename] : []), path.join(cwd, 'package.json')]);
    expect(() => loadFromConsumer(NODE)).toThrow(/Cannot find module/);
    process.chdir(goodApp);
    expect(loadFromConsumer(NODE)).toEqual({ fakeTfjsNode: true, version: '4.22.0' });
  });

  test('auto: tfjs-node found from the app is used (backend "node")', async () => {
    // The real tfjs-node registers "tensorflow" on the shared engine when it loads; the fake cannot reach this
    // test's tfjs instance (Node loads it outside jest's module registry), so the test registers it for the fake.
    tf.registerBackend('tensorflow', () => tf.findBackendFactory('cpu')?.() as tf.KernelBackend);
    const warn = jest.fn();
    // Without the app's folder the same call skips it: the adapter alone cannot see it.
    expect((await initTfjs({ backend: 'auto', warn, searchFrom: [root] })).skipped).toEqual([{ backend: 'node', reason: `${NODE} is not installed` }]);
    const info = await initTfjs({ backend: 'auto', warn, searchFrom: [goodApp] });
    expect(info).toMatchObject({ backend: 'node', tfBackend: 'tensorflow', skipped: [] });
    expect(describeSkipped(info)).toEqual([]);
    expect(describeTfjs(info)).toBe(`tfjs ${tf.version_core} (node, libtensorflow)`);
    expect(warn).not.toHaveBeenCalled();
    // Forcing it works the same way.
    await initTfjs({ backend: 'wasm' });
    expect((await initTfjs({ backend: 'node', searchFrom: [goodApp] })).backend).toBe('node');
  });

  test('auto, run from the app folder: a tfjs-node there that fails to load is a logged fallback, with the reason', async () => {
    process.chdir(brokenApp);
    const warn = jest.fn();
    const info = await initTfjs({ backend: 'auto', warn });
    expect(info.backend).toBe('wasm');
    const reason = `${NODE} is installed but failed to load: missing binary: libtensorflow.so.2: cannot open shared object file: No such file or directory`;
    expect(info.skipped).toEqual([{ backend: 'node', reason }]);
    expect(describeSkipped(info)).toEqual([`node: ${reason}`]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toBe(`[tfjs-adapter] node backend failed (${reason}); falling back to the next backend`);
    // Forced, the same failure is a typed error carrying the reason.
    await expect(initTfjs({ backend: 'node' })).rejects.toThrow(/"node" was requested but cannot run: .*missing binary/);
  });
});
