import { writeFileSync } from 'node:fs';
import { libraryConfig } from '@backprop/build-config';

/**
 * The worker-thread script imports `serveFit` from the package itself, not from a bundled copy: the
 * worker must use the module instance that the backends it loads register with (`@backprop/tfjs-adapter`
 * registers itself in @backprop/layers's registry), so `./serve-fit` becomes `require('@backprop/layers')`.
 */
const packageSelfImport = {
  name: 'layers-self-import',
  setup(build) {
    build.onResolve({ filter: /^\.\/serve-fit$/ }, () => ({ path: '@backprop/layers', external: true }));
  },
};

/**
 * `@backprop/layers/keras` registers its codecs with the registry of the package's main entry, not with a
 * bundled copy (the model code that reads the registry lives there): `./io/keras-files` becomes an import
 * of `@backprop/layers`, which resolves to the same build (browser or Node) the application uses.
 */
const kerasRegistryImport = {
  name: 'layers-keras-registry-import',
  setup(build) {
    build.onResolve({ filter: /^\.\/io\/keras-files$/ }, () => ({ path: '@backprop/layers', external: true }));
  },
};

const library = libraryConfig({ browser: true });
// After libraryConfig, which empties dist/: the keras entry's one export, typed from the main entry.
writeFileSync('dist/keras.d.ts', "export declare const kerasFileCodecs: import('./index.js').KerasFileCodecs;\n");

export default [
  ...library,
  {
    entry: { keras: 'src/keras.ts' },
    format: ['esm', 'cjs'],
    target: ['es2022', 'node20'],
    platform: 'neutral',
    sourcemap: true,
    splitting: false,
    skipNodeModulesBundle: true,
    outExtension: ({ format }) => ({ js: format === 'esm' ? '.mjs' : '.js' }),
    esbuildPlugins: [kerasRegistryImport],
  },
  {
    entry: { 'fit-worker-thread': 'src/worker/fit-worker-thread.ts' },
    format: ['cjs'],
    target: ['es2022', 'node20'],
    platform: 'node',
    sourcemap: true,
    splitting: false,
    skipNodeModulesBundle: true,
    outExtension: () => ({ js: '.js' }),
    esbuildPlugins: [packageSelfImport],
  },
];
