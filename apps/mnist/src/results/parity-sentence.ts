import type { ParityResult } from './results-schema';

/** `engine parity (sgd 0.01) over 50 steps: max |Δw| 2.1e-7, losses agree to 6.3 significant digits — pass` */
export function paritySentence(p: ParityResult): string {
  const digits = p.lossDigitsAgreed === null ? 'identical losses' : `losses agree to ${p.lossDigitsAgreed.toFixed(1)} significant digits`;
  return `engine parity (${p.optimizer}) over ${p.steps} steps of ${p.batchSize}: max |Δw| ${p.maxWeightDiff.toExponential(1)}, ${digits} — ${p.passed ? 'pass' : `FAIL (${p.failures.join('; ')})`}`;
}
