import { NotSupportedError } from '@backprop/core';

/**
 * A Keras file uses a layer, an option value or a model type this library does not implement: refused by
 * name instead of loading something that would predict differently. `supported` lists what would load.
 */
export class KerasNotSupportedError extends NotSupportedError {
  constructor(
    where: string,
    feature: string,
    readonly supported: string,
  ) {
    super(where, feature);
    this.message = `${feature} in ${where} is not supported; supported: ${supported}`;
  }
}

/**
 * A Keras file is loaded or saved in a build where the Keras reader/writer is not registered (a browser
 * bundle without `import '@backprop/layers/keras'`; see io/keras-files.ts).
 */
export class KerasFilesNotEnabledError extends NotSupportedError {
  constructor(where: string) {
    super(where, 'Keras files (.keras, .h5)');
    this.message = `${where}: Keras files (.keras, .h5) are not enabled in this build; add import '@backprop/layers/keras' (it registers the Keras reader and writer, which bring h5wasm and fflate)`;
  }
}
