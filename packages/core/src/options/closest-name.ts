/**
 * Levenshtein edit distance (insertions, deletions, substitutions), case-insensitive, with a
 * two-row table. Used only to suggest the option the user probably meant (`lr` → `learningRate`).
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    for (let j = 1; j <= t.length; j++) {
      const substitution = previous[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[t.length];
}

/**
 * Well-known aliases from other libraries that edit distance alone would not find; where a name has
 * several, the first that is valid for the call wins (`lr` is `alpha` for the tutorial networks).
 */
const ALIASES: Readonly<Record<string, string | readonly string[]>> = {
  lr: ['learningRate', 'alpha'],
  learning_rate: ['learningRate', 'alpha'],
  learningRate: 'alpha',
  useNesterov: 'nesterov',
  use_nesterov: 'nesterov',
  epoch: 'epochs',
  batch_size: 'batchSize',
  validation_split: 'validationSplit',
  validation_data: 'validationData',
  initial_epoch: 'initialEpoch',
  class_weight: 'classWeight',
  sample_weight: 'sampleWeight',
  input_shape: 'inputShape',
  input_dim: 'inputDim',
  use_bias: 'useBias',
  kernel_initializer: 'kernelInitializer',
  bias_initializer: 'biasInitializer',
};

/**
 * The valid name closest to `given`, or undefined when none is plausibly meant: a known alias, an
 * exact match but for case and underscores (snake_case from Keras), or at most a third of the
 * longer name's length in edits.
 */
export function closestName(given: string, valid: readonly string[]): string | undefined {
  const alias = [ALIASES[given] ?? []].flat().find((name) => valid.includes(name));
  if (alias !== undefined) return alias;
  const folded = given.replaceAll('_', '').toLowerCase();
  const sameFolded = valid.find((name) => name.replaceAll('_', '').toLowerCase() === folded);
  if (sameFolded !== undefined) return sameFolded;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of valid) {
    const distance = editDistance(given, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(given.length, best.length) / 3)) ? best : undefined;
}
