import {
  type ActivationSpec,
  ArgumentError,
  activationSpec,
  checkSampleWeights,
  type LayerConfig,
  type LayerWeights,
  type MaskSource,
  Rng,
  rngMaskSource,
  ShapeError,
  shapeSize,
} from '@backprop/core';
import type { Backend, DropoutMasks, ModelSpec } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import { convTrainingProblem } from './conv-training-limits';
import { buildTfjsModel, type TfjsLayerGroup } from './spec-to-tfjs-model';
import { type TfjsLoss, tfjsLoss } from './tfjs-losses';
import { TfjsOptimizerRun } from './tfjs-optimizer-run';
import { activityPenalty, applyConstraints, weightPenalties } from './tfjs-regularizers';
import { weightedTfjsLoss } from './tfjs-sample-weights';
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
  private readonly optimizer: TfjsOptimizerRun;
  private readonly variables: tf.Variable[];
  private readonly inputShape: readonly number[];
  private readonly inputSize: number;
  private readonly outputSize: number;
  /** Masks drawn from the spec seed, for a `trainOnBatch` given none (the same draw as the scratch engine's). */
  private readonly ownMasks: MaskSource;
  /**
   * The last training forward pass's output (the logits when the loss is fused), kept for `lastTrainOutputs`;
   * core's scratch engine reports the same output.
   */
  private lastOutput: tf.Tensor | null = null;
  private disposed = false;
  /** Why tfjs cannot train this model here (a Conv2D it has no gradient kernel for), thrown by `trainOnBatch`. */
  private readonly cannotTrain: Error | null;
  /** Activity penalties of the current forward pass, added to its loss by `batchLoss`. */
  private activity: tf.Scalar[] = [];

  constructor(spec: ModelSpec, description: string) {
    // The loss first (it allocates nothing), then the model (which disposes itself if it fails), then the
    // optimizer (which allocates its learning-rate scalars): bad input never leaves tensors behind.
    this.loss = tfjsLoss(spec.loss, endsInSoftmax(spec.layers) ? SOFTMAX : LINEAR);
    const parts = buildTfjsModel(spec);
    try {
      this.optimizer = new TfjsOptimizerRun(spec.optimizer);
    } catch (error) {
      parts.model.dispose();
      throw error;
    }
    this.model = parts.model;
    this.groups = parts.groups;
    this.variables = parts.groups.flatMap((g) => (g.dense ? g.dense.trainableWeights.map((w) => w.read() as tf.Variable) : []));
    this.inputShape = [...spec.inputShape];
    this.inputSize = shapeSize(spec.inputShape);
    this.outputSize = shapeSize(this.model.outputs[0].shape.slice(1) as number[]);
    this.ownMasks = rngMaskSource(new Rng(spec.seed));
    this.description = description;
    this.cannotTrain = convTrainingProblem(spec.layers, tf.getBackend());
  }

  trainOnBatch(x: Float32Array, y: Float32Array, rows: number, masks?: DropoutMasks, sampleWeights?: Float32Array): number {
    this.checkAlive('trainOnBatch');
    if (this.cannotTrain) throw this.cannotTrain;
    checkBatch(x, rows, this.inputSize, 'x');
    checkBatch(y, rows, this.outputSize, 'y');
    this.releaseLastOutput();
    const { value, grads } = tf.tidy(() => {
      const xs = tf.tensor(x.subarray(0, rows * this.inputSize), [rows, ...this.inputShape]);
      const ys = tf.tensor2d(y.subarray(0, rows * this.outputSize), [rows, this.outputSize]);
      // computeGradients then applyGradients is what minimize(f, true, varList) does, split so that a
      // non-finite loss skips the update (its gradients are not finite either), as core's trainStep does:
      // the weights stay the last good ones for the facade to report the divergence.
      return this.optimizer.optimizer.computeGradients(() => {
        const output = this.forwardPass(xs, rows, masks, true).reshape([rows, this.outputSize]) as tf.Tensor2D;
        // Kept (one tensor, replaced every step) so metrics need no second forward pass.
        this.lastOutput = tf.keep(output);
        return this.batchLoss(output, ys, sampleWeights);
      }, this.variables);
    });
    const loss = value.dataSync()[0];
    if (Number.isFinite(loss)) {
      this.optimizer.apply(grads, this.variables);
      applyConstraints(this.groups);
    }
    tf.dispose([value, ...Object.values(grads)]);
    return loss;
  }

  /** Inference-mode outputs into `out` and the loss by `trainOnBatch`'s own `TfjsLoss` (the fused form on logits where it trains so). */
  evaluateOnBatch(x: Float32Array, y: Float32Array, rows: number, out: Float32Array, sampleWeights?: Float32Array): number {
    this.checkAlive('evaluateOnBatch');
    checkBatch(x, rows, this.inputSize, 'x');
    checkBatch(y, rows, this.outputSize, 'y');
    const size = rows * this.outputSize;
    if (out.length < size) throw new ShapeError(`evaluateOnBatch output buffer must hold ${size} values (${rows}x${this.outputSize}), got ${out.length}`);
    const [loss, outputs] = tf.tidy(() => {
      const xs = tf.tensor(x.subarray(0, rows * this.inputSize), [rows, ...this.inputShape]);
      const ys = tf.tensor2d(y.subarray(0, size), [rows, this.outputSize]);
      const output = this.forwardPass(xs, rows, undefined, false).reshape([rows, this.outputSize]) as tf.Tensor2D;
      return [this.batchLoss(output, ys, sampleWeights), this.loss.fromLogits ? tf.softmax(output) : output];
    });
    out.set((outputs.dataSync() as Float32Array).subarray(0, size));
    const value = loss.dataSync()[0];
    tf.dispose([loss, outputs]);
    return value;
  }

  predict(x: Float32Array, rows: number, out?: Float32Array): Float32Array {
    this.checkAlive('predict');
    checkBatch(x, rows, this.inputSize, 'x');
    const size = rows * this.outputSize;
    if (out && out.length < size) throw new ShapeError(`predict output buffer must hold ${size} values (${rows}x${this.outputSize}), got ${out.length}`);
    const result = tf.tidy(() => {
      const xs = tf.tensor(x.subarray(0, rows * this.inputSize), [rows, ...this.inputShape]);
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

  /** The learning rate of the next step (see TfjsOptimizerRun: settable, or a schedule's value). */
  getLearningRate(): number {
    return this.optimizer.learningRate;
  }

  setLearningRate(value: number): void {
    this.checkAlive('setLearningRate');
    this.optimizer.learningRate = value;
  }

  optimizerIterations(): number {
    return this.optimizer.iterations;
  }

  getWeights(): LayerWeights[] {
    this.checkAlive('getWeights');
    return this.groups.filter((g) => g.dense).map((g) => readDenseWeights(g.dense!));
  }

  setWeights(weights: readonly LayerWeights[]): void {
    this.checkAlive('setWeights');
    const dense = this.groups.filter((g) => g.dense).map((g) => g.dense!);
    if (weights.length !== dense.length) {
      throw new ShapeError(`setWeights expects weights for ${dense.length} layers, got ${weights.length}`);
    }
    dense.forEach((d, i) => writeDenseWeights(d, weights[i], `layer ${i} ("${d.name}")`));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.releaseLastOutput();
    this.optimizer.dispose();
    this.model.dispose();
  }

  /**
   * The forward pass the loss is computed on, config by config through tfjs-layers' own `apply`, with two
   * departures from `model.apply(x, { training })`:
   * - In training mode a Dropout multiplies by the mask the facade drew for it (the same one the scratch
   *   engine uses), or without masks by one drawn from the spec seed, instead of tfjs drawing its own; in
   *   inference mode it passes its input through, as tfjs's Dropout does.
   * - With softmax + categorical cross-entropy at the end, the logits are returned and the loss applies the
   *   softmax itself (core's fused kernel does the same).
   */
  private forwardPass(xs: tf.Tensor, rows: number, masks: DropoutMasks | undefined, training: boolean): tf.Tensor {
    let h: tf.Tensor = xs;
    let dropout = 0;
    const last = this.groups.length - 1;
    this.groups.forEach((group, i) => {
      if (i === last && this.loss.fromLogits) {
        // A softmax Dense: x·kernel + bias; an Activation('softmax') after a linear Dense: its input.
        if (group.dense) {
          const [kernel, bias] = group.dense.trainableWeights.map((w) => w.read());
          h = tf.matMul(h as tf.Tensor2D, kernel as tf.Tensor2D);
          if (bias) h = tf.add(h, bias);
        }
        return;
      }
      if (group.config.className === 'Dropout') {
        if (!training) return;
        const mask = this.mask(masks, dropout++, rows, h.size / rows, group.config.config.rate, group.config.config.name ?? '');
        h = tf.mul(h, tf.tensor(mask, h.shape));
        return;
      }
      for (const layer of group.layers) h = layer.apply(h, { training }) as tf.Tensor;
      const penalty = activityPenalty(group, h, rows);
      if (penalty) this.activity.push(penalty);
    });
    return h;
  }

  /**
   * The loss of a batch as Keras 3 computes it (`Trainer.compute_loss`): the data loss — the batch mean, or
   * Σ wᵣ·lᵣ / rows with sample weights — plus every regularization penalty of the last forward pass.
   */
  private batchLoss(output: tf.Tensor2D, ys: tf.Tensor2D, sampleWeights: Float32Array | undefined): tf.Scalar {
    if (sampleWeights) checkSampleWeights(sampleWeights, output.shape[0]);
    const data = sampleWeights ? weightedTfjsLoss(this.loss, output, ys, sampleWeights) : this.loss.compute(output, ys);
    const penalties = [...weightPenalties(this.groups), ...this.activity];
    this.activity = [];
    return penalties.reduce<tf.Scalar>((sum, p) => tf.add(sum, p), data);
  }

  private mask(masks: DropoutMasks | undefined, index: number, rows: number, width: number, rate: number, name: string): Float32Array {
    const count = rows * width;
    if (masks) {
      const given = masks[index];
      if (!given || given.length < count) throw new ShapeError(`Dropout "${name}" needs a mask of ${count} values, got ${given ? given.length : 'none'}`);
      return given.subarray(0, count);
    }
    const own = new Float32Array(count);
    this.ownMasks.fill(own, rate, count, name);
    return own;
  }

  private releaseLastOutput(): void {
    this.lastOutput?.dispose();
    this.lastOutput = null;
  }

  private checkAlive(method: string): void {
    if (this.disposed) throw new ArgumentError(`${method}() called on a disposed tfjs backend; expected a live backend, got a disposed one`);
  }
}

const SOFTMAX: ActivationSpec = { name: 'softmax', alpha: 0 };
const LINEAR: ActivationSpec = { name: 'linear', alpha: 0 };

/**
 * Whether the model ends in a softmax the loss may fuse, by core's rule (`fuseNeighbours`): a softmax Dense
 * last, or an Activation('softmax') last right after a linear Dense.
 */
function endsInSoftmax(layers: readonly LayerConfig[]): boolean {
  const last = layers[layers.length - 1];
  const before = layers[layers.length - 2];
  const activationOf = (l: LayerConfig | undefined) =>
    l?.className === 'Dense' ? activationSpec(l.config.activation ?? 'linear').name : l?.className === 'Activation' ? activationSpec(l.config.activation).name : null;
  // A Dense with an activity regularizer keeps its probabilities (the penalty's input): not fused, as in core.
  if (last?.className === 'Dense') return activationOf(last) === 'softmax' && !last.config.activityRegularizer;
  return last?.className === 'Activation' && activationOf(last) === 'softmax' && before?.className === 'Dense' && activationOf(before) === 'linear';
}

function checkBatch(data: Float32Array, rows: number, width: number, name: string): void {
  if (!Number.isInteger(rows) || rows <= 0) throw new ArgumentError(`${name} batch size must be a positive integer, got ${rows}`);
  if (!(data instanceof Float32Array)) throw new ArgumentError(`${name} must be a Float32Array, got ${data === null ? 'null' : typeof data}`);
  if (data.length < rows * width) {
    throw new ShapeError(`${name} must hold ${rows} rows of width ${width} (${rows * width} values), got ${data.length} values`);
  }
}
