export interface BenchResult {
  engine: string;
  description: string;
  msPerStep: number;
  secondsPerEpoch: number;
  gflops: number;
  /** tfjs-wasm seconds per epoch ÷ this engine's; null when tfjs-wasm did not run. */
  ratioToTfjsWasm: number | null;
  inferenceImagesPerSecondBatch1: number;
  inferenceImagesPerSecondBatch1000: number;
  inferenceGflopsBatch1000: number;
}

const COLUMNS: [string, (r: BenchResult) => string][] = [
  ['engine', (r) => r.engine],
  ['ms/step', (r) => r.msPerStep.toFixed(2)],
  ['s/epoch', (r) => r.secondsPerEpoch.toFixed(2)],
  ['GFLOP/s', (r) => r.gflops.toFixed(1)],
  ['× tfjs-wasm', (r) => (r.ratioToTfjsWasm === null ? '-' : `${r.ratioToTfjsWasm.toFixed(1)}×`)],
  ['img/s @1', (r) => Math.round(r.inferenceImagesPerSecondBatch1).toLocaleString('en-US')],
  ['img/s @1000', (r) => Math.round(r.inferenceImagesPerSecondBatch1000).toLocaleString('en-US')],
  ['what runs', (r) => r.description],
];

/** A plain aligned text table (numbers right-aligned) of the benchmark results. */
export function benchTable(results: readonly BenchResult[]): string {
  const cells = [COLUMNS.map(([h]) => h), ...results.map((r) => COLUMNS.map(([, f]) => f(r)))];
  const widths = COLUMNS.map((_, c) => Math.max(...cells.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 || c === COLUMNS.length - 1 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ').trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}
