import { ArgumentError, checkBooleanOption, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import { textFile } from '../platform/node-text-file';
import { Callback } from './callback';

export interface CSVLoggerOptions {
  /** Column separator; default `,`. */
  separator?: string;
  /** Append to an existing file (writing the header only if it has none) instead of overwriting; default false. */
  append?: boolean;
}

const KEYS = optionKeys<CSVLoggerOptions>()(['separator', 'append']);

/** One CSV field as Python's csv module writes Keras's values: floats with a decimal point, nan / inf as Python spells them. */
function field(value: number | string | undefined, separator: string): string {
  if (value === undefined) return 'NA';
  if (typeof value === 'string') return /["\r\n]/.test(value) || value.includes(separator) ? `"${value.replaceAll('"', '""')}"` : value;
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  return Number.isInteger(value) ? value.toFixed(1) : String(value);
}

/**
 * Streams every epoch's logs to a CSV file — Keras 3's `CSVLogger` (keras/src/callbacks/csv_logger.py): a
 * header `epoch,<sorted log keys>` (plus `val_` twins of every key when the first epoch has no `val_`
 * keys), one row per epoch with missing values as `NA`, rows ended by `\r\n` (Python's csv.excel dialect),
 * the file truncated at the start of training unless `append`. Node only: in a browser the constructor
 * works but training throws PlatformError (file paths need Node's file system).
 */
export class CSVLogger extends Callback {
  readonly filename: string;
  private readonly separator: string;
  private readonly append: boolean;
  private keys: string[] | null = null;
  private writeHeader = true;

  constructor(filename: string, options: CSVLoggerOptions = {}) {
    super();
    if (typeof filename !== 'string' || filename.length === 0) throw new ArgumentError(`CSVLogger expects a file name, got ${describeValue(filename)}`);
    checkOptionKeys(options, KEYS, 'CSVLogger options');
    this.filename = filename;
    this.separator = options.separator ?? ',';
    if (typeof this.separator !== 'string' || this.separator.length !== 1) {
      throw new ArgumentError(`CSVLogger separator must be one character, got ${describeValue(options.separator)}`);
    }
    this.append = checkBooleanOption(options.append, 'append', 'CSVLogger options') ?? false;
  }

  override async onTrainBegin(): Promise<void> {
    this.keys = null;
    if (this.append) {
      this.writeHeader = !(await textFile.hasFirstLine(this.filename));
    } else {
      this.writeHeader = true;
      await textFile.truncate(this.filename);
    }
  }

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    if (this.keys === null) {
      this.keys = Object.keys(logs).sort();
      if (this.keys.length > 0 && !this.keys.some((k) => k.startsWith('val_'))) this.keys.push(...this.keys.map((k) => `val_${k}`));
    }
    const lines: string[] = [];
    if (this.writeHeader) {
      lines.push(['epoch', ...this.keys].map((k) => field(k, this.separator)).join(this.separator));
      this.writeHeader = false;
    }
    lines.push([String(epoch), ...this.keys.map((k) => field(logs[k], this.separator))].join(this.separator));
    await textFile.append(this.filename, lines.map((l) => `${l}\r\n`).join(''));
  }
}
