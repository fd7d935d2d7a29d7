/**
 * @backprop/layers: a Keras-like Sequential / Dense / SGD API on pluggable backends. The facade owns the
 * training loop (batching, seeded shuffling, validation, metrics, callbacks); a backend does the math —
 * `scratch` (core's engine, the default) or any registered plugin such as `@backprop/tfjs-adapter`.
 */
export type { Backend, BackendFactory, DropoutMasks, ModelSpec } from './backend/backend';
export { getBackend, getBackendNames, registerBackend, resolveBackend, setBackend } from './backend/backend-registry';
export { ScratchBackend, scratchBackendFactory } from './backend/scratch-backend';
export { Callback, type CallbackModel, type TrainingParams } from './callbacks/callback';
export type { CallbackOption } from './callbacks/callback-forms';
export { CSVLogger, type CSVLoggerOptions } from './callbacks/csv-logger';
export { EarlyStopping, type EarlyStoppingOptions } from './callbacks/early-stopping';
export { History } from './callbacks/history';
export { type CallbackHooks, LambdaCallback } from './callbacks/lambda-callback';
export { type EpochSchedule, LearningRateScheduler } from './callbacks/learning-rate-scheduler';
export { ModelCheckpoint, type ModelCheckpointOptions } from './callbacks/model-checkpoint';
export type { MonitorMode } from './callbacks/monitor-mode';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './callbacks/reduce-lr-on-plateau';
export { ProgressBar, type ProgressBarOptions, type ProgressStream } from './callbacks/progress-bar';
export { TerminateOnNaN, type TerminateOnNaNOptions } from './callbacks/terminate-on-nan';
export { type BatchSource, type InputData, isBatchSource, MatrixBatchSource, type TargetData } from './data/batch-source';
export type { NamedFile } from './io/browser/browser-files-handler';
export { browserDownloads } from './io/browser/downloads-handler';
export { browserFiles } from './io/browser/browser-files-handler';
export { httpHandler } from './io/browser/http-handler';
export { indexedDBHandler } from './io/browser/indexeddb-handler';
export { localStorageHandler } from './io/browser/local-storage-handler';
export { registerIORouter } from './io/io-router';
export { KERAS_FILE_LIMIT_BYTES } from './io/keras/keras-format';
export { type KerasFileCodecs, registerKerasFiles } from './io/keras-files';
export { KerasFilesNotEnabledError, KerasNotSupportedError } from './io/keras/keras-errors';
export { kerasFileBytes } from './io/keras/keras-model-writer';
export { type LoadTarget, loadModel } from './io/load-from';
export { modelFromArtifacts } from './io/model-from-artifacts';
export type { LoadedArtifacts, ModelArtifacts, ModelIOHandler } from './io/model-io-handler';
export type { LayerJson, ModelJson, WeightsManifestEntry, WeightsManifestGroup } from './io/model-json';
export type { SaveConfig } from './io/training-artifacts';
export type { TrainingConfigJson } from './io/training-config';
export { Activation, type ActivationArgs, type ActivationConstructor, ActivationLayer } from './layers/activation';
export {
  BatchNormalization,
  type BatchNormalizationConstructor,
  BatchNormalizationLayer,
  type BatchNormalizationOptions,
} from './layers/batch-normalization';
export { Dense, type DenseArgs, type DenseConstructor, DenseLayer, type DenseOptions, type InitializerOption } from './layers/dense';
export { Dropout, type DropoutArgs, type DropoutConstructor, DropoutLayer } from './layers/dropout';
export { Flatten, type FlattenConstructor, FlattenLayer } from './layers/flatten';
export { Input, type InputArgs, InputLayer, type InputLayerArgs, type InputLayerConstructor, InputLayerLayer } from './layers/input-layer';
export { Reshape, type ReshapeArgs, type ReshapeConstructor, ReshapeLayer } from './layers/reshape';
export { Layer, type LayerClassName, type LayerOptions } from './layers/layer';
export { Conv2D, type Conv2DArgs, type Conv2DConstructor, Conv2DLayer, type Conv2DOptions } from './layers/conv2d';
export {
  AveragePooling2D,
  AveragePooling2DLayer,
  MaxPooling2D,
  MaxPooling2DLayer,
  type Pooling2DArgs,
  type Pooling2DConstructor,
  Pooling2DLayer,
} from './layers/pooling-2d';
export {
  GlobalAveragePooling2D,
  type GlobalAveragePooling2DArgs,
  GlobalAveragePooling2DLayer,
  type SpatialLayerConstructor,
  ZeroPadding2D,
  type ZeroPadding2DArgs,
  ZeroPadding2DLayer,
} from './layers/spatial-layers';
export { clearSession } from './layers/layer-names';
export { type LossOption, resolveLoss, type ResolvedLoss } from './losses/loss-resolution';
export { type Metric, metricNames, resolveMetrics } from './metrics/metric-registry';
export type { Logs } from './metrics/running-means';
export type { CompiledModel, CompileOptions } from './model/compile-options';
export type { BatchOptions, FitOptions } from './model/fit-options';
export type { WeightArray, WeightInput } from './model/keras-weights';
export { ModelStateError } from './model/model-state-error';
export type { OnBatchResult, TestOnBatchOptions, TrainOnBatchOptions } from './model/on-batch';
export { type EvaluateResult, Sequential, type SequentialOptions } from './model/sequential';
export { Adadelta, type AdadeltaOptions } from './optimizers/adadelta';
export { Adagrad, type AdagradOptions } from './optimizers/adagrad';
export { Adam, type AdamOptions } from './optimizers/adam';
export { Adamax, type AdamaxOptions } from './optimizers/adamax';
export { AdamW, type AdamWOptions } from './optimizers/adamw';
export type { BaseOptimizerOptions } from './optimizers/base-optimizer-options';
export { CosineDecay, ExponentialDecay, LearningRateSchedule, PiecewiseConstantDecay } from './optimizers/learning-rate-schedules';
export { ModelOptimizer } from './optimizers/model-optimizer';
export { Nadam, type NadamOptions } from './optimizers/nadam';
export {
  isTfjsOptimizerLike,
  registerTfjsOptimizerTranslator,
  type TfjsOptimizerLike,
  type TfjsOptimizerTranslator,
} from './optimizers/tfjs-optimizer-objects';
export { RMSprop, type RMSpropOptions } from './optimizers/rmsprop';
export { SGD, type SGDOptions } from './optimizers/sgd';
export type { NestedArray, TensorLike } from './data/sample-data';
export type { EvaluateDict, EvaluateOptions } from './model/evaluate-model';
export type { ClassWeight } from './model/sample-weighting';
export { constraints, regularizers } from './regularizers/regularizers';
export { type PredictOutput, registerTensorFactory, type TensorFactory } from './data/tensor-output';
export { type FitInWorkerOptions, fitInWorker, type WorkerFitResult, type WorkerFitRun } from './worker/fit-in-worker';
export { serveFit } from './worker/serve-fit';
export { WorkerFitError } from './worker/worker-fit-error';
export type { FitProgressEvent, PortableWeight, WorkerPort } from './worker/worker-protocol';
export { initializers } from './initializers/initializers';
