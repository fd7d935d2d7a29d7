import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { bundleForBrowser } from './browser-bundle';

const FIXTURES = join(__dirname, '..', '..', '..', 'packages', 'layers', 'src', 'io', 'keras', 'fixtures');

describe("esbuild's browser bundle of a script that imports '@backprop/layers/keras'", () => {
  it('bundles h5wasm only there, and loads a .keras file from bytes to the predictions Keras made (1e-5)', async () => {
    const bundle = await bundleForBrowser('keras-browser-entry.ts');
    const inputs = Object.keys(bundle.metafile.inputs);
    expect(inputs).toEqual(expect.arrayContaining([expect.stringMatching(/packages\/layers\/dist\/keras\.mjs$/), expect.stringMatching(/h5wasm/), expect.stringMatching(/fflate/)]));
    expect(inputs.filter((file) => /node:|packages\/(core|layers)\/dist\/index\.m?js$/.test(file))).toEqual([]);
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'mlp.predictions.json'), 'utf8')) as { inputs: number[][]; predictions: number[][] };
    const web = { atob, btoa, console, setTimeout, clearTimeout, queueMicrotask, performance, MessageChannel, URL, TextEncoder, TextDecoder };
    const context: Record<string, unknown> = { ...web, __kerasBase64: readFileSync(join(FIXTURES, 'mlp.keras')).toString('base64'), __kerasInputs: expected.inputs };
    context.globalThis = context;
    runInNewContext(bundle.code, context);
    const predicted = (await context.__keras) as number[][];
    expect(predicted).toHaveLength(expected.predictions.length);
    predicted.forEach((row, i) => row.forEach((value, j) => expect(Math.abs(value - expected.predictions[i][j])).toBeLessThan(1e-5)));
  });
});
