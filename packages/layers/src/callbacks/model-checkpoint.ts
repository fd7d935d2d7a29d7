import { ArgumentError, checkBooleanOption, checkOptionKeys, describeValue, optionKeys } from '@backprop/core';
import type { Logs } from '../metrics/running-means';
import { Callback } from './callback';
import { checkPrintOptions } from './callback-options';
import { checkMonitorAvailable, monitoredValue } from './monitored-value';
import { isMaximised, type MonitorMode } from './monitor-mode';

export interface ModelCheckpointOptions {
  /**
   * Where to save, as a directory URL or path (`file://./ckpt` or `./ckpt`): the model is written in the
   * TensorFlow.js layers format (model.json + weights.bin). May hold Keras's format fields, filled from
   * the 1-based epoch and the logs: `ckpt/epoch-{epoch:02d}-{val_loss:.4f}`.
   */
  filepath: string;
  /** Default `val_loss`. */
  monitor?: string;
  /** Only save when `monitor` improves on the best value so far; default false (save every epoch). */
  saveBestOnly?: boolean;
  /** Default 'auto'. */
  mode?: MonitorMode;
  /** 1 prints a line per save; default 0. */
  verbose?: 0 | 1;
  printFn?: (line: string) => void;
}

/** Every key of ModelCheckpointOptions, checked against the interface by the type checker. */
const MODEL_CHECKPOINT_KEYS = optionKeys<ModelCheckpointOptions>()(['filepath', 'monitor', 'saveBestOnly', 'mode', 'verbose', 'printFn']);
/** Keras 3 ModelCheckpoint arguments not implemented yet (see the porting note below). */
const MODEL_CHECKPOINT_UNSUPPORTED = ['saveWeightsOnly', 'saveFreq', 'initialValueThreshold'];

/**
 * Save the model at the end of every epoch, or only when it improves (Keras's `ModelCheckpoint` with
 * `save_freq='epoch'`). Each save is atomic (see `saveModel`), so a crash mid-save leaves the previous
 * checkpoint intact. Porting note: always the whole model, in the tfjs format (no `save_weights_only`).
 */
export class ModelCheckpoint extends Callback {
  readonly filepath: string;
  readonly monitor: string;
  private readonly saveBestOnly: boolean;
  private readonly maximise: boolean;
  private readonly verbose: 0 | 1;
  private readonly printFn: (line: string) => void;
  best = Number.POSITIVE_INFINITY;

  constructor(options: ModelCheckpointOptions) {
    super();
    checkOptionKeys(options, MODEL_CHECKPOINT_KEYS, 'ModelCheckpoint options', MODEL_CHECKPOINT_UNSUPPORTED);
    if (typeof options?.filepath !== 'string' || options.filepath === '') {
      throw new ArgumentError(`ModelCheckpoint needs a filepath, got ${describeValue(options?.filepath)}`);
    }
    this.filepath = options.filepath;
    this.monitor = options.monitor ?? 'val_loss';
    if (typeof this.monitor !== 'string') throw new ArgumentError(`ModelCheckpoint monitor must be a log name such as "val_loss", got ${describeValue(this.monitor)}`);
    this.saveBestOnly = checkBooleanOption(options.saveBestOnly, 'saveBestOnly', 'ModelCheckpoint options') ?? false;
    this.maximise = isMaximised(this.monitor, options.mode ?? 'auto');
    ({ verbose: this.verbose, printFn: this.printFn } = checkPrintOptions(options, 'ModelCheckpoint'));
  }

  override onTrainBegin(): void {
    // Only saveBestOnly reads the monitor (Keras's rule); then it must be among the logs.
    if (this.saveBestOnly) checkMonitorAvailable('ModelCheckpoint', this.monitor, this.params);
    this.best = this.maximise ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    const path = formatFilepath(this.filepath, epoch + 1, logs);
    if (this.saveBestOnly) {
      const current = monitoredValue('ModelCheckpoint', this.monitor, logs);
      const improved = this.maximise ? current > this.best : current < this.best;
      if (!improved) {
        if (this.verbose > 0) this.printFn(`Epoch ${epoch + 1}: ${this.monitor} did not improve from ${this.best.toFixed(5)}`);
        return;
      }
      if (this.verbose > 0) {
        this.printFn(`Epoch ${epoch + 1}: ${this.monitor} improved from ${this.best.toFixed(5)} to ${current.toFixed(5)}, saving model to ${path}`);
      }
      this.best = current;
    } else if (this.verbose > 0) {
      this.printFn(`Epoch ${epoch + 1}: saving model to ${path}`);
    }
    await this.model!.save(path);
  }
}

/**
 * Python `str.format` fields as Keras's ModelCheckpoint uses them: `{epoch}`, `{epoch:02d}`,
 * `{val_loss:.2f}`. Any other key of the logs works; an unknown key throws.
 */
export function formatFilepath(template: string, epoch: number, logs: Logs): string {
  const values: Logs = { ...logs, epoch };
  return template.replace(/\{(\w+)(?::([^}]*))?\}/g, (_match, key: string, spec: string | undefined) => {
    if (!(key in values)) {
      throw new ArgumentError(`ModelCheckpoint filepath field {${key}} is not available; use one of: ${Object.keys(values).join(', ')}`);
    }
    const value = values[key];
    const fixed = spec?.match(/^\.(\d+)f$/);
    if (fixed) return value.toFixed(Number(fixed[1]));
    const padded = spec?.match(/^0?(\d+)d$/);
    if (padded) return String(Math.round(value)).padStart(Number(padded[1]), spec!.startsWith('0') ? '0' : ' ');
    if (spec) throw new ArgumentError(`ModelCheckpoint filepath format "${spec}" is not supported; use d, 0Nd or .Nf`);
    return String(value);
  });
}
