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
