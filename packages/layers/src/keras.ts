/**
 * `import '@backprop/layers/keras'`: enables Keras files (`.keras`, legacy `.h5`) in `loadModel` and
 * `model.save` of the browser build, bringing h5wasm and fflate into the bundle only for programs that
 * import it. The Node entry registers them itself. The build resolves `./io/keras-files` to the package's
 * main entry (tsup.config.mjs), so this registers with the same module instance the application uses.
 */
import { kerasFileCodecs } from './io/keras/keras-file-codecs';
import { registerKerasFiles } from './io/keras-files';

registerKerasFiles(kerasFileCodecs);

export { kerasFileCodecs };
