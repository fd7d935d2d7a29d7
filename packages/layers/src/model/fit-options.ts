import { ArgumentError } from '@backprop/core';
import type { Callback } from '../callbacks/callback';
import type { BatchSource, InputData, TargetData } from '../data/batch-source';

/** Options of `fit`, with Keras's names (camelCase) and defaults. */
export interface FitOptions {
  /** Default 1, as Keras. */
  epochs?: number;
  /** Default 32. */
  batchSize?: number;
  /** `[x, y]` or a BatchSource, evaluated after every epoch into `val_loss`, `val_<metric>`. */
  validationData?: readonly [InputData, TargetData] | BatchSource;
  /**
   * Fraction in (0, 1) of the training rows held out for validation: the LAST rows, taken before
   * shuffling (Keras). Ignored when `validationData` is given, as in Keras.
   */
  validationSplit?: number;
  /** Reshuffle the training rows before each epoch; default true. */
  shuffle?: boolean;
  callbacks?: readonly Callback[];
  /** 0 silent, 1 progress bar (default), 2 one line per epoch. */
  verbose?: 0 | 1 | 2;
  /** Seed for shuffling; default derived from the model's seed. */
  seed?: number;
  /** Epoch to start from (0-based), for resuming: runs epochs initialEpoch … epochs − 1. Default 0. */
  initialEpoch?: number;
}

/** Options of `evaluate` and `predict`. */
export interface BatchOptions {
  /** Default 32. */
  batchSize?: number;
}

export interface NormalizedFitOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly validationSplit: number;
  readonly shuffle: boolean;
  readonly verbose: 0 | 1 | 2;
  readonly initialEpoch: number;
  readonly seed: number | undefined;
}

export function normalizeFitOptions(options: FitOptions): NormalizedFitOptions {
  if (options === null || typeof options !== 'object') throw new ArgumentError(`fit options must be an object, got ${typeof options}`);
  const epochs = options.epochs ?? 1;
  if (!Number.isInteger(epochs) || epochs < 0) throw new ArgumentError(`epochs must be a non-negative integer, got ${epochs}`);
  const batchSize = checkBatchSize(options.batchSize);
  const validationSplit = options.validationSplit ?? 0;
  if (options.validationSplit !== undefined && !(validationSplit > 0 && validationSplit < 1)) {
    throw new ArgumentError(`validationSplit must be a fraction in (0, 1), got ${options.validationSplit}`);
  }
  const verbose = options.verbose ?? 1;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) throw new ArgumentError(`verbose must be 0, 1 or 2, got ${verbose}`);
  const initialEpoch = options.initialEpoch ?? 0;
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0) throw new ArgumentError(`initialEpoch must be a non-negative integer, got ${initialEpoch}`);
  if (options.seed !== undefined && !Number.isFinite(options.seed)) throw new ArgumentError(`seed must be a finite number, got ${options.seed}`);
  if (options.callbacks !== undefined && !Array.isArray(options.callbacks)) {
    throw new ArgumentError(`callbacks must be a list of Callback instances, got ${typeof options.callbacks}`);
  }
  return { epochs, batchSize, validationSplit, shuffle: options.shuffle ?? true, verbose, initialEpoch, seed: options.seed };
}

/** A positive integer batch size, 32 when not given (Keras's default). */
export function checkBatchSize(batchSize: number | undefined): number {
  const size = batchSize ?? 32;
  if (!Number.isInteger(size) || size <= 0) throw new ArgumentError(`batchSize must be a positive integer, got ${batchSize}`);
  return size;
}
