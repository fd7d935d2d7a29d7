import {
  ArgumentError,
  type DropoutLayer,
  jsKernels,
  type NamedWeight,
  layerFromConfig,
  Rng,
  rngMaskSource,
  SequentialNetwork,
  ShapeError,
  shapeSize,
} from '@backprop/core';
import { type ModelSpec, ScratchBackend, type Sequential } from '@backprop/layers';
import { BatchOrder } from './batch-order';
import { type SequentialToSpecOptions, sequentialToSpec } from './sequential-to-spec';
import { tfjsBackendFactory } from './tfjs-backend-factory';

export interface ParityTolerance {
  /** Largest allowed |w_scratch − w_tfjs| over every weight after every step; default 1e-4. */
  readonly weights?: number;
  /** Significant digits both losses must share at every step (relative difference ≤ 10^−digits); default 4. */
  readonly lossDigits?: number;
}

export interface CompareEnginesOptions {
  /** The model: shapes, activations, loss, optimizer and the initial weights both engines start from. */
  readonly spec?: ModelSpec;
  /** Or a layers `Sequential` (its dense stack and current weights), with `loss` and `optimizer` given here. */
  readonly model?: Sequential;
  /** With `model`: default `mse`. */
  readonly loss?: SequentialToSpecOptions['loss'];
  /** With `model`: default `sgd` with Keras's defaults. */
  readonly optimizer?: SequentialToSpecOptions['optimizer'];
  /** Inputs, row-major (rows × the input width), or one array per row. */
  readonly x: Float32Array | readonly (readonly number[])[];
  /** Targets, row-major (rows × output units), or one array per row. */
  readonly y: Float32Array | readonly (readonly number[])[];
  /** Optimisation steps; default 200. */
  readonly steps?: number;
  /** Rows per step; default 32. */
  readonly batchSize?: number;
  /** Seed of the batch order (reshuffled every pass over the data); default the spec's seed. */
  readonly seed?: number;
  readonly tolerance?: ParityTolerance;
}

export interface ParityStep {
  readonly step: number;
  /** Batch loss before the update, from each engine. */
  readonly scratchLoss: number;
  readonly tfjsLoss: number;
  /** |scratch − tfjs| / max(|scratch|, |tfjs|). */
  readonly lossRelativeDiff: number;
  /** Largest absolute weight difference after the update. */
  readonly maxWeightDiff: number;
}

export interface ParityReport {
  readonly passed: boolean;
  /** What failed, one line each (empty when passed). */
  readonly failures: readonly string[];
  readonly steps: readonly ParityStep[];
  readonly maxWeightDiff: number;
  readonly maxLossRelativeDiff: number;
  /** Significant digits on which the losses agreed at the worst step (Infinity when always identical). */
  readonly lossDigitsAgreed: number;
  readonly tolerance: Required<ParityTolerance>;
  /** What ran on each side, e.g. `scratch (js kernels)` and `tfjs 4.22.0 (wasm, SIMD)`. */
  readonly engines: { readonly scratch: string; readonly tfjs: string };
}

/**
 * Train core's scratch engine and TensorFlow.js side by side — same initial weights, same batches in the same
 * seeded order, same dropout masks — and report, per step, both losses and the largest weight difference. Any difference is a
 * difference in math (or float32 rounding), which is what this measures.
 */
export async function compareEngines(options: CompareEnginesOptions): Promise<ParityReport> {
  const spec = await resolveSpec(options);
  const steps = options.steps ?? 200;
  const batchSize = options.batchSize ?? 32;
  const tolerance: Required<ParityTolerance> = { weights: 1e-4, lossDigits: 4, ...options.tolerance };
  if (!Number.isInteger(steps) || steps <= 0) throw new ArgumentError(`steps must be a positive integer, got ${steps}`);
  if (!Number.isInteger(batchSize) || batchSize <= 0) throw new ArgumentError(`batchSize must be a positive integer, got ${batchSize}`);
  // The shapes of the description, from core's layers: input and output widths, and what each Dropout drops.
  const shapes = new SequentialNetwork({ inputShape: spec.inputShape, layers: spec.layers.map(layerFromConfig), kernels: jsKernels });
  const inputSize = shapes.inputSize;
  const outputSize = shapes.outputSize;
  const dropouts = shapes.layers.filter((l) => l.className === 'Dropout').map((l) => ({ rate: (l as DropoutLayer).rate, width: shapeSize(l.inputShape) }));
  shapes.dispose();
  const x = rowMajor(options.x, inputSize, 'x');
  const y = rowMajor(options.y, outputSize, 'y');
  const rows = x.length / inputSize;
  if (y.length / outputSize !== rows) throw new ShapeError(`y must have as many rows as x (${rows}), got ${y.length / outputSize}`);
  if (batchSize > rows) throw new ArgumentError(`batchSize must be at most the number of rows (${rows}), got ${batchSize}`);

  const scratch = new ScratchBackend(spec);
  await tfjsBackendFactory.prepare();
  const tfjs = tfjsBackendFactory.create(spec);
  const results: ParityStep[] = [];
  try {
    const batches = new BatchOrder(rows, batchSize, options.seed ?? spec.seed);
    // Both engines get the same dropout masks, drawn from one seeded source as the layers facade does.
    const maskSource = rngMaskSource(new Rng((options.seed ?? spec.seed) + 2));
    const masks = dropouts.map((d) => new Float32Array(batchSize * d.width));
    const bx = new Float32Array(batchSize * inputSize);
    const by = new Float32Array(batchSize * outputSize);
    for (let step = 1; step <= steps; step++) {
      batches.fill(x, inputSize, bx, y, outputSize, by);
      dropouts.forEach((d, i) => maskSource.fill(masks[i], d.rate, masks[i].length, `dropout ${i}`));
      const scratchLoss = scratch.trainOnBatch(bx, by, batchSize, masks);
      const tfjsLoss = tfjs.trainOnBatch(bx, by, batchSize, masks);
      const denominator = Math.max(Math.abs(scratchLoss), Math.abs(tfjsLoss));
      const lossRelativeDiff = denominator === 0 ? 0 : Math.abs(scratchLoss - tfjsLoss) / denominator;
      results.push({ step, scratchLoss, tfjsLoss, lossRelativeDiff, maxWeightDiff: maxDifference(scratch.getWeights(), tfjs.getWeights()) });
    }
    return summarise(results, tolerance, { scratch: scratch.description, tfjs: tfjs.description });
  } finally {
    tfjs.dispose();
    scratch.dispose();
  }
}

async function resolveSpec(options: CompareEnginesOptions): Promise<ModelSpec> {
  const { spec, model } = options;
  if ((spec === undefined) === (model === undefined)) {
    throw new ArgumentError(`compareEngines expects either a spec or a model, got ${spec ? 'both' : 'neither'}`);
  }
  if (spec) return spec;
  return sequentialToSpec(model!, { loss: options.loss, optimizer: options.optimizer, seed: options.seed });
}

function summarise(steps: ParityStep[], tolerance: Required<ParityTolerance>, engines: ParityReport['engines']): ParityReport {
  const maxWeightDiff = Math.max(...steps.map((s) => s.maxWeightDiff));
  const maxLossRelativeDiff = Math.max(...steps.map((s) => s.lossRelativeDiff));
  const failures: string[] = [];
  const weightStep = steps.find((s) => !(s.maxWeightDiff <= tolerance.weights));
  if (weightStep) {
    failures.push(`weights differ by ${weightStep.maxWeightDiff.toExponential(2)} at step ${weightStep.step}; expected at most ${tolerance.weights}`);
  }
  const lossStep = steps.find((s) => !(s.lossRelativeDiff <= 10 ** -tolerance.lossDigits));
  if (lossStep) {
    failures.push(
      `losses differ at step ${lossStep.step}: scratch ${lossStep.scratchLoss}, tfjs ${lossStep.tfjsLoss}; expected ${tolerance.lossDigits} equal significant digits`,
    );
  }
  return {
    passed: failures.length === 0,
    failures,
    steps,
    maxWeightDiff,
    maxLossRelativeDiff,
    lossDigitsAgreed: maxLossRelativeDiff === 0 ? Number.POSITIVE_INFINITY : -Math.log10(maxLossRelativeDiff),
    tolerance,
    engines,
  };
}

function maxDifference(a: readonly NamedWeight[], b: readonly NamedWeight[]): number {
  let max = 0;
  a.forEach((w, i) => {
    const p = w.values;
    const q = b[i].values;
    for (let j = 0; j < p.length; j++) {
      const d = Math.abs(p[j] - q[j]);
      // A NaN difference must fail, so it counts as Infinity.
      max = Number.isNaN(d) ? Number.POSITIVE_INFINITY : Math.max(max, d);
    }
  });
  return max;
}

function rowMajor(data: Float32Array | readonly (readonly number[])[], width: number, name: string): Float32Array {
  if (data instanceof Float32Array) {
    if (data.length === 0 || data.length % width !== 0) throw new ShapeError(`${name} must hold whole rows of width ${width}, got ${data.length} values`);
    return data;
  }
  if (!Array.isArray(data) || data.length === 0) throw new ArgumentError(`${name} must be a Float32Array or a non-empty array of rows`);
  const out = new Float32Array(data.length * width);
  data.forEach((row, r) => {
    if (row.length !== width) throw new ShapeError(`${name} row ${r} must have width ${width}, got ${row.length}`);
    out.set(row, r * width);
  });
  return out;
}
