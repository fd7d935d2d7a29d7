import { ArgumentError, DivergenceError, describeValue, ShapeError } from '../errors';
import { Matrix, type MatrixLike } from '../matrix';
import { createOptimizer, type Optimizer } from '../optimizers/optimizer-registry';
import { Rng } from '../random';
import { DenseNetwork } from './dense-network';
import { type AddBiasOptions, readAddBias, readNeuralNetworkFitOptions, readTutorialOptions } from './network-options';
import { appendBiasColumn, toTargets } from './tutorial-data';

export interface NeuralNetworkOptions {
  /** Learning rate of the per-sample SGD; the tutorial's default is 0.1. */
  alpha?: number;
  /** Seed for the initial weights; every run with the same seed is identical. */
  seed?: number;
}

export interface FitOptions {
  /** Default 1000, as in the tutorial. */
  epochs?: number;
  /** Log the loss every this many epochs (and after the first); default 100. */
  displayUpdate?: number;
  /** Where the `[INFO] epoch=…` lines go; default console.log. */
  logger?: (line: string) => void;
}

/**
 * The classic backpropagation tutorial's network, faithful to its every detail: the bias trick (a
 * column of ones appended to the input, and one extra unit carried by every hidden layer), sigmoid
 * everywhere, ½·SSE loss and plain SGD one sample at a time. Weight matrices have shape
 * (layers[i]+1)×(layers[i+1]+1), the last one (layers[-2]+1)×layers[-1], initialised as
 * `randn / sqrt(layers[i])`.
 *
 * It is a `DenseNetwork` without separate biases underneath, so the math is the same code as the
 * minibatch engine's.
 */
export class NeuralNetwork {
  readonly layers: readonly number[];
  readonly alpha: number;
  readonly network: DenseNetwork;
  private readonly optimizer: Optimizer;

  constructor(layers: readonly number[], options: NeuralNetworkOptions | number = {}) {
    const { alpha, seed } = readTutorialOptions(typeof options === 'number' ? { alpha: options } : options, 'NeuralNetwork');
    if (!Array.isArray(layers) || layers.length < 2) {
      throw new ArgumentError(`layers must list at least an input and an output size, got ${describeValue(layers)}`);
    }
    layers.forEach((size, i) => {
      if (!Number.isInteger(size) || size <= 0) throw new ArgumentError(`layers[${i}] must be a positive integer, got ${describeValue(size)}`);
    });
    this.layers = [...layers];
    this.alpha = alpha;
    const last = layers.length - 1;
    this.network = new DenseNetwork({
      inputSize: layers[0] + 1,
      layers: layers.slice(1).map((size, i) => ({
        units: i + 1 === last ? size : size + 1,
        activation: 'sigmoid',
        useBias: false,
        kernelInitializer: 'zeros',
      })),
      loss: 'sse',
    });
    // The tutorial's initialisation: randn(rows, cols) / sqrt(layers[i]) — note layers[i], not rows.
    const rng = new Rng(seed ?? Date.now());
    this.network.setWeights(
      this.network.layers.map((l, i) => {
        const kernel = new Float32Array(l.inputs * l.units);
        const scale = 1 / Math.sqrt(layers[i]);
        for (let k = 0; k < kernel.length; k++) kernel[k] = rng.normal() * scale;
        return { kernel };
      }),
    );
    this.optimizer = createOptimizer({ name: 'sgd', learningRate: alpha }, this.network.kernels);
  }

  /** `NeuralNetwork: 2-2-1` */
  toString(): string {
    return `NeuralNetwork: ${this.layers.join('-')}`;
  }

  /** Train one sample at a time for `epochs` passes over X, logging the loss as the tutorial does. */
  fit(X: MatrixLike, y: MatrixLike | readonly number[], options: FitOptions = {}): void {
    const { epochs, displayUpdate, logger } = readNeuralNetworkFitOptions(options);
    const xb = appendBiasColumn(this.checkInputs(X, 'X'));
    const targets = this.checkTargets(y, xb.rows);
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < xb.rows; i++) {
        const loss = this.network.trainStep(xb.row(i), targets.row(i), 1, this.optimizer);
        if (!Number.isFinite(loss)) throw new DivergenceError(epoch + 1, i + 1, loss);
      }
      if (epoch === 0 || (epoch + 1) % displayUpdate === 0) {
        const loss = this.lossOn(xb, targets);
        logger(`[INFO] epoch=${epoch + 1}, loss=${loss.toFixed(7)}`);
      }
    }
  }

  /** One SGD step on one sample `x` (without the bias entry) and its target. */
  fitPartial(x: readonly number[] | Float32Array, y: readonly number[] | Float32Array | number): number {
    const xb = appendBiasColumn(this.checkInputs([Array.from(x)], 'x'));
    const target = this.checkTargets(typeof y === 'number' ? [y] : [Array.from(y)], 1);
    const loss = this.network.trainStep(xb.data, target.data, 1, this.optimizer);
    if (!Number.isFinite(loss)) throw new DivergenceError(1, 1, loss);
    return loss;
  }

  /** Outputs for every row of X; `addBias: false` when X already carries the column of ones. */
  predict(X: MatrixLike, options: AddBiasOptions = {}): Matrix {
    const addBias = readAddBias(options, 'NeuralNetwork predict');
    const xb = addBias ? appendBiasColumn(this.checkInputs(X, 'X')) : this.checkInputs(X, 'X', 1);
    const out = this.network.forward(xb.data, xb.rows);
    return new Matrix(xb.rows, this.network.outputSize, out.slice(0, xb.rows * this.network.outputSize) as Float32Array);
  }

  /** ½·Σ (prediction − target)² over every sample — the tutorial's `calculate_loss`. */
  calculateLoss(X: MatrixLike, y: MatrixLike | readonly number[], options: AddBiasOptions = {}): number {
    const addBias = readAddBias(options, 'NeuralNetwork calculateLoss');
    const xb = addBias ? appendBiasColumn(this.checkInputs(X, 'X')) : this.checkInputs(X, 'X', 1);
    return this.lossOn(xb, this.checkTargets(y, xb.rows));
  }

  /** The weight matrices W[0..], each (layers[i]+1)×(layers[i+1]+1), the last (layers[-2]+1)×layers[-1]. */
  getWeights(): Matrix[] {
    return this.network.layers.map((l) => new Matrix(l.inputs, l.units, Float32Array.from(l.kernel)));
  }

  /** Set every weight matrix from nested arrays or matrices of the shapes `getWeights` returns. */
  setWeights(weights: readonly MatrixLike[]): void {
    if (!Array.isArray(weights) || weights.length !== this.network.layers.length) {
      throw new ShapeError(`setWeights expects ${this.network.layers.length} weight matrices, got ${weights?.length}`);
    }
    const kernels = weights.map((w, i) => {
      const l = this.network.layers[i];
      const m = Matrix.from(w, `weights[${i}]`);
      if (m.rows !== l.inputs || m.cols !== l.units) {
        throw new ShapeError(`weights[${i}] must be ${l.inputs}x${l.units}, got ${m.rows}x${m.cols}`);
      }
      return { kernel: m.data };
    });
    this.network.setWeights(kernels);
  }

  private lossOn(xb: Matrix, targets: Matrix): number {
    // The engine's sse is a batch mean of ½·Σ per sample; the tutorial sums over samples.
    return this.network.evaluateLoss(xb.data, targets.data, xb.rows) * xb.rows;
  }

  private checkInputs(X: MatrixLike, name: string, extra = 0): Matrix {
    const m = Matrix.from(X, name);
    if (m.rows === 0) throw new ArgumentError(`${name} must hold at least one sample, got 0 rows`);
    const width = this.layers[0] + extra;
    if (m.cols !== width) throw new ShapeError(`${name} must have ${width} columns, got ${m.cols}`);
    return m.assertFinite(name);
  }

  private checkTargets(y: MatrixLike | readonly number[], rows: number): Matrix {
    const targets = toTargets(y, this.layers[this.layers.length - 1]);
    if (targets.rows !== rows) throw new ShapeError(`y must have ${rows} rows (one per sample of X), got ${targets.rows}`);
    return targets.assertFinite('y');
  }
}
