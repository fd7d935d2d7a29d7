import { NotSupportedError } from '../errors';

/** Keras's `data_format`, in tfjs's spelling (`channelsLast`) or Keras's (`channels_last`). */
export type DataFormat = 'channelsLast' | 'channelsFirst' | 'channels_last' | 'channels_first';

/**
 * Images are channels-last [H, W, C] here, Keras's and tfjs's default. channels-first is refused rather
 * than silently read as channels-last (porting note: Keras on GPU also accepts `channels_first`).
 */
export function checkChannelsLast(dataFormat: unknown, label: string): void {
  if (dataFormat === undefined || dataFormat === null || dataFormat === 'channelsLast' || dataFormat === 'channels_last') return;
  if (dataFormat === 'channelsFirst' || dataFormat === 'channels_first') {
    throw new NotSupportedError(label, `dataFormat ${JSON.stringify(dataFormat)} (images must be channels-last [height, width, channels])`);
  }
  throw new NotSupportedError(label, `dataFormat ${JSON.stringify(dataFormat)} (expected "channelsLast")`);
}

/** Sliding-window kernels index a sample with float32 values (max pooling's argmax): exact up to 2²⁴. */
export const MAX_SAMPLE_VALUES = 2 ** 24;
