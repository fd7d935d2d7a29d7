import type { Logs } from '../metrics/running-means';
import type { WeightArray } from '../model/keras-weights';
import type { ModelOptimizer } from '../optimizers/model-optimizer';

/** What `fit` tells callbacks about the run (Keras's `callback.params`). */
export interface TrainingParams {
  readonly epochs: number;
  /** Batches per epoch. */
  readonly steps: number;
  /** Training samples per epoch. */
  readonly samples: number;
  readonly batchSize: number;
  readonly verbose: 0 | 1 | 2;
  readonly initialEpoch: number;
  /** Keys the epoch logs will have: `loss`, metrics, and their `val_` twins when validating. */
  readonly metrics: readonly string[];
}

/** The part of the model a callback may use (Keras's `callback.model`). */
export interface CallbackModel {
  /** Set to true to end training after the current batch (Keras's `model.stop_training`). */
  stopTraining: boolean;
  getWeightsAsync(): Promise<WeightArray[]>;
  setWeightsAsync(weights: readonly WeightArray[]): Promise<void>;
  /** Save in the TensorFlow.js layers format, e.g. `file://./checkpoints/epoch-3`. */
  save(url: string): Promise<void>;
  /** The compiled optimizer (Keras's `model.optimizer`), whose `learningRate` callbacks may set. */
  readonly optimizer?: ModelOptimizer | null;
}

/**
 * Base class of every callback (Keras's `keras.callbacks.Callback`, tfjs's `CustomCallback`): override
 * the hooks you need. Epochs and batches are 0-based as in Keras; hooks may be async and are awaited.
 * `logs` of batch hooks hold the running means of the epoch so far; of epoch hooks, the epoch's values
 * including `val_*`; `onTrainEnd` gets the last epoch's logs.
 */
export class Callback {
  model: CallbackModel | null = null;
  params: TrainingParams | null = null;

  setModel(model: CallbackModel): void {
    this.model = model;
  }

  setParams(params: TrainingParams): void {
    this.params = params;
  }

  onTrainBegin(_logs: Logs): void | Promise<void> {}
  onTrainEnd(_logs: Logs): void | Promise<void> {}
  onEpochBegin(_epoch: number, _logs: Logs): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs: Logs): void | Promise<void> {}
  onBatchBegin(_batch: number, _logs: Logs): void | Promise<void> {}
  onBatchEnd(_batch: number, _logs: Logs): void | Promise<void> {}
}
