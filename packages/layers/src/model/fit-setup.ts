import { ArgumentError } from '@backprop/core';
import type { TrainingParams } from '../callbacks/callback';
import { toCallbacks } from '../callbacks/callback-forms';
import { CallbackList } from '../callbacks/callback-list';
import type { History } from '../callbacks/history';
import { ProgressBar } from '../callbacks/progress-bar';
import { TerminateOnNaN } from '../callbacks/terminate-on-nan';
import { BatchReader, indexRange } from '../data/batch-reader';
import type { BatchSource } from '../data/batch-source';
import type { CompiledModel } from './compile-options';
import type { FitOptions, NormalizedFitOptions } from './fit-options';
import type { ModelPlan } from './model-plan';
import { type SampleWeighting, sampleWeighting } from './sample-weighting';

/** The training samples and the validation samples of one `fit`, checked against the model. */
export interface FitData {
  readonly train: BatchReader;
  readonly trainIndices: Uint32Array;
  readonly validation: { readonly reader: BatchReader; readonly indices: Uint32Array; readonly weighting?: SampleWeighting | null } | null;
  /** The training samples' weights (`sampleWeight` / `classWeight`), or null. */
  readonly weighting: SampleWeighting | null;
}

/**
 * Readers for the training data and the validation data: `validationData` as given, or with
 * `validationSplit` the LAST rows of the training data, taken before any shuffling (Keras's rule).
 */
export function fitData(source: BatchSource, validationSource: BatchSource | null, fit: NormalizedFitOptions, compiled: CompiledModel, plan: ModelPlan): FitData {
  const train = new BatchReader(source, plan, compiled.loss, true, 'x');
  const weighting = sampleWeighting(fit.sampleWeight, fit.classWeight, source.size, plan.outputUnits, 'fit');
  if (validationSource) {
    const reader = new BatchReader(validationSource, plan, compiled.loss, true, 'validationData');
    return { train, weighting, trainIndices: indexRange(0, source.size), validation: { reader, indices: indexRange(0, validationSource.size) } };
  }
  if (fit.validationSplit === 0) return { train, weighting, trainIndices: indexRange(0, source.size), validation: null };
  const split = Math.floor(source.size * (1 - fit.validationSplit));
  if (split === 0 || split === source.size) {
    throw new ArgumentError(
      `validationSplit ${fit.validationSplit} of ${source.size} samples leaves ${split} for training and ${source.size - split} for validation; both need at least one`,
    );
  }
  // Keras splits sample_weight with x and y (array_slicing.train_validation_split); class_weight stays with training.
  const validationWeighting = weighting?.splitsWithData ? weighting : null;
  return { train, weighting, trainIndices: indexRange(0, split), validation: { reader: train, indices: indexRange(split, source.size - split), weighting: validationWeighting } };
}

/**
 * The callbacks of one `fit`, in Keras's order: the progress bar (for verbose 1 or 2, unless one is
 * given), TerminateOnNaN (unless one is given), the user's callbacks, and History last.
 */
export function fitCallbacks(given: FitOptions['callbacks'], verbose: 0 | 1 | 2, history: History): CallbackList {
  const user = toCallbacks(given);
  const progress = verbose > 0 && !user.some((c) => c instanceof ProgressBar) ? [new ProgressBar({ verbose: verbose as 1 | 2 })] : [];
  const nan = user.some((c) => c instanceof TerminateOnNaN) ? [] : [new TerminateOnNaN()];
  return new CallbackList([...progress, ...nan, ...user, history]);
}

/** `callback.params` for one `fit`. */
export function trainingParams(fit: NormalizedFitOptions, compiled: CompiledModel, data: FitData): TrainingParams {
  const names = ['loss', ...compiled.metrics.map((m) => m.name)];
  return {
    epochs: fit.epochs,
    steps: Math.ceil(data.trainIndices.length / fit.batchSize),
    samples: data.trainIndices.length,
    batchSize: fit.batchSize,
    verbose: fit.verbose,
    initialEpoch: fit.initialEpoch,
    metrics: data.validation ? [...names, ...names.map((m) => `val_${m}`)] : names,
  };
}
