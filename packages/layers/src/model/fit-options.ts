import { ArgumentError, checkBooleanOption, checkOptionKeys, describeValue, NotSupportedError, optionKeys } from '@backprop/core';
import { type CallbackOption, toCallbacks } from '../callbacks/callback-forms';
import type { BatchSource, InputData, TargetData } from '../data/batch-source';
import type { TensorLike } from '../data/sample-data';
import type { ClassWeight } from './sample-weighting';

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
  /** Callbacks, or one callback; each a Callback or a plain object of hooks (`{ onEpochEnd(epoch, logs) {} }`, as tfjs). */
  callbacks?: CallbackOption | readonly CallbackOption[];
  /** 0 silent, 1 progress bar (default), 2 one line per epoch. */
  verbose?: 0 | 1 | 2;
  /** Seed for shuffling; default derived from the model's seed. */
  seed?: number;
  /** Epoch to start from (0-based), for resuming: runs epochs initialEpoch … epochs − 1. Default 0. */
  initialEpoch?: number;
  /** Weight of each class in the loss, `{ 0: 1, 1: 5 }` (Keras's `class_weight`); see model/sample-weighting.ts. */
  classWeight?: ClassWeight;
  /** One weight per sample (array, typed array or tf.Tensor): the loss is Σ w·l / n (Keras 3). */
  sampleWeight?: ArrayLike<number> | TensorLike;
}

/** Options of `evaluate` and `predict`. */
export interface BatchOptions {
  /** Default 32. */
  batchSize?: number;
  /**
   * Only 0 (silent), which is what evaluate and predict do. Porting note: Keras draws a progress bar
   * for verbose 1; that is not implemented yet, so verbose 1 or 2 throws NotSupportedError.
   */
  verbose?: 0;
}

/** Every key of FitOptions, checked against the interface by the type checker (optionKeys). */
export const FIT_OPTION_KEYS = optionKeys<FitOptions>()([
  'epochs',
  'batchSize',
  'validationData',
  'validationSplit',
  'shuffle',
  'callbacks',
  'verbose',
  'seed',
  'initialEpoch',
  'classWeight',
  'sampleWeight',
]);
const BATCH_OPTION_KEYS = optionKeys<BatchOptions>()(['batchSize', 'verbose']);

/**
 * Arguments of Keras 3's `fit` / tfjs's `model.fit` that are not implemented yet: given a value, they
 * throw NotSupportedError instead of being ignored.
 */
const FIT_UNSUPPORTED = ['stepsPerEpoch', 'validationSteps', 'validationBatchSize', 'validationFreq', 'yieldEvery'];
/** The same for Keras's `evaluate` (tfjs's ModelEvaluateArgs) and `predict`. */
const BATCH_UNSUPPORTED: Record<'evaluate' | 'predict', readonly string[]> = {
  evaluate: ['steps', 'callbacks'],
  predict: ['steps', 'callbacks'],
};

/** `batchSize` of evaluate / predict options, after checking every key. */
export function batchOptions(options: BatchOptions | undefined, call: 'evaluate' | 'predict'): { batchSize: number } {
  const where = `${call} options`;
  checkOptionKeys(options, BATCH_OPTION_KEYS, where, BATCH_UNSUPPORTED[call]);
  if (options?.verbose !== undefined && options.verbose !== 0) throw new NotSupportedError(where, `verbose ${describeValue(options.verbose)}`);
  return { batchSize: checkBatchSize(options?.batchSize) };
}

export interface NormalizedFitOptions {
  readonly epochs: number;
  readonly batchSize: number;
  readonly validationSplit: number;
  readonly shuffle: boolean;
  readonly verbose: 0 | 1 | 2;
  readonly initialEpoch: number;
  readonly seed: number | undefined;
  /** As given; checked against the data by `sampleWeighting` (fit-setup). */
  readonly classWeight: unknown;
  readonly sampleWeight: unknown;
}

export function normalizeFitOptions(options: FitOptions): NormalizedFitOptions {
  checkOptionKeys(options, FIT_OPTION_KEYS, 'fit options', FIT_UNSUPPORTED);
  const epochs = options.epochs ?? 1;
  if (!Number.isInteger(epochs) || epochs < 0) throw new ArgumentError(`epochs must be a non-negative integer, got ${describeValue(options.epochs)}`);
  const batchSize = checkBatchSize(options.batchSize);
  const validationSplit = options.validationSplit ?? 0;
  if (options.validationSplit !== undefined && !(typeof validationSplit === 'number' && validationSplit > 0 && validationSplit < 1)) {
    throw new ArgumentError(`validationSplit must be a fraction in (0, 1), got ${describeValue(options.validationSplit)}`);
  }
  const verbose = options.verbose ?? 1;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) throw new ArgumentError(`verbose must be 0, 1 or 2, got ${describeValue(verbose)}`);
  const initialEpoch = options.initialEpoch ?? 0;
  if (!Number.isInteger(initialEpoch) || initialEpoch < 0) throw new ArgumentError(`initialEpoch must be a non-negative integer, got ${describeValue(initialEpoch)}`);
  if (options.seed !== undefined && !Number.isFinite(options.seed)) throw new ArgumentError(`seed must be a finite number, got ${describeValue(options.seed)}`);
  toCallbacks(options.callbacks);
  const shuffle = checkBooleanOption(options.shuffle, 'shuffle', 'fit options') ?? true;
  return { epochs, batchSize, validationSplit, shuffle, verbose, initialEpoch, seed: options.seed, classWeight: options.classWeight, sampleWeight: options.sampleWeight };
}

/** A positive integer batch size, 32 when not given (Keras's default). */
export function checkBatchSize(batchSize: number | undefined): number {
  const size = batchSize ?? 32;
  if (!Number.isInteger(size) || size <= 0) throw new ArgumentError(`batchSize must be a positive integer, got ${describeValue(batchSize)}`);
  return size;
}
