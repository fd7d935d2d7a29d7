import { INITIALIZER_DESCRIPTORS, type InitializerName, initializerAliases, initializerNames } from '../descriptors/initializer-descriptors';
import { drawInitializerSpec, type InitializerSpec, initializerFromObject } from './initializer-spec';
import { ArgumentError, describeValue, UnknownNameError } from '../errors';
import type { Rng } from '../random';

export type { InitializerName };

/** Fills `out` (a fanIn×fanOut kernel, or a bias with fanIn = fanOut = its length) from the seeded generator. */
export type Initializer = (out: Float32Array, fanIn: number, fanOut: number, rng: Rng) => void;

/**
 * A truncated normal: values beyond two standard deviations are drawn again, as Keras's
 * `TruncatedNormal`. Keras divides the target stddev by 0.87962566103423978 so the truncated
 * distribution keeps the variance the scheme asks for (keras/src/initializers/random_initializers.py).
 */
function truncatedNormal(out: Float32Array, std: number, rng: Rng): void {
  const s = std / 0.87962566103423978;
  for (let i = 0; i < out.length; i++) {
    let z = rng.normal();
    while (Math.abs(z) > 2) z = rng.normal();
    out[i] = z * s;
  }
}

function uniform(out: Float32Array, limit: number, rng: Rng): void {
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-limit, limit);
}

const initializers: Record<InitializerName, Initializer> = {
  // The backprop tutorial's `np.random.randn(...) / np.sqrt(fanIn)`.
  tutorial: (out, fanIn, _fanOut, rng) => {
    const scale = 1 / Math.sqrt(fanIn);
    for (let i = 0; i < out.length; i++) out[i] = rng.normal() * scale;
  },
  // Glorot & Bengio (2010); Keras's default kernel initializer for Dense.
  glorotUniform: (out, fanIn, fanOut, rng) => uniform(out, Math.sqrt(6 / (fanIn + fanOut)), rng),
  glorotNormal: (out, fanIn, fanOut, rng) => truncatedNormal(out, Math.sqrt(2 / (fanIn + fanOut)), rng),
  // He et al. (2015), for ReLU networks.
  heNormal: (out, fanIn, _fanOut, rng) => truncatedNormal(out, Math.sqrt(2 / fanIn), rng),
  heUniform: (out, fanIn, _fanOut, rng) => uniform(out, Math.sqrt(6 / fanIn), rng),
  lecunNormal: (out, fanIn, _fanOut, rng) => truncatedNormal(out, Math.sqrt(1 / fanIn), rng),
  lecunUniform: (out, fanIn, _fanOut, rng) => uniform(out, Math.sqrt(3 / fanIn), rng),
  zeros: (out) => out.fill(0),
  ones: (out) => out.fill(1),
  // The configurable ones with Keras 3's defaults (their configs are drawn by drawInitializerSpec).
  randomNormal: (out, fanIn, fanOut, rng) => drawInitializerSpec({ name: 'randomNormal', config: { mean: 0, stddev: 0.05 } }, out, fanIn, fanOut, rng),
  randomUniform: (out, fanIn, fanOut, rng) => drawInitializerSpec({ name: 'randomUniform', config: { minval: -0.05, maxval: 0.05 } }, out, fanIn, fanOut, rng),
  truncatedNormal: (out, fanIn, fanOut, rng) => drawInitializerSpec({ name: 'truncatedNormal', config: { mean: 0, stddev: 0.05 } }, out, fanIn, fanOut, rng),
  varianceScaling: (out, fanIn, fanOut, rng) =>
    drawInitializerSpec({ name: 'varianceScaling', config: { scale: 1, mode: 'fan_in', distribution: 'truncated_normal' } }, out, fanIn, fanOut, rng),
};

export { initializerNames };

export function resolveInitializerName(name: string): InitializerName {
  if (typeof name !== 'string') throw new ArgumentError(`initializer must be a name such as 'glorotUniform', got ${describeValue(name)}`);
  if (Object.hasOwn(initializers, name)) return name as InitializerName;
  if (Object.hasOwn(initializerAliases, name)) return initializerAliases[name];
  throw new UnknownNameError('initializer', name, [...initializerNames, ...Object.keys(initializerAliases)]);
}

/** A name, or an initializer with its config (`InitializerSpec`). */
export function getInitializer(name: string | InitializerSpec): Initializer {
  if (typeof name === 'object' && name !== null) {
    const spec = initializerFromObject({ className: INITIALIZER_DESCRIPTORS[name.name]?.kerasClass ?? name.name, config: name.config }, 'initializer');
    return typeof spec === 'string' ? initializers[spec] : (out, fanIn, fanOut, rng) => drawInitializerSpec(spec, out, fanIn, fanOut, rng);
  }
  return initializers[resolveInitializerName(name)];
}

/** An initializer as given (name in any spelling, tfjs object, `{ className, config }`) as a core name or an InitializerSpec. */
export function resolveInitializer(value: unknown, where: string): InitializerName | InitializerSpec {
  if (typeof value === 'string' || typeof value !== 'object' || value === null) return resolveInitializerName(value as string);
  if ('name' in value && 'config' in value && !('className' in value)) return getInitializerSpecChecked(value as InitializerSpec, where);
  return initializerFromObject(value, where);
}

function getInitializerSpecChecked(spec: InitializerSpec, where: string): InitializerSpec {
  const resolved = initializerFromObject({ className: INITIALIZER_DESCRIPTORS[spec.name]?.kerasClass ?? String(spec.name), config: spec.config }, where);
  if (typeof resolved === 'string') throw new ArgumentError(`${where}: ${spec.name} takes no config`);
  return resolved;
}
