import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Matrix } from '@backprop/core';
import { type CompileOptions, type FitOptions, loadModel, modelFromArtifacts, type Sequential, type WeightArray } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';

/**
 * The set-up the scratch-vs-tfjs parity tests share (layers-parity, cnn-parity): one model description
 * compiled on both engines, the same fit on each, the largest weight difference, and the crossing of a
 * trained model between the two in the TensorFlow.js layers format. Test support only (node:fs, jest's expect); not exported. Like packages/layers's tfjs-test-bench.ts.
 */

type History = Awaited<ReturnType<Sequential['fit']>>;

const flat = (w: WeightArray): Float32Array => (w instanceof Matrix ? w.data : w);

/** max |a − b| over every weight array (same count and lengths, else the test fails). */
export function maxWeightDiff(a: readonly WeightArray[], b: readonly WeightArray[]): number {
  expect(b.length).toBe(a.length);
  let worst = 0;
  a.forEach((w, i) => {
    const [p, q] = [flat(w), flat(b[i])];
    expect(q.length).toBe(p.length);
    for (let j = 0; j < p.length; j++) worst = Math.max(worst, Math.abs(p[j] - q[j]));
  });
  return worst;
}

/** max |a − b| per weight array, for messages. */
export function weightDiffs(a: readonly WeightArray[], b: readonly WeightArray[]): number[] {
  return a.map((w, i) => maxWeightDiff([w], [b[i]]));
}

/**
 * Builds the model twice, compiles one on scratch and one on tfjs (checking they start from identical
 * weights), and fits both on the same data with the same options (scratch first).
 */
export async function fitOnBothEngines(
  model: () => Sequential,
  x: Matrix,
  y: Matrix,
  compile: Omit<CompileOptions, 'backend'>,
  fit: FitOptions,
): Promise<{ scratch: Sequential; tfjs: Sequential; history: { scratch: History; tfjs: History } }> {
  const [scratch, tfjs] = [model(), model()];
  scratch.compile({ ...compile, backend: 'scratch' });
  tfjs.compile({ ...compile, backend: 'tfjs' });
  expect(tfjs.backendName).toBe('tfjs');
  expect(maxWeightDiff(tfjs.getWeights(), scratch.getWeights())).toBe(0);
  const history = { scratch: await scratch.fit(x, y, { verbose: 0, ...fit }), tfjs: await tfjs.fit(x, y, { verbose: 0, ...fit }) };
  return { scratch, tfjs, history };
}

const maxAbsDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((worst, v, i) => Math.max(worst, Math.abs(v - b[i])), 0);

/** What happened to a model saved by us and loaded by tfjs, then saved by tfjs and loaded by us. */
export interface CrossLoadResult {
  /** Class names in our saved model.json. */
  readonly savedClassNames: string[];
  /** Class names of the model tf.loadLayersModel built from it. */
  readonly tfjsClassNames: string[];
  /** Class names of our model loaded back from tfjs's save. */
  readonly loadedClassNames: string[];
  /** max |Δ| of the predictions on `images`: tfjs's model vs ours, ours-from-tfjs vs ours, ours reloaded vs ours. */
  readonly tfjsPredictionDiff: number;
  readonly fromTfjsPredictionDiff: number;
  readonly reloadedPredictionDiff: number;
}

/**
 * Saves `model` to `dir` (file://), loads it with tf.loadLayersModel, saves tfjs's model through a save
 * handler and loads that with modelFromArtifacts, and loads `dir` back with loadModel; each one predicts
 * `images` (rows of `sampleShape`) to compare with `model`.
 */
export async function crossLoad(model: Sequential, dir: string, images: Matrix, sampleShape: readonly number[]): Promise<CrossLoadResult> {
  const expected = model.predict(images).data;
  await model.save(`file://${dir}`);
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
  const bin = readFileSync(join(dir, json.weightsManifest[0].paths[0]));
  const weightData = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength);
  const theirs = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
  try {
    const predicted = tf.tidy(() => (theirs.predict(tf.tensor(images.data, [images.rows, ...sampleShape])) as tf.Tensor).dataSync());
    let saved: tf.io.ModelArtifacts | undefined;
    await theirs.save(
      tf.io.withSaveHandler(async (artifacts) => {
        saved = artifacts;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      }),
    );
    const { weightData: data, weightSpecs, ...rest } = saved!;
    const ours = modelFromArtifacts({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] }, () => new Uint8Array(data as ArrayBuffer));
    const reloaded = await loadModel(`file://${dir}`);
    return {
      savedClassNames: json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name),
      tfjsClassNames: theirs.layers.map((l) => l.getClassName()),
      loadedClassNames: ours.layers.map((l) => l.className),
      tfjsPredictionDiff: maxAbsDiff(expected, predicted),
      fromTfjsPredictionDiff: maxAbsDiff(expected, ours.predict(images).data),
      reloadedPredictionDiff: maxAbsDiff(expected, reloaded.predict(images).data),
    };
  } finally {
    theirs.dispose();
  }
}
