export interface BenchResult {
  engine: string;
  description: string;
  /** Threads the engine computes on (1 for the single-threaded ones and the pinned native peers). */
  threads: number;
  msPerStep: number;
  secondsPerEpoch: number;
  samplesPerSecond: number;
  gflops: number;
  /** tfjs-wasm seconds per epoch ÷ this engine's (how many times faster); null when tfjs-wasm did not run. */
  ratioToTfjsWasm: number | null;
  /** This engine's ms/step ÷ the fastest native peer's (PyTorch, Keras); null when none ran. */
  timeRatioToFastestNative: number | null;
  /** This engine's ms/step ÷ PyTorch's on one thread (the goal of issue 14 is ≤ 0.5); null when it did not run. */
  timeRatioToPytorch1Thread: number | null;
  inferenceImagesPerSecondBatch1: number;
  inferenceImagesPerSecondBatch1000: number;
  inferenceGflopsBatch1000: number;
}

const ratio = (r: number | null, suffix: string) => (r === null ? '-' : `${r.toFixed(r < 10 ? 2 : 1)}${suffix}`);

const COLUMNS: [string, (r: BenchResult) => string][] = [
  ['engine', (r) => r.engine],
  ['threads', (r) => String(r.threads)],
  ['ms/step', (r) => r.msPerStep.toFixed(2)],
  ['s/epoch', (r) => r.secondsPerEpoch.toFixed(2)],
  ['samples/s', (r) => Math.round(r.samplesPerSecond).toLocaleString('en-US')],
  ['GFLOP/s', (r) => r.gflops.toFixed(1)],
  ['× tfjs-wasm', (r) => ratio(r.ratioToTfjsWasm, '×')],
  ['time ÷ native', (r) => ratio(r.timeRatioToFastestNative, '')],
  ['time ÷ torch-1t', (r) => ratio(r.timeRatioToPytorch1Thread, '')],
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

/** Fill the three ratio fields of every result from the results of the same run. */
export function fillRatios(results: BenchResult[]): void {
  const tfjsWasm = results.find((r) => r.engine === 'tfjs-wasm');
  const natives = results.filter((r) => r.engine.startsWith('pytorch') || r.engine.startsWith('keras'));
  const fastestNative = natives.length > 0 ? Math.min(...natives.map((r) => r.msPerStep)) : null;
  const torch1 = results.find((r) => r.engine === 'pytorch-1t');
  for (const r of results) {
    r.ratioToTfjsWasm = tfjsWasm ? tfjsWasm.secondsPerEpoch / r.secondsPerEpoch : null;
    r.timeRatioToFastestNative = fastestNative === null ? null : r.msPerStep / fastestNative;
    r.timeRatioToPytorch1Thread = torch1 ? r.msPerStep / torch1.msPerStep : null;
  }
}
