// The build of every published package: ESM (.mjs) and CommonJS (.js) side by side, one bundled .d.ts /
// .d.mts per format, source maps with the sources embedded (src/ is not shipped), and — for packages
// with Node-only parts — a browser build of the same index in which `src/platform/node.ts` is replaced
// by `src/platform/browser.ts` (stubs that throw a typed error, or browser implementations).
// Why bundle instead of emitting one file per module with tsc: Node's ESM loader needs explicit `.js`
// extensions on relative imports, and the sources are written without them (CommonJS style); esbuild
// resolves them once at build time, and the result is flat ESM that bundlers still tree-shake.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** esbuild plugin: `./platform/node` and `./platform/node-<part>` resolve to `browser.ts` / `browser-<part>.ts`. */
function browserPlatform() {
  return {
    name: 'backprop-browser-platform',
    setup(build) {
      build.onResolve({ filter: /(^|\/)platform\/node(-[\w-]+)?$/ }, (args) => ({
        path: path.join(args.resolveDir, `${args.path.replace(/node(-[\w-]+)?$/, 'browser$1')}.ts`),
      }));
    },
  };
}

const common = {
  format: ['esm', 'cjs'],
  target: ['es2022', 'node20'],
  platform: 'node',
  sourcemap: true,
  splitting: false,
  treeshake: false,
  // Dependencies (and @backprop/* siblings) stay imports; they are resolved by the consumer.
  skipNodeModulesBundle: true,
  outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.js' }),
};

/** For Node ESM builds of code that calls `require.resolve` (CommonJS-style sources). */
const ESM_REQUIRE = "import { createRequire as __createRequire } from 'node:module';\nconst require = __createRequire(import.meta.url);";

/**
 * @param {{ browser?: boolean, bin?: Record<string, string>, esmRequire?: boolean }} options
 * `browser`: also build `dist/index.browser.{mjs,js}` with the browser platform file.
 * `bin`: CommonJS-only executables, e.g. `{ 'bin/predict': 'src/bin/predict.ts' }`.
 * `esmRequire`: give the Node ESM build a `require` (createRequire), for `require.resolve` in the sources.
 */
export function libraryConfig(options = {}) {
  // Cleaned here, once, before tsup starts the configs in parallel (tsup's own `clean` runs per config).
  rmSync('dist', { recursive: true, force: true });
  // One set of declarations for both conditions: the ESM types re-export the CommonJS ones. Two copies
  // (index.d.ts and index.d.mts) would make every class two types — a Sequential from a package that
  // resolves @backprop/layers with "import" would not be assignable to one resolved with "require".
  mkdirSync('dist', { recursive: true });
  writeFileSync('dist/index.d.mts', "export * from './index.js';\n");
  // Node's dual-package hazard, avoided as Node's documentation advises: under the "node" condition,
  // `import` loads an ES-module wrapper of the CommonJS build, so a process that both requires and
  // imports a package (a CommonJS app that lazily `import()`s @backprop/tfjs-adapter) holds one copy of
  // it: one kernel registry, one wasm heap, one `Matrix` class for `instanceof`. Bundlers and browsers
  // take the flat ESM build.
  writeFileSync('dist/index.node.mjs', "export * from './index.js';\n");
  const node = { ...common, entry: { index: 'src/index.ts' }, shims: true };
  const configs = [
    { ...node, format: ['esm'], banner: options.esmRequire ? { js: ESM_REQUIRE } : undefined },
    { ...node, format: ['cjs'], dts: { entry: { index: 'src/index.ts' } } },
  ];
  if (options.browser) {
    configs.push({ ...common, entry: { 'index.browser': 'src/index.ts' }, platform: 'browser', esbuildPlugins: [browserPlatform()] });
  }
  if (options.bin) {
    configs.push({ ...common, format: ['cjs'], platform: 'node', entry: options.bin, shims: true });
  }
  return configs;
}
