/**
 * Typed errors. Every message says what was expected and what was given, e.g.
 * `Dense "dense_2" expects input of width 256, got 128`.
 */
export class BackpropError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Two shapes that must agree do not. */
export class ShapeError extends BackpropError {}

/** An argument is outside its allowed range or of the wrong kind (non-positive rate, ragged rows, …). */
export class ArgumentError extends BackpropError {}

/** Data holds NaN or ±Infinity where finite numbers are required. */
export class NonFiniteError extends BackpropError {}

/** An unknown activation, loss, optimizer, initializer, metric or kernel name. */
export class UnknownNameError extends BackpropError {
  constructor(
    readonly kind: string,
    readonly given: string,
    readonly valid: readonly string[],
  ) {
    super(`Unknown ${kind} ${describeValue(given)}; expected one of: ${valid.join(', ')}`);
  }
}

/** An options object holds a key the call does not know; names the closest valid key when there is one. */
export class UnknownOptionError extends ArgumentError {
  constructor(
    readonly where: string,
    readonly key: string,
    readonly valid: readonly string[],
    readonly suggestion: string | undefined,
  ) {
    super(
      `Unknown option "${key}" in ${where}` +
        (suggestion === undefined ? `; expected one of: ${valid.join(', ')}` : `; did you mean "${suggestion}"? Expected one of: ${valid.join(', ')}`),
    );
  }
}

/** An option Keras or tfjs accept that this library does not implement yet: refused rather than ignored. */
export class NotSupportedError extends BackpropError {
  constructor(
    readonly where: string,
    readonly feature: string,
  ) {
    super(`${feature} in ${where} is not supported yet; remove it (it would otherwise be ignored)`);
  }
}

/** A kernel set cannot run here, or was handed a buffer it cannot compute on (wrong kind, too short, not its own). */
export class KernelError extends BackpropError {}

/** Where a non-finite value entered training: a value of the batch's inputs (`x`) or targets (`y`). */
export interface NonFiniteBatchValue {
  readonly array: 'x' | 'y';
  /** The sample's index in the data set. */
  readonly sample: number;
  /** Its row in the batch (0-based). */
  readonly row: number;
  /** The column in that row (0-based). */
  readonly column: number;
  readonly value: number;
}

/**
 * Training produced a non-finite loss, or a batch brought a non-finite input or target; names the
 * 1-based epoch and batch where it happened (and, for data, the sample and column).
 */
export class DivergenceError extends BackpropError {
  constructor(
    readonly epoch: number,
    readonly batch: number,
    readonly loss: number,
    readonly nonFiniteValue: NonFiniteBatchValue | null = null,
  ) {
    super(
      nonFiniteValue === null
        ? `Training diverged: loss became ${loss} at epoch ${epoch}, batch ${batch}; ` +
            'expected a finite loss (try a smaller learning rate or scaled inputs)'
        : `Training stopped at epoch ${epoch}, batch ${batch}: ${nonFiniteValue.array}[${nonFiniteValue.sample}][${nonFiniteValue.column}] ` +
            `is ${nonFiniteValue.value} (sample ${nonFiniteValue.sample}, row ${nonFiniteValue.row} of the batch, column ${nonFiniteValue.column}); ` +
            `expected finite ${nonFiniteValue.array === 'x' ? 'inputs' : 'targets'}. The weights are those from before this batch`,
    );
  }
}

/**
 * A model does not fit the engine's memory: names the largest layer with its parameter count and bytes,
 * the bytes the whole model needs (weights, gradients, optimizer state, activations of the largest
 * batch) and the engine's limit. Thrown before anything of that size is allocated.
 */
export class ModelSizeError extends BackpropError {
  constructor(
    readonly layer: string,
    readonly layerParams: number,
    readonly layerBytes: number,
    readonly totalBytes: number,
    readonly limitBytes: number,
    readonly detail: string,
  ) {
    super(
      `Model too large: ${layer} has ${layerParams} parameters (${formatBytes(layerBytes)}); the model needs ${formatBytes(totalBytes)} ` +
        `(${detail}), expected at most ${formatBytes(limitBytes)}. Use fewer units or a smaller batch`,
    );
  }
}

/** Bytes for a message: `1.07 GB (1073741824 bytes)`; decimal units, exact count beside them. */
function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB', 'PB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${Number(value.toPrecision(3))} ${units[unit]} (${bytes} bytes)`;
}

/** A saved model file is corrupted, truncated, of an unknown version, or does not match its manifest. */
export class ModelFormatError extends BackpropError {}

/**
 * A weight holds NaN or ±Infinity where it would be saved: refused, because the loaders reject such files
 * (never write what cannot be read back). `layer` names the layer as the message does (`Dense "dense_1"`,
 * `layer 1`), `weight` the tensor (`dense_1/kernel`, `kernel`), `index` and `value` the first bad value.
 */
export class NonFiniteWeightError extends NonFiniteError {
  constructor(
    readonly layer: string,
    readonly weight: string,
    readonly index: number,
    readonly value: number,
    readonly count: number,
  ) {
    super(
      `Cannot save weight "${weight}" of ${layer}: value ${index} is ${value}` +
        (count > 1 ? ` (${count} values are not finite)` : '') +
        '; expected finite weights (training probably diverged). Nothing was written',
    );
  }
}

/** The first non-finite value of `values` and how many there are, or null when all are finite. */
export function findNonFinite(values: ArrayLike<number>): { index: number; value: number; count: number } | null {
  let first = -1;
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      if (first < 0) first = i;
      count++;
    }
  }
  return first < 0 ? null : { index: first, value: values[first], count };
}

/**
 * Reading or writing a file failed in the file system (missing file, a directory where a file was expected,
 * no space left, no permission, …). `path` is the file or directory concerned and `code` the system error code
 * (`ENOENT`, `EISDIR`, `ENOSPC`, …); the message says what was expected there.
 */
export class FileAccessError extends BackpropError {
  constructor(
    readonly path: string,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Describe a value briefly for an error message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name} of length ${(value as Float32Array).length}`;
  if (typeof value === 'number') return String(value); // NaN and Infinity print as themselves
  if (typeof value === 'string') return JSON.stringify(value); // quoted: "32" is not 32
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return `a function${value.name ? ` ${value.name}` : ''}`;
  if (typeof value === 'object') {
    const name = (value as object).constructor?.name;
    return name && name !== 'Object' ? `a ${name}` : 'an object';
  }
  return typeof value;
}
