import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { createScratchProject, PACKAGES } from './scratch-project';
import { runTrainingFixture } from './training-fixture';

/** Run a script with Node 20 in the scratch project and parse the JSON it prints. */
function runNode<T>(dir: string, file: string): T {
  return JSON.parse(execFileSync(process.execPath, [join(dir, file)], { cwd: dir, encoding: 'utf8', env: process.env }));
}

describe('the built packages from a project outside the repo, in Node 20', () => {
  const project = createScratchProject();
  afterAll(() => project.remove());

  it.each(PACKAGES)('@backprop/%s loads with import and with require, with the same exports', (name) => {
    writeFileSync(join(project.dir, `${name}.mjs`), `import * as m from '@backprop/${name}';\nconsole.log(JSON.stringify(Object.keys(m).sort()));\n`);
    writeFileSync(join(project.dir, `${name}.cjs`), `console.log(JSON.stringify(Object.keys(require('@backprop/${name}')).sort()));\n`);
    const esm = runNode<string[]>(project.dir, `${name}.mjs`);
    const cjs = runNode<string[]>(project.dir, `${name}.cjs`);
    expect(esm).toEqual(cjs);
    const expected: Record<(typeof PACKAGES)[number], string[]> = {
      core: ['Matrix', 'setWasmBinaries', 'loadWasmBinaries', 'saveNetwork', 'PlatformError', 'describeKernels'],
      layers: ['Sequential', 'Dense', 'loadModel', 'indexedDBHandler', 'browserFiles'],
      datasets: ['readIdx', 'loadMnist', 'xor'],
      'tfjs-adapter': ['TfjsBackend', 'initTfjs'],
    };
    expect(esm).toEqual(expect.arrayContaining(expected[name]));
  });

  it('trains the same seeded model to the same losses from ESM and CommonJS, as the sources do', async () => {
    // The fixture compiled twice with @backprop/* left as imports / requires, so Node resolves each
    // package through its `exports` "import" and "require" conditions.
    for (const format of ['esm', 'cjs'] as const) {
      await build({
        entryPoints: [join(__dirname, 'training-fixture.ts')],
        bundle: true,
        platform: 'node',
        format,
        packages: 'external',
        outfile: join(project.dir, `fixture.${format === 'esm' ? 'mjs' : 'cjs'}`),
        logLevel: 'silent',
      });
    }
    writeFileSync(join(project.dir, 'train.mjs'), "import { runTrainingFixture } from './fixture.mjs';\nconsole.log(JSON.stringify(await runTrainingFixture()));\n");
    writeFileSync(join(project.dir, 'train.cjs'), "require('./fixture.cjs').runTrainingFixture().then((r) => console.log(JSON.stringify(r)));\n");
    const esm = runNode<{ losses: number[]; kernels: string }>(project.dir, 'train.mjs');
    const cjs = runNode<{ losses: number[]; kernels: string }>(project.dir, 'train.cjs');
    expect(esm).toEqual(cjs);
    const sources = await runTrainingFixture();
    expect(esm.kernels).toBe(sources.kernels);
    expect(esm.losses).toEqual(sources.losses);
    expect(esm.losses[2]).toBeLessThan(esm.losses[0]);
  });

  it('a CommonJS program that import()s a package shares one copy of every package, and the tfjs backend registers', () => {
    // Node's dual-package hazard: a CommonJS app (as apps/mnist) that lazily import()s the tfjs adapter
    // must not get a second @backprop/core (another Matrix class, kernel registry and wasm heap) nor a
    // second @backprop/layers (whose backend registry would then lack `tfjs`).
    writeFileSync(
      join(project.dir, 'mixed.cjs'),
      [
        "const core = require('@backprop/core');",
        "const layers = require('@backprop/layers');",
        '(async () => {',
        "  const esmCore = await import('@backprop/core');",
        "  await import('@backprop/tfjs-adapter');",
        "  console.log(JSON.stringify({ sameMatrix: esmCore.Matrix === core.Matrix, backends: layers.getBackendNames() }));",
        '})();',
      ].join('\n'),
    );
    const result = runNode<{ sameMatrix: boolean; backends: string[] }>(project.dir, 'mixed.cjs');
    expect(result.sameMatrix).toBe(true);
    expect(result.backends).toContain('tfjs');
  });
});
