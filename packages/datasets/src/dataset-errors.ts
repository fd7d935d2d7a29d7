import { BackpropError } from '@backprop/core';

/**
 * Errors raised while locating or decoding dataset files. Each message names the file and says
 * what was expected and what was given, e.g.
 * `train-images-idx3-ubyte: expected magic 0x00000803 (images), got 0x00000801`.
 */

/** A dataset file's contents are not what its format (CSV rows, labels 0..9, matching counts…) requires. */
export class DatasetFormatError extends BackpropError {}

/** An IDX file is malformed: bad magic, unsupported type byte, bad dimension count, wrong length, bad gzip. */
export class IdxFormatError extends DatasetFormatError {}

/** A dataset directory or file does not exist; the message lists every path that was looked for. */
export class DatasetNotFoundError extends BackpropError {
  constructor(
    message: string,
    readonly searched: readonly string[],
  ) {
    super(message);
  }
}
