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

export default [
  ...libraryConfig({ browser: true }),
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
