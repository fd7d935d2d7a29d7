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

/**
 * A gzip IDX file inflates to more or fewer bytes than its header declares (or declares more than
 * its compressed size could ever hold). Refused before more than the declared size is inflated.
 */
export class IdxSizeError extends IdxFormatError {
  constructor(
    readonly file: string,
    /** Bytes the IDX header declares (header + data). */
    readonly declaredBytes: number,
    /** Bytes actually inflated; for a stream longer than declared, inflation stops at the limit and this is undefined. */
    readonly actualBytes: number | undefined,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

/** A dataset path exists but cannot be read as a file (a directory, no permission, …); names the path and the errno code. */
export class DatasetReadError extends BackpropError {
  constructor(
    readonly path: string,
    readonly code: string,
    expected: string,
    reason: string,
  ) {
    super(`Cannot read ${path}: ${code} (${reason}); expected ${expected}`);
  }
}
