import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { bundleForBrowser } from './browser-bundle';
import { type FixtureResult, runTrainingFixture } from './training-fixture';

describe('esbuild --bundle --platform=browser of a script using @backprop/layers', () => {
  it('bundles with zero configuration from the packages’ browser builds, without Node-only modules', async () => {
    const bundle = await bundleForBrowser();
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs).toEqual(expect.arrayContaining([expect.stringMatching(/packages\/layers\/dist\/index\.browser\.mjs$/), expect.stringMatching(/packages\/core\/dist\/index\.browser\.mjs$/)]));
    expect(inputs.filter((file) => /node:|packages\/(core|layers)\/dist\/index\.m?js$/.test(file))).toEqual([]);
    expect(bundle.code).not.toMatch(/require\(["']|setImmediate\(|process\.env/);
    mkdirSync(join(__dirname, '..', 'reports'), { recursive: true });
    writeFileSync(
      join(__dirname, '..', 'reports', 'bundle-size.json'),
      `${JSON.stringify({ script: 'src/browser-entry.ts (Sequential, Dense, SGD, fit)', minifiedBytes: bundle.minifiedBytes, gzipBytes: bundle.gzipBytes }, null, 2)}\n`,
    );
    // The embedded WebAssembly kernels (~50 kB base64) are most of it; a regression past this is a Node module sneaking in.
    expect(bundle.gzipBytes).toBeLessThan(150_000);
  });

  it('trains in a context with only web globals (no process, require, setImmediate, Buffer) to the losses Node gets', async () => {
    const bundle = await bundleForBrowser();
    // A fresh V8 context has the language's built-ins and WebAssembly; these are the web APIs it may use.
    const web = { atob, btoa, console, setTimeout, clearTimeout, queueMicrotask, performance, MessageChannel, URL, TextEncoder, TextDecoder };
    const context: Record<string, unknown> = { ...web };
    context.globalThis = context;
    runInNewContext(bundle.code, context);
    const inBrowserContext = (await context.__training) as FixtureResult;
    const inNode = await runTrainingFixture();
    expect(inBrowserContext.kernels).toMatch(/^wasm kernels/);
    expect(inBrowserContext.losses).toHaveLength(3);
    // Same seed, same batches; js and wasm kernels sum in different orders, hence a tolerance.
    inBrowserContext.losses.forEach((loss, epoch) => expect(loss).toBeCloseTo(inNode.losses[epoch], 5));
  });
});
