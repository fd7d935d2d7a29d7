/**
 * @backprop/layers: a Keras-like Sequential / Dense / SGD API on pluggable backends. The facade owns the
 * training loop (batching, seeded shuffling, validation, metrics, callbacks); a backend does the math —
 * `scratch` (core's engine, the default) or any registered plugin such as `@backprop/tfjs-adapter`.
 */
export type { Backend, BackendFactory, DropoutMasks, ModelSpec } from './backend/backend';
export { getBackend, getBackendNames, registerBackend, resolveBackend, setBackend } from './backend/backend-registry';
export { ScratchBackend, scratchBackendFactory } from './backend/scratch-backend';
export { Callback, type CallbackModel, type TrainingParams } from './callbacks/callback';
export { EarlyStopping, type EarlyStoppingOptions } from './callbacks/early-stopping';
export { History } from './callbacks/history';
export { ModelCheckpoint, type ModelCheckpointOptions } from './callbacks/model-checkpoint';
export type { MonitorMode } from './callbacks/monitor-mode';
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
export { type LoadTarget, loadModel } from './io/load-from';
export { modelFromArtifacts } from './io/model-from-artifacts';
export type { LoadedArtifacts, ModelArtifacts, ModelIOHandler } from './io/model-io-handler';
export type { LayerJson, ModelJson, WeightsManifestEntry, WeightsManifestGroup } from './io/model-json';
export { Activation, type ActivationArgs, type ActivationConstructor, ActivationLayer } from './layers/activation';
export {
  BatchNormalization,
  type BatchNormalizationConstructor,
  BatchNormalizationLayer,
  type BatchNormalizationOptions,
} from './layers/batch-normalization';
export { Dense, type DenseArgs, type DenseConstructor, DenseLayer, type DenseOptions } from './layers/dense';
export { Dropout, type DropoutArgs, type DropoutConstructor, DropoutLayer } from './layers/dropout';
export { Flatten, type FlattenConstructor, FlattenLayer } from './layers/flatten';
export { InputLayer, type InputLayerArgs, type InputLayerConstructor, InputLayerLayer } from './layers/input-layer';
export { Reshape, type ReshapeArgs, type ReshapeConstructor, ReshapeLayer } from './layers/reshape';
export { Layer, type LayerClassName, type LayerOptions } from './layers/layer';
export { clearSession } from './layers/layer-names';
export { type LossOption, resolveLoss, type ResolvedLoss } from './losses/loss-resolution';
export { type Metric, metricNames, resolveMetrics } from './metrics/metric-registry';
export type { Logs } from './metrics/running-means';
export type { CompileOptions } from './model/compile-options';
export type { BatchOptions, FitOptions } from './model/fit-options';
export type { WeightArray, WeightInput } from './model/keras-weights';
export { ModelStateError } from './model/model-state-error';
export { type EvaluateResult, Sequential, type SequentialOptions } from './model/sequential';
export { Adam, type AdamOptions } from './optimizers/adam';
export { RMSprop, type RMSpropOptions } from './optimizers/rmsprop';
export { SGD, type SGDOptions } from './optimizers/sgd';
