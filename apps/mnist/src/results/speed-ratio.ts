import type { EngineResult } from './results-schema';

/**
 * tfjs seconds per epoch ÷ scratch seconds per epoch: above 1 means scratch is faster. Null unless
 * both engines ran at least one epoch with a positive time.
 */
export function speedRatio(results: readonly EngineResult[]): number | null {
  const seconds = (engine: string) => results.find((r) => r.engine === engine && r.epochs > 0)?.secondsPerEpoch;
  const scratch = seconds('scratch');
  const tfjs = seconds('tfjs');
  if (scratch === undefined || tfjs === undefined || !(scratch > 0) || !(tfjs > 0)) return null;
  return tfjs / scratch;
}

/**
 * The headline sentence: `scratch is 52.3× faster than tfjs (wasm)`, or `… slower …` when the
 * ratio is below 1, or `… about as fast as …` when it rounds to 1.0×. `tfjsBackend` (`wasm`, `node`,
 * `cpu`) is put in parentheses when known.
 */
export function speedSentence(ratio: number, tfjsBackend: string | null): string {
  const tfjs = tfjsBackend ? `tfjs (${tfjsBackend})` : 'tfjs';
  const faster = ratio >= 1;
  const factor = (faster ? ratio : 1 / ratio).toFixed(1);
  if (factor === '1.0') return `scratch is about as fast as ${tfjs} (1.0×)`;
  return `scratch is ${factor}× ${faster ? 'faster' : 'slower'} than ${tfjs}`;
}
