import { ArgumentError, describeValue, ShapeError } from '../errors';
import { Matrix, type MatrixLike } from '../matrix';
import { Rng } from '../random';
import { DenseNetwork } from './dense-network';
import { type AddBiasOptions, readAddBias, readPerceptronFitOptions, readTutorialOptions } from './network-options';
import { appendBiasColumn, toTargets } from './tutorial-data';

export interface PerceptronFitOptions {
  /** Passes over X; the tutorial's default is 10. */
  epochs?: number;
}

export interface PerceptronOptions {
  /** Learning rate; the tutorial's default is 0.1. */
  alpha?: number;
  seed?: number;
}

/**
 * Rosenblatt's perceptron as in the tutorial: one step unit over the inputs plus a bias entry,
 * trained with the delta rule W ← W − α·(p − t)·x whenever the prediction p is wrong. It is a single
 * dense layer of the engine; the update goes through the same kernels as backprop.
 */
export class Perceptron {
  readonly inputs: number;
  readonly alpha: number;
  private readonly network: DenseNetwork;
  private readonly error: Float32Array;

  constructor(inputs: number, options: PerceptronOptions = {}) {
    if (!Number.isInteger(inputs) || inputs <= 0) throw new ArgumentError(`Perceptron inputs must be a positive integer, got ${describeValue(inputs)}`);
    const { alpha, seed } = readTutorialOptions(options, 'Perceptron');
    this.inputs = inputs;
    this.alpha = alpha;
    this.network = new DenseNetwork({
      inputSize: inputs + 1,
      layers: [{ units: 1, activation: 'step', useBias: false, kernelInitializer: 'zeros' }],
      loss: 'sse',
    });
    // np.random.randn(N + 1) / np.sqrt(N)
    const rng = new Rng(seed ?? Date.now());
    const w = new Float32Array(inputs + 1);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal() / Math.sqrt(inputs);
    this.network.setWeights([{ kernel: w }]);
    this.error = this.network.kernels.alloc(1);
  }

  fit(X: MatrixLike, y: MatrixLike | readonly number[], options: PerceptronFitOptions = {}): void {
    const epochs = readPerceptronFitOptions(options);
    const xb = appendBiasColumn(this.checkInputs(X));
    const targets = toTargets(y, 1).assertFinite('y');
    if (targets.rows !== xb.rows) throw new ShapeError(`y must have ${xb.rows} rows (one per sample of X), got ${targets.rows}`);
    // The step unit outputs 0 or 1, so any other label is never matched and the delta rule would
    // push the weights forever (a label of 2 trains as a permanent error): refuse it.
    const badLabel = targets.data.findIndex((t) => t !== 0 && t !== 1);
    if (badLabel >= 0) {
      throw new ArgumentError(`Perceptron labels must be 0 or 1 (the step unit's outputs), got y[${badLabel}] = ${describeValue(targets.data[badLabel])}`);
    }
    const layer = this.network.denseLayer(0);
    const k = this.network.kernels;
    for (let epoch = 0; epoch < epochs; epoch++) {
      for (let i = 0; i < xb.rows; i++) {
        const x = xb.row(i);
        const p = this.network.forward(x, 1)[0];
        const t = targets.data[i];
        if (p !== t) {
          // The delta rule: the step has no useful derivative, so the error p − t stands for ∂loss/∂z (a
          // straight-through gradient); the Dense layer's own backward turns it into ∂W = xᵀ·(p − t), then W −= α·∂W.
          this.error[0] = p - t;
          layer.backwardFromPreActivation(this.error, 1, false);
          k.sgdUpdate(layer.kernel, layer.kernelGrad, layer.kernel.length, this.alpha);
        }
      }
    }
  }

  /** 0/1 predictions, one per row of X. */
  predict(X: MatrixLike, options: AddBiasOptions = {}): number[] {
    const xb = readAddBias(options, 'Perceptron predict') ? appendBiasColumn(this.checkInputs(X)) : Matrix.from(X, 'X');
    const out = this.network.forward(xb.data, xb.rows);
    return Array.from(out.subarray(0, xb.rows));
  }

  /** The weights, bias entry last. */
  getWeights(): number[] {
    return Array.from(this.network.layers[0].kernel);
  }

  private checkInputs(X: MatrixLike): Matrix {
    const m = Matrix.from(X, 'X');
    if (m.rows === 0) throw new ArgumentError('X must hold at least one sample, got 0 rows');
    if (m.cols !== this.inputs) throw new ShapeError(`X must have ${this.inputs} columns, got ${m.cols}`);
    return m.assertFinite('X');
  }
}
