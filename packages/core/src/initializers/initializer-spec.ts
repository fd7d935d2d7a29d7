import { INITIALIZER_DESCRIPTORS, type InitializerName, initializerByKerasClass } from '../descriptors/initializer-descriptors';
import { ArgumentError, describeValue, NotSupportedError, UnknownNameError } from '../errors';
import { checkOptionKeys } from '../options/check-option-keys';
import type { Rng } from '../random';

/** The initializers that take a config (Keras 3's classes and defaults; tfjs's `tf.initializers.*`). */
export type ConfigurableInitializer = 'randomNormal' | 'randomUniform' | 'truncatedNormal' | 'varianceScaling';

/** An initializer with its config, resolved: numbers, `mode` / `distribution` in Keras's snake_case. */
export interface InitializerSpec {
  readonly name: ConfigurableInitializer;
  readonly config: {
    readonly mean?: number;
    readonly stddev?: number;
    readonly minval?: number;
    readonly maxval?: number;
    readonly scale?: number;
    readonly mode?: 'fan_in' | 'fan_out' | 'fan_avg';
    readonly distribution?: 'truncated_normal' | 'untruncated_normal' | 'uniform';
  };
}

const CONFIG_KEYS: Record<ConfigurableInitializer, readonly string[]> = {
  randomNormal: ['mean', 'stddev', 'seed'],
  randomUniform: ['minval', 'maxval', 'seed'],
  truncatedNormal: ['mean', 'stddev', 'seed'],
  varianceScaling: ['scale', 'mode', 'distribution', 'seed'],
};

const snake = (v: string) => v.replace(/([A-Z])/g, '_$1').toLowerCase();

/**
 * An initializer given as an object — `{ className: 'VarianceScaling', config: { … } }` (tfjs / model.json, camelCase
 * or snake_case), a tfjs initializer (`tf.initializers.randomNormal({ stddev })`: `getClassName()` + `getConfig()`) —
 * as a core name (parameterless initializers) or an InitializerSpec. Porting note: a per-initializer `seed` is
 * refused (NotSupportedError): every weight is drawn from the model's seed, so that both engines start alike.
 */
export function initializerFromObject(value: object, where: string): InitializerName | InitializerSpec {
  const tfjs = value as { getClassName?: () => string; getConfig?: () => Record<string, unknown> };
  const s = value as { className?: unknown; class_name?: unknown; config?: unknown };
  const className = typeof tfjs.getClassName === 'function' ? tfjs.getClassName() : (s.className ?? s.class_name);
  const raw = (typeof tfjs.getConfig === 'function' ? tfjs.getConfig() : (s.config ?? {})) as Record<string, unknown>;
  if (typeof className !== 'string') throw new ArgumentError(`${where} must be an initializer name or { className, config }, got ${describeValue(value)}`);
  if (raw === null || typeof raw !== 'object') throw new ArgumentError(`${where} config must be an object, got ${describeValue(raw)}`);
  const name = Object.hasOwn(initializerByKerasClass, className) ? initializerByKerasClass[className] : undefined;
  if (!name) throw new UnknownNameError(`initializer class (${where})`, className, Object.keys(initializerByKerasClass));
  const config = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k === 'minVal' ? 'minval' : k === 'maxVal' ? 'maxval' : k, v]));
  if (config.seed !== undefined && config.seed !== null) throw new NotSupportedError(where, `seed ${describeValue(config.seed)} (weights are drawn from the model's seed)`);
  if (!(name in CONFIG_KEYS)) {
    checkOptionKeys(config, ['seed'], `${where} ${className} config`);
    return name;
  }
  const configurable = name as ConfigurableInitializer;
  checkOptionKeys(config, CONFIG_KEYS[configurable], `${where} ${className} config`);
  const defaults = INITIALIZER_DESCRIPTORS[configurable].kerasConfig as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS[configurable]) {
    if (key === 'seed') continue;
    const v = config[key] ?? defaults[key];
    if (key === 'mode' || key === 'distribution') {
      const text = snake(String(v));
      // Keras 2 and tfjs call the truncated normal 'normal'.
      out[key] = text === 'normal' ? 'truncated_normal' : text;
      const valid = key === 'mode' ? ['fan_in', 'fan_out', 'fan_avg'] : ['truncated_normal', 'untruncated_normal', 'uniform'];
      if (!valid.includes(out[key] as string)) throw new ArgumentError(`${where} ${key} must be one of ${valid.join(', ')}, got ${describeValue(v)}`);
    } else {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw new ArgumentError(`${where} ${key} must be a finite number, got ${describeValue(v)}`);
      out[key] = v;
    }
  }
  if ((out.stddev as number) < 0 || (out.scale as number) <= 0 || (out.minval as number) > (out.maxval as number)) {
    throw new ArgumentError(`${where} ${className} config is out of range: ${JSON.stringify(out)}`);
  }
  return { name: configurable, config: out as InitializerSpec['config'] };
}

function normal(out: Float32Array, mean: number, std: number, rng: Rng, truncated: boolean): void {
  for (let i = 0; i < out.length; i++) {
    let z = rng.normal();
    while (truncated && Math.abs(z) > 2) z = rng.normal();
    out[i] = mean + z * std;
  }
}

/**
 * Draws a configured initializer, as Keras 3 defines it (keras/src/initializers/random_initializers.py): RandomNormal,
 * RandomUniform, TruncatedNormal (resampled beyond 2σ), VarianceScaling (scale / fan, then a truncated normal with
 * σ = √scale / 0.8796…, an untruncated one with σ = √scale, or uniform in ±√(3·scale)).
 */
export function drawInitializerSpec(spec: InitializerSpec, out: Float32Array, fanIn: number, fanOut: number, rng: Rng): void {
  const c = spec.config;
  if (spec.name === 'randomNormal' || spec.name === 'truncatedNormal') {
    normal(out, c.mean!, c.stddev!, rng, spec.name === 'truncatedNormal');
    return;
  }
  if (spec.name === 'randomUniform') {
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform(c.minval!, c.maxval!);
    return;
  }
  const fan = c.mode === 'fan_in' ? fanIn : c.mode === 'fan_out' ? fanOut : (fanIn + fanOut) / 2;
  const scale = c.scale! / Math.max(1, fan);
  if (c.distribution === 'uniform') {
    const limit = Math.sqrt(3 * scale);
    for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-limit, limit);
    return;
  }
  const truncated = c.distribution === 'truncated_normal';
  normal(out, 0, truncated ? Math.sqrt(scale) / 0.87962566103423978 : Math.sqrt(scale), rng, truncated);
}
