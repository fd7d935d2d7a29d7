import { ArgumentError, type LayerWeights, Rng, ShapeError } from '@backprop/core';
import type { Backend, ModelSpec } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { buildTfjsModel, type TfjsLayerGroup } from './spec-to-tfjs-model';
import { type TfjsLoss, tfjsLoss } from './tfjs-losses';
import { tfjsOptimizer } from './tfjs-optimizer';
import { readDenseWeights, writeDenseWeights } from './tfjs-weights';

/**
 * A model spec running on TensorFlow.js. Every step runs inside `tf.tidy`, so the tensor count stays flat;
 * the only long-lived tensors are the model's variables and the optimizer's slots, released by `dispose`.
 */
export class TfjsBackend implements Backend {
  readonly name = 'tfjs';
  readonly description: string;
  readonly model: tf.Sequential;
  private readonly groups: readonly TfjsLayerGroup[];
  private readonly loss: TfjsLoss;
  private readonly optimizer: tf.Optimizer;
  private readonly variables: tf.Variable[];
  private readonly inputSize: number;
  private readonly outputSize: number;
  /** Dropout seeds, one per step, drawn from the spec seed. */
  private readonly dropoutRng: Rng;
  /**
   * The last training forward pass's last-layer output before its dropout (logits when the loss is fused), kept
   * for `lastTrainOutputs`; core's scratch engine also reports the undropped activations there.
   */
  private lastOutput: tf.Tensor | null = null;
  private disposed = false;

  constructor(spec: ModelSpec, description: string) {
    const last = spec.layers[spec.layers.length - 1];
    // The loss first (it allocates nothing), then the model (which disposes itself if it fails), then the
    // optimizer (which allocates its learning-rate scalars): bad input never leaves tensors behind.
    this.loss = tfjsLoss(spec.loss, last.activation, last.dropoutRate);
    const parts = buildTfjsModel(spec);
    try {
      this.optimizer = tfjsOptimizer(spec.optimizer);
    } catch (error) {
      parts.model.dispose();
      throw error;
    }
    this.model = parts.model;
    this.groups = parts.groups;
    this.variables = parts.groups.flatMap((g) => g.dense.trainableWeights.map((w) => w.read() as tf.Variable));
    this.inputSize = spec.inputSize;
    this.outputSize = last.units;
    this.dropoutRng = new Rng(spec.seed);
    this.description = description;
  }

  trainOnBatch(x: Float32Array, y: Float32Array, rows: number): number {
    this.checkAlive('trainOnBatch');
    checkBatch(x, rows, this.inputSize, 'x');
    checkBatch(y, rows, this.outputSize, 'y');
    const dropoutSeed = this.dropoutRng.nextUint32();
    this.releaseLastOutput();
    const { value, grads } = tf.tidy(() => {
      const xs = tf.tensor2d(x.subarray(0, rows * this.inputSize), [rows, this.inputSize]);
      const ys = tf.tensor2d(y.subarray(0, rows * this.outputSize), [rows, this.outputSize]);
      // computeGradients then applyGradients is what minimize(f, true, varList) does, split so that a
      // non-finite loss skips the update (its gradients are not finite either), as core's trainStep does:
      // the weights stay the last good ones for the facade to report the divergence.
      return this.optimizer.computeGradients(() => {
        const { output, beforeDropout } = this.forwardTraining(xs, dropoutSeed);
        // Kept (one tensor, replaced every step) so metrics need no second forward pass.
        this.lastOutput = tf.keep(beforeDropout);
        return this.loss.compute(output, ys);
      }, this.variables);
    });
    const loss = value.dataSync()[0];
    if (Number.isFinite(loss)) this.optimizer.applyGradients(grads);
    tf.dispose([value, ...Object.values(grads)]);
    return loss;
  }

  predict(x: Float32Array, rows: number, out?: Float32Array): Float32Array {
    this.checkAlive('predict');
    checkBatch(x, rows, this.inputSize, 'x');
    const size = rows * this.outputSize;
    if (out && out.length < size) throw new ShapeError(`predict output buffer must hold ${size} values (${rows}x${this.outputSize}), got ${out.length}`);
    const result = tf.tidy(() => {
      const xs = tf.tensor2d(x.subarray(0, rows * this.inputSize), [rows, this.inputSize]);
      return this.model.predictOnBatch(xs) as tf.Tensor;
    });
    const values = result.dataSync() as Float32Array;
    const target = out ?? new Float32Array(size);
    target.set(values.subarray(0, size));
    result.dispose();
    return target;
  }

  /** Training-mode outputs of the last `trainOnBatch` (before its update), rows × outputUnits. */
  lastTrainOutputs(rows: number): Float32Array {
    this.checkAlive('lastTrainOutputs');
    const output = this.lastOutput;
    if (!output || output.shape[0] !== rows) {
      throw new ArgumentError(`lastTrainOutputs(${rows}) expects the row count of the last trainOnBatch, got ${output ? output.shape[0] : 'no trainOnBatch yet'}`);
    }
    const probabilities = this.loss.fromLogits ? tf.softmax(output) : output;
    const values = Float32Array.from(probabilities.dataSync() as Float32Array);
    if (probabilities !== output) probabilities.dispose();
    return values;
  }

  getWeights(): LayerWeights[] {
    this.checkAlive('getWeights');
    return this.groups.map((g) => readDenseWeights(g.dense));
  }

  setWeights(weights: readonly LayerWeights[]): void {
    this.checkAlive('setWeights');
    if (weights.length !== this.groups.length) {
      throw new ShapeError(`setWeights expects weights for ${this.groups.length} layers, got ${weights.length}`);
    }
    this.groups.forEach((g, i) => writeDenseWeights(g.dense, weights[i], `layer ${i} ("${g.spec.name}")`));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.releaseLastOutput();
    this.optimizer.dispose();
    this.model.dispose();
  }

  /**
   * The training-mode forward pass, layer by layer through tfjs-layers' own Dense/LeakyReLU/ELU `apply`.
   * Two departures from `model.apply(x, { training: true })`:
   * - Porting note: a tfjs Dropout layer with a fixed `seed` draws the same mask at every call; here each step
   *   gets its own seed (drawn from the spec seed), so masks differ between steps yet replay with the seed.
   * - With softmax + categorical cross-entropy (and no dropout on the last layer) the last Dense's logits are
   *   returned and the loss applies the softmax itself (core's fused kernel). With dropout on the last layer,
   *   as in core, the softmax output is masked and the loss is the plain categorical cross-entropy of that.
   * `output` is what the loss sees; `beforeDropout` the last layer's output (or logits) before its dropout.
   */
  private forwardTraining(xs: tf.Tensor2D, dropoutSeed: number): { output: tf.Tensor2D; beforeDropout: tf.Tensor2D } {
    let h: tf.Tensor = xs;
    let beforeDropout: tf.Tensor = xs;
    const last = this.groups.length - 1;
    this.groups.forEach((group, i) => {
      if (i === last && this.loss.fromLogits) {
        // fromLogits implies dropoutRate 0 here (tfjsLoss), so there is no mask to apply.
        const [kernel, bias] = group.dense.trainableWeights.map((w) => w.read());
        h = tf.matMul(h, kernel);
        if (bias) h = tf.add(h, bias);
        beforeDropout = h;
        return;
      }
      h = group.dense.apply(h) as tf.Tensor;
      for (const layer of group.activationLayers) h = layer.apply(h) as tf.Tensor;
      beforeDropout = h;
      if (group.spec.dropoutRate > 0) h = tf.dropout(h, group.spec.dropoutRate, undefined, dropoutSeed + i);
    });
    return { output: h as tf.Tensor2D, beforeDropout: beforeDropout as tf.Tensor2D };
  }

  private releaseLastOutput(): void {
    this.lastOutput?.dispose();
    this.lastOutput = null;
  }

  private checkAlive(method: string): void {
    if (this.disposed) throw new ArgumentError(`${method}() called on a disposed tfjs backend; expected a live backend, got a disposed one`);
  }
}

function checkBatch(data: Float32Array, rows: number, width: number, name: string): void {
  if (!Number.isInteger(rows) || rows <= 0) throw new ArgumentError(`${name} batch size must be a positive integer, got ${rows}`);
  if (!(data instanceof Float32Array)) throw new ArgumentError(`${name} must be a Float32Array, got ${data === null ? 'null' : typeof data}`);
  if (data.length < rows * width) {
    throw new ShapeError(`${name} must hold ${rows} rows of width ${width} (${rows * width} values), got ${data.length} values`);
  }
}
