import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, Rng } from '@backprop/core';
import * as tf from '@tensorflow/tfjs';
import { Dense } from '../layers/dense';
import { Sequential } from '../model/sequential';
import { modelFromArtifacts } from './model-from-artifacts';

// Test support for the tests that exchange models with TensorFlow.js 4.22 itself (tfjs-interop,
// training-config, optimizer-state-save). tfjs's `file://` handler lives in tfjs-node (not installable
// here), so files reach tfjs through `tf.io.fromMemory` and leave it through a custom IOHandler — the
// same model.json + weights file a `file://` save or load would use.

/**
 * Jest hooks for a describe block: tfjs on its cpu backend with its Node greeting (a console.warn
 * suggesting tfjs-node) silenced, and a fresh temporary folder for each test, removed after it.
 * Returns the current test's folder.
 */
export function useTfjsWithTempFolder(prefix: string): () => string {
  let dir = '';
  let warn: jest.SpyInstance;
  beforeAll(async () => {
    warn = jest.spyOn(console, 'warn').mockImplementation(() => {});
    await tf.setBackend('cpu');
  });
  afterAll(() => warn.mockRestore());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  return () => dir;
}

/** `rows` × `cols` inputs drawn uniformly from [−1, 1) by a seeded Rng. */
export function randomInputs(rows: number, cols: number, seed: number): Matrix {
  const rng = new Rng(seed);
  return new Matrix(rows, cols, Float32Array.from({ length: rows * cols }, () => rng.uniform(-1, 1)));
}

/** One-hot targets: row r is of class r mod `classes`. */
export function cyclicOneHot(rows: number, classes: number): Matrix {
  const y = new Matrix(rows, classes);
  for (let r = 0; r < rows; r++) y.set(r, r % classes, 1);
  return y;
}

/** A Dense hidden layer then a softmax Dense output, the model these tests build in both engines. */
export interface TwoDenseClassifier {
  readonly inputs: number;
  readonly hidden: number;
  readonly activation: 'relu' | 'tanh';
  readonly classes: number;
}

/** The classifier here, uncompiled, its weights drawn from `seed`. */
export function ourClassifier({ inputs, hidden, activation, classes }: TwoDenseClassifier, seed: number): Sequential {
  return new Sequential({ seed, layers: [Dense(hidden, { inputShape: [inputs], activation }), Dense(classes, { activation: 'softmax' })] });
}

/** The same classifier in tfjs, uncompiled. */
export function tfjsClassifier({ inputs, hidden, activation, classes }: TwoDenseClassifier): tf.Sequential {
  return tf.sequential({ layers: [tf.layers.dense({ units: hidden, inputShape: [inputs], activation }), tf.layers.dense({ units: classes, activation: 'softmax' })] });
}

/** What tfjs saves of `model` (tfjs-layers LayersModel.save), kept by an IOHandler instead of written. */
export async function tfjsArtifacts(model: tf.LayersModel, config?: tf.io.SaveConfig): Promise<tf.io.ModelArtifacts> {
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(
    {
      save: async (a) => {
        artifacts = a;
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
      },
    },
    config,
  );
  return artifacts!;
}

/** Artifacts tfjs saved, loaded here as the model.json + weights.bin a `file://` save of tfjs writes. */
export function modelFromTfjsArtifacts(artifacts: tf.io.ModelArtifacts): Sequential {
  const { weightData, weightSpecs, ...rest } = artifacts;
  const bytes = new Uint8Array(weightData as ArrayBuffer);
  return modelFromArtifacts({ ...rest, weightsManifest: [{ paths: ['weights.bin'], weights: weightSpecs }] }, () => bytes);
}

/** A saved model.json as these tests read it. */
export interface SavedModelJson {
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  weightsManifest: tf.io.WeightsManifestConfig;
  trainingConfig?: tf.io.TrainingConfig;
}

/**
 * Our saved folder, read as tfjs-node's `file://` handler reads one (tfjs-node `io/file_system.ts`,
 * `NodeFileSystem.load`): model.json, then every path of every weightsManifest group, relative to it,
 * concatenated (`bytes`) — and handed to tfjs as `tf.io.fromMemory` artifacts with the training config.
 */
export function savedFolder(dir: string): { json: SavedModelJson; bytes: Uint8Array; handler: tf.io.IOHandler } {
  const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as SavedModelJson;
  const groups = json.weightsManifest;
  const bin = Buffer.concat(groups.flatMap((group) => group.paths.map((path) => readFileSync(join(dir, path)))));
  const bytes = new Uint8Array(bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength));
  const weightSpecs = groups.flatMap((group) => group.weights);
  const handler = tf.io.fromMemory({ modelTopology: json.modelTopology as unknown as tf.io.ModelJSON['modelTopology'], weightSpecs, weightData: bytes.buffer, trainingConfig: json.trainingConfig });
  return { json, bytes, handler };
}
