import './register';

export { tfjsActivation, tfjsActivationNames } from './activation-mapping';
export {
  compareEngines,
  type CompareEnginesOptions,
  type ParityReport,
  type ParityStep,
  type ParityTolerance,
} from './compare-engines';
export { TfjsBackendUnavailableError, TfjsUnsupportedError } from './errors';
export { createModelSpec, type ModelSpecOptions } from './model-spec';
export { predictTensor } from './predict-tensor';
export { ScaledElu } from './scaled-elu-layer';
export { fromTfjsModel, toTfjsModel } from './sequential-interop';
export { type SequentialToSpecOptions, sequentialToSpec } from './sequential-to-spec';
export { buildTfjsModel, specToTfjsModel, type TfjsLayerGroup, type TfjsModelParts } from './spec-to-tfjs-model';
export { TfjsBackend } from './tfjs-backend';
export { tfjsBackendFactory } from './tfjs-backend-factory';
export { fusedSoftmaxCrossEntropy, type TfjsLoss, tfjsLoss } from './tfjs-losses';
export { tfjsModelToSpec, type TfjsModelToSpecOptions } from './tfjs-model-to-spec';
export { AdadeltaOptimizer } from './tfjs-adadelta';
export { AdamWOptimizer } from './tfjs-adamw';
export { NadamOptimizer } from './tfjs-nadam';
export { optimizerFromTfjs, tfjsOptimizer, tfjsOptimizerClassNames, translateTfjsOptimizer } from './tfjs-optimizer';
export { TfjsOptimizerRun } from './tfjs-optimizer-run';
export {
  consumerSearchPaths,
  describeSkipped,
  describeTfjs,
  getTfjsInfo,
  initTfjs,
  isTfjsReady,
  type InitTfjsOptions,
  loadFromConsumer,
  TFJS_BACKEND_ENV,
  type TfjsBackendName,
  type TfjsInfo,
  tfjsBackendNames,
} from './tfjs-runtime';
