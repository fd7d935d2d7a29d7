import { ArgumentError, checkOptionKeys, describeValue, ModelFormatError, NotSupportedError, optionKeys } from '@backprop/core';
import type { Sequential } from '../model/sequential';
import { type ModelJson, modelArtifacts, WEIGHTS_FILE } from './model-json';
import { optimizerStateFromWeights, optimizerWeightsArtifacts } from './optimizer-weights';
import { compileOptionsFromTrainingConfig, trainingConfigJson } from './training-config';
import type { ManifestWeight } from './weights-manifest';

/** tfjs-core's `io.SaveConfig`, the second argument of `model.save`. */
export interface SaveConfig {
  /**
   * Also save the optimizer's state — its step count and slots — after the weights, in group `optimizer`,
   * as tfjs does, so that training resumes exactly after `loadModel`. Default false (tfjs's default).
   */
  includeOptimizer?: boolean;
}

const SAVE_CONFIG_KEYS = optionKeys<SaveConfig>()(['includeOptimizer']);

/**
 * model.json and the bytes of its weights file for `model.save(target, config)`: the model's weights, the
 * training config of a compiled model, and with `includeOptimizer` the optimizer weights appended to the
 * manifest and the bytes (tfjs-layers `LayersModel.save`). `weightsPath` names the file from all its bytes.
 * Everything is read and checked before the caller writes anything.
 */
export async function savedArtifacts(
  model: Sequential,
  config: SaveConfig | undefined,
  weightsPath: (bin: Uint8Array) => string = () => WEIGHTS_FILE,
): Promise<{ json: ModelJson; bin: Uint8Array }> {
  const includeOptimizer = checkSaveConfig(config);
  const { json, bin } = modelArtifacts(model.name, model.layers, model.plan(), await model.getWeightsAsync());
  const group = json.weightsManifest[0];
  const compiled = model.compileConfig;
  if (compiled) json.trainingConfig = trainingConfigJson(compiled);
  let bytes = bin;
  if (includeOptimizer) {
    // Porting note: tfjs skips the optimizer silently when the model has none; here that is an error.
    if (!compiled) throw new ArgumentError('model.save with includeOptimizer needs a compiled model (it has no optimizer); compile it or save without includeOptimizer');
    const shapes = new Map(group.weights.map((w) => [w.name, w.shape]));
    const optimizer = optimizerWeightsArtifacts(await model.getOptimizerState(), shapes);
    group.weights.push(...optimizer.entries);
    bytes = new Uint8Array(bin.length + optimizer.bytes.length);
    bytes.set(bin);
    bytes.set(optimizer.bytes, bin.length);
  }
  group.paths = [weightsPath(bytes)];
  return { json, bin: bytes };
}

/** A `.keras` target, once `config` is checked: the Keras writer saves no optimizer state yet. */
export function kerasTarget(target: string, config: SaveConfig | undefined): string {
  if (checkSaveConfig(config)) throw new NotSupportedError(`model.save(${JSON.stringify(target)}) to a .keras file`, 'includeOptimizer');
  return target;
}

function checkSaveConfig(config: SaveConfig | undefined): boolean {
  if (config === undefined) return false;
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw new ArgumentError(`model.save config must be { includeOptimizer }, got ${describeValue(config)}`);
  // tfjs's other SaveConfig key, trainableOnly, is not supported (every weight is saved).
  checkOptionKeys(config, SAVE_CONFIG_KEYS, 'model.save config', ['trainableOnly']);
  if (config.includeOptimizer !== undefined && typeof config.includeOptimizer !== 'boolean') {
    throw new ArgumentError(`model.save includeOptimizer must be true or false, got ${describeValue(config.includeOptimizer)}`);
  }
  return config.includeOptimizer === true;
}

/**
 * After a load, as tfjs's `loadLayersModelFromIOHandler` does: compile the model from model.json's
 * `trainingConfig`, then restore the optimizer weights (group `optimizer`) into its optimizer, applied when
 * its backend is ready. Without a training config the model stays uncompiled; optimizer weights without one
 * are a ModelFormatError (tfjs drops them).
 */
export function restoreTraining(model: Sequential, trainingConfig: unknown, optimizerWeights: ReadonlyMap<string, ManifestWeight>, modelWeights: ReadonlyMap<string, ManifestWeight>, file: string): void {
  if (trainingConfig === undefined || trainingConfig === null) {
    // Porting note: tfjs drops optimizer weights it has no optimizer for; here that is a format error.
    if (optimizerWeights.size > 0) throw new ModelFormatError(`${file}: the manifest has optimizer weights but model.json has no trainingConfig to build the optimizer from`);
    return;
  }
  const options = compileOptionsFromTrainingConfig(trainingConfig, file);
  try {
    model.compile(options);
  } catch (error) {
    throw new ModelFormatError(`${file}: trainingConfig: ${error instanceof Error ? error.message : String(error)}`);
  }
  const shapes = new Map([...modelWeights].map(([name, w]) => [name, w.shape]));
  const state = optimizerStateFromWeights(optimizerWeights, shapes, file);
  if (state) model.setOptimizerState(state);
}
