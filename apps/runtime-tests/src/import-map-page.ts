import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const packages = resolve(__dirname, '..', '..', '..', 'packages');

/** Every file of a package's dist folder (its browser ESM build among them), under `<name>/`. */
function distFiles(name: string): Record<string, Uint8Array> {
  const dist = join(packages, name, 'dist');
  return Object.fromEntries(readdirSync(dist, { withFileTypes: true }).filter((e) => e.isFile()).map((e) => [`${name}/${e.name}`, readFileSync(join(dist, e.name))]));
}

/**
 * A page with no build step: an import map sends `@backprop/core` and `@backprop/layers` to the
 * packages' browser ESM builds, copied from their dist folders as they are, and a
 * `<script type="module">` imports the training fixture, compiled to plain ESM with those imports left bare.
 */
export async function importMapSite(): Promise<Record<string, string | Uint8Array>> {
  const fixture = await build({ entryPoints: [join(__dirname, 'training-fixture.ts')], bundle: true, format: 'esm', packages: 'external', write: false, logLevel: 'silent' });
  const importMap = { imports: { '@backprop/core': '/core/index.browser.mjs', '@backprop/layers': '/layers/index.browser.mjs' } };
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>import map</title><link rel="icon" href="data:,">
<script type="importmap">${JSON.stringify(importMap)}</script></head>
<body><p id="status">training…</p>
<script type="module">
import { runTrainingFixture } from './fixture.mjs';
globalThis.__training = runTrainingFixture();
globalThis.__training.then((r) => { document.getElementById('status').textContent = r.kernels + ': ' + r.losses.join(', '); });
</script></body></html>`;
  return { 'index.html': page, 'fixture.mjs': fixture.outputFiles[0].text, ...distFiles('core'), ...distFiles('layers') };
}
