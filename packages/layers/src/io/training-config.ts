import {
  describeValue,
  LOSS_DESCRIPTORS,
  type MetricIdentifier,
  metricKinds,
  ModelFormatError,
  OPTIMIZER_DESCRIPTORS,
  type OptimizerSpec,
  optimizerOfTfjsClass,
  optimizerSpec,
} from '@backprop/core';
import { validLossNames } from '../losses/loss-resolution';
import type { CompiledModel, CompileOptions } from '../model/compile-options';
import { fromTfjsOptimizerConfig, tfjsOptimizerConfig } from './tfjs-optimizer-config';

/**
 * model.json's `trainingConfig`, as tfjs-layers writes it (`LayersModel.getTrainingConfig`, tfjs-layers
 * src/engine/training.ts; the type is src/keras_format/training_config.ts): the loss and metric names in
 * snake_case, and the optimizer as `{ class_name, config }` with tfjs's `getConfig()` keys.
 */
export interface TrainingConfigJson {
  loss: string | { name: string; delta?: number };
  metrics: string[];
  optimizer_config: { class_name: string; config: Record<string, unknown> };
}

/** tfjs-layers' `toSnakeCase` (src/utils/generic_utils.ts): `categoricalCrossentropy` → `categorical_crossentropy`. */
export function toSnakeCase(name: string): string {
  const intermediate = name.replace(/(.)([A-Z][a-z0-9]+)/g, '$1_$2');
  return intermediate.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/** tfjs-layers' `toCamelCase`: `categorical_crossentropy` → `categoricalCrossentropy`. */
export function toCamelCase(name: string): string {
  if (name.length <= 1 || !name.includes('_')) return name;
  return name.replace(/[_]+(\w|$)/g, (_, p1: string) => p1.toUpperCase());
}

/**
 * The training config of a compiled model. The loss is written by its tfjs name in snake_case where tfjs
 * has it (`categorical_crossentropy`, which tfjs's loader camel-cases back), else by Keras's name; a loss
 * with a parameter (Huber's `delta`) as compile's `{ name, delta }`. Metrics as given to compile, in
 * snake_case, as tfjs writes them.
 * Porting note: tfjs writes `trainingConfig` only with `includeOptimizer`; here it is written whenever the
 * model is compiled, as Keras's `model.save` does, so `loadModel` returns a compiled model.
 */
export function trainingConfigJson(compiled: CompiledModel): TrainingConfigJson {
  const { spec, sparse } = compiled.loss;
  const descriptor = LOSS_DESCRIPTORS[spec.name];
  const name = sparse ? 'sparse_categorical_crossentropy' : descriptor.tfjs ? toSnakeCase(descriptor.tfjs) : (descriptor.keras ?? spec.name);
  const { name: _name, ...parameters } = spec;
  // Porting note: a loss with a parameter is saved as compile's { name, delta } (tfjs has no Huber to read it).
  return {
    loss: Object.keys(parameters).length > 0 ? { name, ...parameters } : name,
    metrics: compiled.metrics.map((m) => toSnakeCase(m.name)),
    optimizer_config: optimizerConfigJson(compiled.optimizer),
  };
}

/**
 * The optimizer as tfjs serializes it: the tf.train class that runs core's rule with that class's config
 * keys (see tfjs-optimizer-config.ts), so `tf.loadLayersModel` rebuilds it. An optimizer tfjs has no class
 * for, or hyper-parameters the tfjs class cannot hold (clipping, a schedule), are written as Keras's class
 * name with every hyper-parameter under core's names, which `loadModel` reads back and tfjs refuses by name.
 */
export function optimizerConfigJson(spec: Required<OptimizerSpec>): TrainingConfigJson['optimizer_config'] {
  // Porting note: an optimizer without a tf.train twin is saved under its Keras class name, which tfjs cannot load.
  return tfjsOptimizerConfig(spec) ?? { class_name: OPTIMIZER_DESCRIPTORS[spec.name].keras, config: ownEntries(spec) };
}

function ownEntries(spec: Required<OptimizerSpec>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(spec).filter(([key, value]) => key !== 'name' && value !== undefined && value !== null));
}

/**
 * `compile` options from a model.json's `trainingConfig`, as tfjs's `loadTrainingConfig` reads it: names
 * camel-cased back where that is how the engine knows them, the optimizer rebuilt from its class and config.
 * Anything malformed or not supported (tfjs's `weighted_metrics`, `loss_weights`, `sample_weight_mode`, a
 * centred RMSProp) is a ModelFormatError naming the file.
 */
export function compileOptionsFromTrainingConfig(json: unknown, file: string): CompileOptions {
  const where = `${file}: trainingConfig`;
  if (json === null || typeof json !== 'object' || Array.isArray(json)) throw new ModelFormatError(`${where} must be { loss, metrics, optimizer_config }, got ${describeValue(json)}`);
  const { loss, metrics, optimizer_config: optimizer, ...rest } = json as Record<string, unknown>;
  for (const key of ['weighted_metrics', 'loss_weights', 'sample_weight_mode']) {
    // tfjs's loadTrainingConfig refuses these too ("Loading weight_metrics is not supported yet").
    if (rest[key] !== undefined && rest[key] !== null) throw new ModelFormatError(`${where}.${key} is not supported; expected it absent or null, got ${describeValue(rest[key])}`);
  }
  const unknown = Object.keys(rest).filter((key) => !['weighted_metrics', 'loss_weights', 'sample_weight_mode'].includes(key));
  if (unknown.length > 0) throw new ModelFormatError(`${where} has unknown keys ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected loss, metrics, optimizer_config`);
  if (metrics !== undefined && metrics !== null && !(Array.isArray(metrics) && metrics.every((m) => typeof m === 'string'))) {
    throw new ModelFormatError(`${where}.metrics must be a list of metric names, got ${describeValue(metrics)}`);
  }
  return {
    loss: lossOption(loss, where) as CompileOptions['loss'],
    metrics: ((metrics as string[] | null | undefined) ?? []).map((m) => tfjsName(m, Object.keys(metricKinds))) as MetricIdentifier[],
    optimizer: optimizerFromConfig(optimizer, `${where}.optimizer_config`),
  };
}

/** tfjs camel-cases snake_case names on load; a name the engine knows only in snake_case (Keras's `huber_loss`) stays. */
function tfjsName(name: string, known: readonly string[]): string {
  const camel = toCamelCase(name);
  return known.includes(camel) ? camel : name;
}

function lossOption(loss: unknown, where: string): unknown {
  if (typeof loss === 'string') return tfjsName(loss, validLossNames());
  if (loss !== null && typeof loss === 'object' && !Array.isArray(loss) && typeof (loss as { name?: unknown }).name === 'string') {
    const { name, ...parameters } = loss as { name: string };
    return { name: tfjsName(name, validLossNames()), ...parameters };
  }
  throw new ModelFormatError(`${where}.loss must be a loss name (one output), got ${describeValue(loss)}`);
}

function optimizerFromConfig(json: unknown, where: string): Required<OptimizerSpec> {
  const { class_name: className, config } = (json !== null && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  if (typeof className !== 'string' || config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new ModelFormatError(`${where} must be { class_name, config }, got ${describeValue(json)}`);
  }
  try {
    const fromTfjs = fromTfjsOptimizerConfig(className, config as Record<string, unknown>);
    if (fromTfjs) return fromTfjs;
    // Keras's class name (`Nadam`, `AdamW`) with core's hyper-parameters; Python's snake_case keys camel-cased as tfjs does.
    const name = optimizerOfTfjsClass(className) ?? className.toLowerCase();
    const entries = Object.entries(config as Record<string, unknown>).map(([key, value]) => [toCamelCase(key), value]);
    return optimizerSpec({ name, ...Object.fromEntries(entries) } as OptimizerSpec);
  } catch (error) {
    throw new ModelFormatError(`${where}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
