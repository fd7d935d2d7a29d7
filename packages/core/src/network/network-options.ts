import { ArgumentError, describeValue } from '../errors';
import { checkBooleanOption, checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';
import type { DenseLayerConfig, DenseNetworkOptions } from './dense-network';
import type { FitOptions, NeuralNetworkOptions } from './neural-network';
import type { PerceptronFitOptions, PerceptronOptions } from './perceptron';

// The options of core's networks, each list checked against its interface (optionKeys), so that a
// misspelt option (`{ epoch: 50 }`, `{ lr: 0.5 }`) is an error rather than a silently used default.

/** Options of `predict` / `calculateLoss` on the tutorial networks. */
export interface AddBiasOptions {
  /** Append the column of ones (the bias trick) to X; false when X already carries it. Default true. */
  addBias?: boolean;
}

const ADD_BIAS_KEYS = optionKeys<AddBiasOptions>()(['addBias']);
const NEURAL_NETWORK_KEYS = optionKeys<NeuralNetworkOptions>()(['alpha', 'seed']);
const NEURAL_NETWORK_FIT_KEYS = optionKeys<FitOptions>()(['epochs', 'displayUpdate', 'logger']);
const PERCEPTRON_KEYS = optionKeys<PerceptronOptions>()(['alpha', 'seed']);
const PERCEPTRON_FIT_KEYS = optionKeys<PerceptronFitOptions>()(['epochs']);
const DENSE_NETWORK_KEYS = optionKeys<DenseNetworkOptions>()(['inputSize', 'layers', 'loss', 'kernels', 'dtype', 'seed', 'masks']);
const DENSE_LAYER_KEYS = optionKeys<DenseLayerConfig>()(['name', 'units', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer', 'dropoutRate']);
/** Keras Dense arguments a core layer config does not implement yet (see @backprop/layers' Dense). */
const DENSE_LAYER_UNSUPPORTED = ['kernelRegularizer', 'biasRegularizer', 'activityRegularizer', 'kernelConstraint', 'biasConstraint'];

/** `addBias`, default true; anything but a boolean throws. */
export function readAddBias(options: AddBiasOptions | undefined, where: string): boolean {
  checkOptionKeys(options, ADD_BIAS_KEYS, `${where} options`);
  return checkBooleanOption(options?.addBias, 'addBias', `${where} options`) ?? true;
}

/** The learning rate and seed of NeuralNetwork or Perceptron (`kind`), checked. */
export function readTutorialOptions(options: NeuralNetworkOptions | PerceptronOptions, kind: 'NeuralNetwork' | 'Perceptron'): { alpha: number; seed: number | undefined } {
  checkOptionKeys(options, kind === 'NeuralNetwork' ? NEURAL_NETWORK_KEYS : PERCEPTRON_KEYS, `${kind} options`);
  const alpha = options.alpha ?? 0.1;
  if (!(typeof alpha === 'number' && alpha > 0 && Number.isFinite(alpha))) {
    throw new ArgumentError(`${kind} alpha must be a positive finite number, got ${describeValue(alpha)}`);
  }
  if (options.seed !== undefined && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) {
    throw new ArgumentError(`${kind} seed must be a finite number, got ${describeValue(options.seed)}`);
  }
  return { alpha, seed: options.seed };
}

/** `NeuralNetwork.fit` options with the tutorial's defaults (1000 epochs, a line every 100). */
export function readNeuralNetworkFitOptions(options: FitOptions): Required<FitOptions> {
  checkOptionKeys(options, NEURAL_NETWORK_FIT_KEYS, 'NeuralNetwork fit options');
  const { epochs = 1000, displayUpdate = 100, logger = console.log } = options;
  checkEpochs(epochs, 'NeuralNetwork');
  if (!Number.isInteger(displayUpdate) || displayUpdate <= 0) {
    throw new ArgumentError(`displayUpdate must be a positive integer, got ${describeValue(displayUpdate)}`);
  }
  if (typeof logger !== 'function') throw new ArgumentError(`logger must be a function such as console.log, got ${describeValue(logger)}`);
  return { epochs, displayUpdate, logger };
}

/** `Perceptron.fit` options; 10 epochs by default, as the tutorial. */
export function readPerceptronFitOptions(options: PerceptronFitOptions): number {
  checkOptionKeys(options, PERCEPTRON_FIT_KEYS, 'Perceptron fit options');
  const epochs = options.epochs ?? 10;
  checkEpochs(epochs, 'Perceptron');
  return epochs;
}

function checkEpochs(epochs: unknown, kind: string): void {
  if (!Number.isInteger(epochs) || (epochs as number) < 0) {
    throw new ArgumentError(`${kind} epochs must be a non-negative integer, got ${describeValue(epochs)}`);
  }
}

/** DenseNetwork's options: known keys, a positive inputSize, a non-empty layer list, a known dtype, a finite seed. */
export function checkDenseNetworkOptions(options: DenseNetworkOptions): void {
  if (options === undefined) throw new ArgumentError('DenseNetwork needs options { inputSize, layers }, got undefined');
  checkOptionKeys(options, DENSE_NETWORK_KEYS, 'DenseNetwork options');
  if (!Number.isInteger(options.inputSize) || options.inputSize <= 0) {
    throw new ArgumentError(`inputSize must be a positive integer, got ${describeValue(options.inputSize)}`);
  }
  if (!Array.isArray(options.layers) || options.layers.length === 0) {
    throw new ArgumentError(`layers must be a non-empty list of { units, activation }, got ${describeValue(options.layers)}`);
  }
  if (options.dtype !== undefined && options.dtype !== 'float32' && options.dtype !== 'float64') {
    throw new ArgumentError(`DenseNetwork dtype must be "float32" or "float64", got ${describeValue(options.dtype)}`);
  }
  if (options.seed !== undefined && !(typeof options.seed === 'number' && Number.isFinite(options.seed))) {
    throw new ArgumentError(`DenseNetwork seed must be a finite number, got ${describeValue(options.seed)}`);
  }
}

/** The keys of one layer config and its boolean `useBias`. */
export function checkDenseLayerConfig(config: DenseLayerConfig, index: number): void {
  const where = `DenseNetwork layers[${index}]`;
  checkOptionKeys(config, DENSE_LAYER_KEYS, where, DENSE_LAYER_UNSUPPORTED);
  checkBooleanOption(config.useBias, 'useBias', where);
}
