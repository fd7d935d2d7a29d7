import { ArgumentError, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';

/** Where the bar is written: `process.stdout` by default; anything with `write` for tests. */
export interface ProgressStream {
  write(chunk: string): unknown;
  /** Redraw in place with `\r` when true; otherwise print one line per epoch. */
  readonly isTTY?: boolean;
}

export interface ProgressBarOptions {
  /** 1: a bar per epoch (Keras's default); 2: one line per epoch. Default 1. */
  verbose?: 1 | 2;
  stream?: ProgressStream;
  /** Clock in milliseconds; injectable so tests get fixed timings. Default `performance.now`. */
  now?: () => number;
  /** Minimum time between redraws on a TTY, in ms; default 50 (Keras's Progbar `interval`). */
  interval?: number;
}

const WIDTH = 30;

/** Every key of ProgressBarOptions, checked against the interface by the type checker. */
const PROGRESS_BAR_KEYS = optionKeys<ProgressBarOptions>()(['verbose', 'stream', 'now', 'interval']);

/**
 * Keras's progress output (ProgbarLogger + Progbar, tf.keras 2.x), line for line:
 * ```
 * Epoch 1/100
 * 469/469 [==============================] - 2s 4ms/step - loss: 0.3100 - accuracy: 0.9100 - val_loss: 0.2000 - val_accuracy: 0.9400
 * ```
 * On a TTY the bar is redrawn in place while the epoch runs (with an ETA); elsewhere only the final
 * line of each epoch is printed. `verbose: 2` prints `469/469 - 2s - loss: … - 2s/epoch - 4ms/step`.
 * `fit` attaches one for `verbose` 1 or 2 unless you pass your own.
 */
export class ProgressBar extends Callback {
  private readonly verbose: 1 | 2;
  private readonly stream: ProgressStream;
  private readonly now: () => number;
  private readonly interval: number;
  private start = 0;
  private lastDraw = Number.NEGATIVE_INFINITY;
  private drawnWidth = 0;

  constructor(options: ProgressBarOptions = {}) {
    super();
    checkOptionKeys(options, PROGRESS_BAR_KEYS, 'ProgressBar options');
    this.verbose = options.verbose ?? 1;
    if (this.verbose !== 1 && this.verbose !== 2) throw new ArgumentError(`ProgressBar verbose must be 1 or 2, got ${describeValue(options.verbose)}`);
    this.stream = options.stream ?? process.stdout;
    if (typeof this.stream?.write !== 'function') {
      throw new ArgumentError(`ProgressBar stream must have a write method (e.g. process.stdout), got ${describeValue(options.stream)}`);
    }
    this.now = options.now ?? (() => performance.now());
    if (typeof this.now !== 'function') throw new ArgumentError(`ProgressBar now must be a function returning milliseconds, got ${describeValue(options.now)}`);
    this.interval = options.interval ?? 50;
    if (!(typeof this.interval === 'number' && this.interval >= 0)) {
      throw new ArgumentError(`ProgressBar interval must be a non-negative number of milliseconds, got ${describeValue(options.interval)}`);
    }
  }

  override onEpochBegin(epoch: number): void {
    this.stream.write(`Epoch ${epoch + 1}/${this.params?.epochs ?? '?'}\n`);
    this.start = this.now();
    this.lastDraw = Number.NEGATIVE_INFINITY;
    this.drawnWidth = 0;
  }

  override onBatchEnd(batch: number, logs: Logs): void {
    if (this.verbose !== 1 || !this.stream.isTTY) return;
    const now = this.now();
    const steps = this.params?.steps ?? batch + 1;
    if (now - this.lastDraw < this.interval || batch + 1 >= steps) return;
    this.lastDraw = now;
    const perStep = (now - this.start) / 1000 / (batch + 1);
    this.redraw(`${this.bar(batch + 1, steps)} - ETA: ${formatEta(perStep * (steps - batch - 1))}${formatLogs(logs)}`);
  }

  override onEpochEnd(_epoch: number, logs: Logs): void {
    const steps = this.params?.steps ?? 0;
    const elapsed = (this.now() - this.start) / 1000;
    const perStep = steps > 0 ? elapsed / steps : 0;
    if (this.verbose === 2) {
      this.stream.write(`${counter(steps, steps)} - ${Math.round(elapsed)}s${formatLogs(logs)} - ${Math.round(elapsed)}s/epoch - ${formatPerStep(perStep)}\n`);
      return;
    }
    this.redraw(`${this.bar(steps, steps)} - ${Math.round(elapsed)}s ${formatPerStep(perStep)}${formatLogs(logs)}`);
    this.stream.write('\n');
  }

  private bar(current: number, target: number): string {
    const filled = Math.floor((WIDTH * current) / Math.max(target, 1));
    const head = filled > 0 ? '='.repeat(filled - 1) + (current < target ? '>' : '=') : '';
    return `${counter(current, target)} [${head}${'.'.repeat(WIDTH - filled)}]`;
  }

  /** On a TTY, return to the line start and pad over a longer previous line. */
  private redraw(line: string): void {
    if (!this.stream.isTTY) {
      this.stream.write(line);
      return;
    }
    const pad = Math.max(0, this.drawnWidth - line.length);
    this.stream.write(`\r${line}${' '.repeat(pad)}`);
    this.drawnWidth = line.length;
  }
}

/** `  7/469`: the current step right-aligned to the width of the total. */
function counter(current: number, target: number): string {
  return `${String(current).padStart(String(target).length)}/${target}`;
}

/** ` - loss: 0.3100 - accuracy: 0.9100`; tiny values in exponent form, as Keras (`%.4f` above 1e-3, else `%.4e`). */
export function formatLogs(logs: Logs): string {
  let out = '';
  for (const [key, value] of Object.entries(logs)) {
    if (key === 'batch' || key === 'size') continue;
    out += ` - ${key}: ${Math.abs(value) > 1e-3 ? value.toFixed(4) : pythonExponent(value)}`;
  }
  return out;
}

/** Python's `%.4e`: two-digit exponent with sign (`1.2340e-04`). */
function pythonExponent(value: number): string {
  if (!Number.isFinite(value)) return String(value).toLowerCase().replace('infinity', 'inf');
  const [mantissa, exponent] = value.toExponential(4).split('e');
  const sign = exponent.startsWith('-') ? '-' : '+';
  return `${mantissa}e${sign}${exponent.replace(/^[+-]/, '').padStart(2, '0')}`;
}

function formatPerStep(seconds: number): string {
  if (seconds >= 1 || seconds === 0) return `${Math.round(seconds)}s/step`;
  if (seconds >= 1e-3) return `${Math.round(seconds * 1e3)}ms/step`;
  return `${Math.round(seconds * 1e6)}us/step`;
}

function formatEta(seconds: number): string {
  const s = Math.round(seconds);
  const two = (n: number) => String(n).padStart(2, '0');
  if (s > 3600) return `${Math.floor(s / 3600)}:${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  if (s > 60) return `${Math.floor(s / 60)}:${two(s % 60)}`;
  return `${s}s`;
}
