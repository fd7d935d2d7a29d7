const path = require('node:path');
const base = require('@backprop/jest-preset').jestConfig(__dirname);
const h5wasm = require('node:fs').realpathSync(path.join(__dirname, 'node_modules/h5wasm'));
module.exports = {
  ...base,
  moduleNameMapper: { ...base.moduleNameMapper, '^h5wasm$': path.join(h5wasm, 'dist/esm/hdf5_hl.js') },
  transformIgnorePatterns: ['/node_modules/(?!\\.pnpm/h5wasm@|h5wasm/)'],
};
