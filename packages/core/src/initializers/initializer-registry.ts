import { type InitializerName, initializerAliases, initializerNames } from '../descriptors/initializer-descriptors';
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
  zeros: (out) => out.fill(0),
  ones: (out) => out.fill(1),
};

export { initializerNames };

export function resolveInitializerName(name: string): InitializerName {
  if (typeof name !== 'string') throw new ArgumentError(`initializer must be a name such as 'glorotUniform', got ${describeValue(name)}`);
  if (Object.hasOwn(initializers, name)) return name as InitializerName;
  if (Object.hasOwn(initializerAliases, name)) return initializerAliases[name];
  throw new UnknownNameError('initializer', name, [...initializerNames, ...Object.keys(initializerAliases)]);
}

export function getInitializer(name: string): Initializer {
  return initializers[resolveInitializerName(name)];
}
