import { ModelFormatError, OPTIMIZER_DESCRIPTORS, type OptimizerSpec, optimizerOfTfjsClass, optimizerSpec } from '@backprop/core';

/** A tf.train config key: the core hyper-parameter it holds, or the value core's rule implies. */
type ConfigKey = { readonly core: keyof OptimizerSpec } | { readonly fixed: number | boolean };

/**
 * The `getConfig()` keys of the tf.train classes that run core's rules (tfjs-core src/optimizers/
 * <name>_optimizer.ts), each with the core hyper-parameter it holds. tfjs's `fromConfig` reads exactly
 * these. RMSProp's `decay` is Keras's `rho`; Momentum's `useNesterov` is `nesterov`.
 */
const TFJS_CONFIG_KEYS: Readonly<Record<string, Readonly<Record<string, ConfigKey>>>> = {
  SGD: { learningRate: { core: 'learningRate' } },
  Momentum: { learningRate: { core: 'learningRate' }, momentum: { core: 'momentum' }, useNesterov: { core: 'nesterov' } },
  Adam: { learningRate: { core: 'learningRate' }, beta1: { core: 'beta1' }, beta2: { core: 'beta2' }, epsilon: { core: 'epsilon' } },
  RMSProp: { learningRate: { core: 'learningRate' }, decay: { core: 'rho' }, momentum: { core: 'momentum' }, epsilon: { core: 'epsilon' }, centered: { fixed: false } },
  Adagrad: { learningRate: { core: 'learningRate' }, initialAccumulatorValue: { core: 'initialAccumulatorValue' as keyof OptimizerSpec } },
  Adadelta: { learningRate: { core: 'learningRate' }, rho: { core: 'rho' }, epsilon: { core: 'epsilon' } },
  Adamax: { learningRate: { core: 'learningRate' }, beta1: { core: 'beta1' }, beta2: { core: 'beta2' }, epsilon: { core: 'epsilon' }, decay: { fixed: 0 } },
};

/**
 * `{ class_name, config }` of the tf.train twin of `spec`, or null when tfjs has none that holds every
 * hyper-parameter (tfjs's SGD has no momentum: that is its Momentum class; clipping or a schedule: none).
 */
export function tfjsOptimizerConfig(spec: Required<OptimizerSpec>): { class_name: string; config: Record<string, unknown> } | null {
  const defaults = optimizerSpec(spec.name) as unknown as Record<string, unknown>;
  const given = spec as unknown as Record<string, unknown>;
  for (const className of OPTIMIZER_DESCRIPTORS[spec.name].tfjsClasses as readonly string[]) {
    const keys = TFJS_CONFIG_KEYS[className];
    if (!keys) continue;
    const held = new Set(Object.values(keys).flatMap((k) => ('core' in k ? [k.core as string] : [])));
    // Every hyper-parameter the class cannot hold must be at core's default (neutral for this rule).
    const fits = Object.keys(given).every((key) => key === 'name' || held.has(key) || sameValue(given[key], defaults[key]));
    if (!fits) continue;
    const config = Object.fromEntries(Object.entries(keys).map(([key, k]) => [key, 'core' in k ? given[k.core] : k.fixed]));
    return { class_name: className, config };
  }
  return null;
}

/** Core's spec from a tf.train class's config, or null when `className` is not a tf.train class listed here. */
export function fromTfjsOptimizerConfig(className: string, config: Readonly<Record<string, unknown>>): Required<OptimizerSpec> | null {
  const keys = TFJS_CONFIG_KEYS[className];
  const name = optimizerOfTfjsClass(className);
  if (!keys || !name) return null;
  const spec: Record<string, unknown> = { name };
  for (const [key, value] of Object.entries(config)) {
    const k = keys[key];
    if (!k) throw new ModelFormatError(`unknown key ${JSON.stringify(key)} in the config of tfjs's ${className}; expected ${Object.keys(keys).join(', ')}`);
    if ('core' in k) spec[k.core] = value;
    else if (value !== k.fixed && value !== undefined && value !== null) {
      throw new ModelFormatError(`${className} ${key} ${JSON.stringify(value)} is not supported; this engine runs ${key} ${JSON.stringify(k.fixed)}`);
    }
  }
  return optimizerSpec(spec as unknown as OptimizerSpec);
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || ((a === null || a === undefined) && (b === null || b === undefined)) || JSON.stringify(a) === JSON.stringify(b);
}
