import { BackpropError } from '@backprop/core';

/**
 * Errors of the MNIST app's output and input side. Each message is one line that names the file or
 * field and says what was expected and what was given, e.g.
 * `Cannot write results to /x/y.json: ENOENT (directory does not exist)`.
 */

/** One field of a results document that failed validation. */
export interface ResultsIssue {
  /** Where the field is, e.g. `results[1].testAccuracy`; `(root)` for the document itself. */
  readonly path: string;
  readonly message: string;
}

/** A results document does not match `BenchResults`; `issues` lists every bad field. */
export class ResultsValidationError extends BackpropError {
  constructor(readonly issues: readonly ResultsIssue[]) {
    super(
      `Invalid results document (${issues.length} bad field${issues.length === 1 ? '' : 's'}): ` +
        issues.map((i) => `${i.path}: ${i.message}`).join('; '),
    );
  }
}

/** A results file or report could not be written; nothing was left half-written at `path`. */
export class OutputWriteError extends BackpropError {
  constructor(
    readonly what: string,
    readonly path: string,
    readonly code: string,
    reason: string,
  ) {
    super(`Cannot write ${what} to ${path}: ${code} (${reason})`);
  }
}

/** An image file is truncated, corrupt, or in a format that is not PNG or PGM. */
export class ImageFormatError extends BackpropError {}

/**
 * An image does not have the size the model needs, or its header declares more pixels than the
 * decoder will allocate (refused before any pixel memory is allocated), e.g.
 * `huge.png: expected at most 16777216 pixels (4096×4096), the PNG header declares 30000×30000`.
 */
export class ImageSizeError extends BackpropError {
  readonly width: number;
  readonly height: number;
  /** What was required, e.g. `a 28×28 image` or `at most 16777216 pixels (4096×4096)`. */
  readonly expected: string;
  /** The file's name, when known. */
  readonly file: string | undefined;
  /** The pixel limit that was exceeded; undefined when the image simply had the wrong size. */
  readonly maxPixels: number | undefined;

  constructor(details: {
    width: number;
    height: number;
    expected: string;
    file?: string;
    maxPixels?: number;
    /** Where the size was read without decoding, e.g. `the PNG header`. */
    declaredBy?: string;
  }) {
    const { width, height, expected, file, maxPixels, declaredBy } = details;
    const given = declaredBy === undefined ? 'got' : `${declaredBy} declares`;
    super(`${file === undefined ? '' : `${file}: `}expected ${expected}, ${given} ${width}×${height}`);
    this.width = width;
    this.height = height;
    this.expected = expected;
    this.file = file;
    this.maxPixels = maxPixels;
  }
}

/** The command line is wrong: an unknown flag, command or preset, or a bad number. */
export class CliUsageError extends BackpropError {
  constructor(
    message: string,
    /** The process exit code the CLI should end with (never 0). */
    readonly exitCode: number,
    /** commander's error code, e.g. `commander.unknownOption`, or `backprop.invalidArgument`. */
    readonly code: string,
  ) {
    super(message);
  }
}

/** An input file could not be read at all (missing, a directory, no permission). */
export class InputReadError extends BackpropError {
  constructor(
    readonly path: string,
    readonly code: string,
    reason: string,
  ) {
    super(`Cannot read ${path}: ${code} (${reason})`);
  }
}
