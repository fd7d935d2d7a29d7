import Table from 'cli-table3';
import type { BenchResults, EngineResult } from '../results/results-schema';
import { speedSentence } from '../results/speed-ratio';

/** The comparison's columns, shared by the terminal table and the HTML report. */
export const COMPARISON_COLUMNS = [
  'engine',
  'backend',
  'epochs',
  's/epoch',
  'samples/s',
  'train loss',
  'test loss',
  'test acc',
  'macro F1',
] as const;

const ALIGNS = ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right'] as const;

/** One engine's row as display strings, e.g. `['scratch', 'scratch (wasm kernels)', '15', '0.52', …]`. */
export function comparisonRow(result: EngineResult): string[] {
  return [
    result.engine,
    result.backend,
    result.interrupted ? `${result.epochs} (stopped)` : String(result.epochs),
    formatSeconds(result.secondsPerEpoch),
    Math.round(result.samplesPerSecond).toLocaleString('en-US'),
    result.trainLoss.toFixed(4),
    result.testLoss.toFixed(4),
    `${(result.testAccuracy * 100).toFixed(2)}%`,
    result.macroF1.toFixed(4),
  ];
}

/** Two decimals, or three significant digits below 0.1 s so fast epochs do not read `0.00`. */
function formatSeconds(seconds: number): string {
  return seconds >= 0.1 || seconds === 0 ? seconds.toFixed(2) : seconds.toPrecision(3);
}

export interface ComparisonTableOptions {
  /** ANSI colours on the header and borders; default: only when stdout is a TTY and NO_COLOR is unset. */
  readonly color?: boolean;
}

/**
 * The terminal summary: a table with one row per engine, then (when both engines ran) the line
 * `scratch is 52.3× faster than tfjs (wasm)`. Returns the text; printing is the caller's.
 */
export function formatComparisonTable(
  doc: Pick<BenchResults, 'results' | 'speedRatio' | 'environment'>,
  options: ComparisonTableOptions = {},
): string {
  const color = options.color ?? (process.stdout.isTTY === true && !process.env.NO_COLOR);
  const table = new Table({
    // cli-table3's own colours go through @colors/colors, which switches itself off when stdout is not a
    // terminal (and in CI) whatever is asked; so the header's cyan is written here, and its styles stay empty.
    head: COMPARISON_COLUMNS.map((h) => (color ? `\x1b[36m${h}\x1b[39m` : h)),
    colAligns: [...ALIGNS],
    style: { head: [], border: [] },
  });
  for (const result of doc.results) table.push(comparisonRow(result));
  const lines = [table.toString()];
  if (doc.speedRatio !== null) lines.push(speedSentence(doc.speedRatio, doc.environment.tfjsBackend));
  if (doc.results.some((r) => r.interrupted)) lines.push('(stopped) = interrupted before the planned number of epochs');
  return lines.join('\n');
}
