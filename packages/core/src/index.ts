export * from './errors';
export * from './matrix';
export * from './random';
export type { ActivationSpec, ConvolutionKernels, Kernels } from './kernels/kernels';
export * from './descriptors';
export { JS_MEMORY_LIMIT_BYTES, jsKernels } from './kernels/js-kernels';
export { describeKernels, getKernels, loadKernels, registerKernels, registeredKernelNames, setKernels } from './kernels/kernel-registry';
// Node: ./platform/node registers the worker_threads pool of the wasm kernels (threads > 1,
// BACKPROP_THREADS) and their shared-memory builds; the browser build runs the wasm kernels on one thread.
export { canUseWasmThreads, loadWasmKernels, type WasmKernelOptions, type WasmKernels } from './kernels/wasm-kernels';
export { defaultWasmThreads } from './kernels/thread-pool';
export { activationSpec, getActivation, sigmoid, type ActivationDefinition, type ActivationOption } from './activations/activation-registry';
export { acceptedLossNames, EPSILON, getLoss, resolveLossName, type Loss, type LossSpec } from './losses/loss-registry';
export {
  getInitializer,
  resolveInitializer,
  resolveInitializerName,
  type Initializer,
} from './initializers/initializer-registry';
export { type ConfigurableInitializer, type InitializerSpec, initializerFromObject } from './initializers/initializer-spec';
export {
  createOptimizer,
  optimizerSlotCount,
  optimizerSpec,
  unsupportedOptimizerOptions,
  type Optimizer,
  type OptimizerSpec,
  type ParameterSlot,
} from './optimizers/optimizer-registry';
export type { OptimizerState, OptimizerVariable } from './optimizers/optimizer-state';
export { clipGradients, type ClippingOptions } from './optimizers/gradient-clipping';
export {
  type CosineDecayConfig,
  type ExponentialDecayConfig,
  isLearningRateSchedule,
  type LearningRateScheduleName,
  learningRateScheduleNames,
  type LearningRateScheduleSpec,
  learningRateScheduleSpec,
  type PiecewiseConstantDecayConfig,
  scheduledLearningRate,
} from './optimizers/learning-rate-schedules';
export { DenseNetwork, type DenseLayerConfig, type DenseLayerState, type DenseNetworkOptions, type LayerWeights } from './network/dense-network';
export {
  allocatingFor,
  checkDenseMemory,
  type DenseMemoryEstimate,
  type DenseMemoryOptions,
  estimateDenseMemory,
  kernelsMemoryName,
  type MemoryLayer,
  type OtherMemoryLayer,
} from './network/model-memory';
export { NeuralNetwork, type FitOptions, type NeuralNetworkOptions } from './network/neural-network';
export { Perceptron, type PerceptronFitOptions, type PerceptronOptions } from './network/perceptron';
export type { AddBiasOptions } from './network/network-options';
export { gradientCheck, type GradientCheckOptions, type GradientCheckResult } from './network/gradient-check';
export * from './metrics';
export * from './preprocessing';
export type { AtomicWriteOptions } from './io/atomic-write';
export { fileAccessError } from './io/file-access-error';
export { deserializeNetwork, NETWORK_FILE_FORMAT, NETWORK_FILE_VERSION, serializeNetwork, type NetworkFile } from './io/network-file';
// Node's file system; the browser build swaps in stubs that throw PlatformError (see src/platform/).
export { atomicTempName, fsyncDirectory, loadNetwork, parseAtomicTempName, removeStaleTempFiles, saveNetwork, writeFileAtomic } from './platform/node';
export { describeRuntime, environmentVariable } from './platform/runtime';
export { loadWasmBinaries, resetWasmBinaries, setWasmBinaries, type WasmBinariesOptions, type WasmSource } from './kernels/wasm-binaries';
export { checkBooleanOption, checkOptionKeys, rejectUnsupportedOptions } from './options/check-option-keys';
export { optionKeys } from './options/option-keys';
export { closestName, editDistance } from './options/closest-name';
export { type Layer, type LayerContext, type LayerWeight, shapeSize } from './layers/layer';
export { Dense as DenseLayer, type DenseConfig } from './layers/dense';
export { Activation as ActivationLayer, type ActivationConfig } from './layers/activation';
export { Dropout as DropoutLayer, type DropoutConfig, type MaskSource, rngMaskSource } from './layers/dropout';
export { Flatten as FlattenLayer, type FlattenConfig } from './layers/flatten';
export { Reshape as ReshapeLayer, type ReshapeConfig } from './layers/reshape';
export { InputLayer, type InputLayerConfig } from './layers/input-layer';
export { Conv2D as Conv2DLayer, type Conv2DConfig } from './layers/conv2d';
export { MaxPooling2D as MaxPooling2DLayer } from './layers/max-pooling-2d';
export { AveragePooling2D as AveragePooling2DLayer } from './layers/average-pooling-2d';
export type { Pooling2DConfig } from './layers/pooling-2d';
export { GlobalAveragePooling2D as GlobalAveragePooling2DLayer, type GlobalAveragePooling2DConfig } from './layers/global-average-pooling-2d';
export { ZeroPadding2D as ZeroPadding2DLayer, type ZeroPadding2DConfig } from './layers/zero-padding-2d';
export { checkChannelsLast, type DataFormat } from './layers/channels-last';
export { integerPair, type PaddingMode, paddingMode, type WindowGeometry, windowGeometry } from './kernels/window-geometry';
export { type LayerClassName, type LayerConfig, layerClassNames, layerFromConfig } from './layers/layer-config';
export { SequentialNetwork, type SequentialNetworkOptions } from './network/sequential-network';
export { fuseNeighbours, type FusedPlan } from './network/layer-fusion';
export {
  type ConstraintConfig,
  type ConstraintIdentifier,
  type RegularizerConfig,
  type RegularizerIdentifier,
  resolveConstraint,
  resolveRegularizer,
  type SerializedObject,
  type TfjsSerializable,
} from './regularizers/weight-regularizer';
export { addPenaltyGradient, applyConstraint, penaltyValue } from './regularizers/weight-penalty';
export { checkSampleWeights } from './network/loss-terms';
