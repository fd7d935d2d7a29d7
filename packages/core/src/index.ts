export * from './errors';
export * from './matrix';
export * from './random';
export type { ActivationName, ActivationSpec, Kernels } from './kernels/kernels';
export { jsKernels } from './kernels/js-kernels';
export { describeKernels, getKernels, loadKernels, registerKernels, registeredKernelNames, setKernels } from './kernels/kernel-registry';
// Node: registers the worker_threads pool of the wasm kernels (threads > 1, BACKPROP_THREADS).
// A browser build leaves this import out and runs the wasm kernels on one thread.
import './kernels/node-thread-pool';
export { canUseWasmThreads, loadWasmKernels, type WasmKernelOptions, type WasmKernels } from './kernels/wasm-kernels';
export { defaultWasmThreads } from './kernels/thread-pool';
export { activationNames, activationSpec, getActivation, sigmoid, type ActivationDefinition } from './activations/activation-registry';
export { acceptedLossNames, EPSILON, getLoss, lossNames, resolveLossName, type Loss, type LossName, type LossSpec } from './losses/loss-registry';
export {
  getInitializer,
  initializerNames,
  resolveInitializerName,
  type Initializer,
  type InitializerName,
} from './initializers/initializer-registry';
export {
  createOptimizer,
  optimizerNames,
  optimizerSpec,
  type Optimizer,
  type OptimizerName,
  type OptimizerSpec,
  type ParameterSlot,
} from './optimizers/optimizer-registry';
export { DenseNetwork, type DenseLayerConfig, type DenseLayerState, type DenseNetworkOptions, type LayerWeights } from './network/dense-network';
export { NeuralNetwork, type FitOptions, type NeuralNetworkOptions } from './network/neural-network';
export { Perceptron, type PerceptronOptions } from './network/perceptron';
export { gradientCheck, type GradientCheckOptions, type GradientCheckResult } from './network/gradient-check';
export * from './metrics';
export * from './preprocessing';
export { writeFileAtomic } from './io/atomic-write';
export { deserializeNetwork, NETWORK_FILE_FORMAT, NETWORK_FILE_VERSION, serializeNetwork, type NetworkFile } from './io/network-file';
export { loadNetwork, saveNetwork } from './io/save-network';
export { checkBooleanOption, checkOptionKeys, rejectUnsupportedOptions } from './options/check-option-keys';
export { closestName, editDistance } from './options/closest-name';
