import { ArgumentError, describeValue } from '@backprop/core';

/** The `verbose` (0 or 1) and `printFn` options shared by EarlyStopping and ModelCheckpoint. */
export interface PrintOptions {
  verbose?: 0 | 1;
  printFn?: (line: string) => void;
}

/** `verbose` 0 (default) or 1 and a `printFn` function (default console.log), checked. */
export function checkPrintOptions(options: PrintOptions, callback: string): Required<PrintOptions> {
  const verbose = options.verbose ?? 0;
  if (verbose !== 0 && verbose !== 1) throw new ArgumentError(`${callback} verbose must be 0 or 1, got ${describeValue(options.verbose)}`);
  const printFn = options.printFn ?? console.log;
  if (typeof printFn !== 'function') throw new ArgumentError(`${callback} printFn must be a function such as console.log, got ${describeValue(printFn)}`);
  return { verbose, printFn };
}

/** A finite number or undefined; `"0.1"` is a mistake, not a threshold. */
export function checkCallbackNumber(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ArgumentError(`${name} must be a finite number, got ${describeValue(value)}`);
  return value;
}
