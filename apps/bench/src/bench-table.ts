export interface BenchResult {
  engine: string;
  description: string;
  /** Threads the engine computes on (1 for the single-threaded ones and the pinned native peers). */
  threads: number;
  /** Training figures; null for an engine that cannot train this model and was timed for inference only. */
  msPerStep: number | null;
  secondsPerEpoch: number | null;
  samplesPerSecond: number | null;
  gflops: number | null;
  /** tfjs-wasm seconds per epoch ÷ this engine's (how many times faster); null when tfjs-wasm did not run. */
  ratioToTfjsWasm: number | null;
  /** This engine's ms/step ÷ the fastest native peer's (PyTorch, Keras); null when none ran. */
  timeRatioToFastestNative: number | null;
  /** This engine's ms/step ÷ PyTorch's on one thread (the goal of issue 14 is ≤ 0.5); null when it did not run. */
  timeRatioToPytorch1Thread: number | null;
  inferenceImagesPerSecondBatch1: number;
  inferenceImagesPerSecondBatch1000: number;
  inferenceGflopsBatch1000: number;
  /**
   * Inference speed-ups (this engine's images/s ÷ the other's) at batch 1 and 1000, against tfjs-wasm and against
   * the fastest native peer at that batch size; null when that peer did not run.
   */
  inferenceSpeedups: { tfjsWasm1: number | null; tfjsWasm1000: number | null; native1: number | null; native1000: number | null };
}

const ratio = (r: number | null, suffix: string) => (r === null ? '-' : `${r.toFixed(r < 10 ? 2 : 1)}${suffix}`);
const fixed = (v: number | null, digits: number) => (v === null ? '-' : v.toFixed(digits));
const count = (v: number | null) => (v === null ? '-' : Math.round(v).toLocaleString('en-US'));

const COLUMNS: [string, (r: BenchResult) => string][] = [
  ['engine', (r) => r.engine],
  ['threads', (r) => String(r.threads)],
  ['ms/step', (r) => fixed(r.msPerStep, 2)],
  ['s/epoch', (r) => fixed(r.secondsPerEpoch, 2)],
  ['samples/s', (r) => count(r.samplesPerSecond)],
  ['GFLOP/s', (r) => fixed(r.gflops, 1)],
  ['× tfjs-wasm', (r) => ratio(r.ratioToTfjsWasm, '×')],
  ['time ÷ native', (r) => ratio(r.timeRatioToFastestNative, '')],
  ['time ÷ torch-1t', (r) => ratio(r.timeRatioToPytorch1Thread, '')],
  ['img/s @1', (r) => Math.round(r.inferenceImagesPerSecondBatch1).toLocaleString('en-US')],
  ['img/s @1000', (r) => Math.round(r.inferenceImagesPerSecondBatch1000).toLocaleString('en-US')],
  ['@1 × tfjs-wasm', (r) => ratio(r.inferenceSpeedups.tfjsWasm1, '×')],
  ['@1000 × tfjs-wasm', (r) => ratio(r.inferenceSpeedups.tfjsWasm1000, '×')],
  ['@1 × native', (r) => ratio(r.inferenceSpeedups.native1, '×')],
  ['@1000 × native', (r) => ratio(r.inferenceSpeedups.native1000, '×')],
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

/** Fill the ratio fields of every result from the results of the same run (null where either side has no figure). */
export function fillRatios(results: BenchResult[]): void {
  const tfjsWasm = results.find((r) => r.engine === 'tfjs-wasm');
  const natives = results.filter((r) => (r.engine.startsWith('pytorch') || r.engine.startsWith('keras')) && r.msPerStep !== null);
  const fastestNative = natives.length > 0 ? Math.min(...natives.map((r) => r.msPerStep as number)) : null;
  const torch1 = results.find((r) => r.engine === 'pytorch-1t');
  const over = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : a / b);
  const nativePeers = results.filter((r) => r.engine.startsWith('pytorch') || r.engine.startsWith('keras'));
  const fastestNativeInference1 = nativePeers.length > 0 ? Math.max(...nativePeers.map((r) => r.inferenceImagesPerSecondBatch1)) : null;
  const fastestNativeInference1000 = nativePeers.length > 0 ? Math.max(...nativePeers.map((r) => r.inferenceImagesPerSecondBatch1000)) : null;
  for (const r of results) {
    r.ratioToTfjsWasm = over(tfjsWasm?.secondsPerEpoch, r.secondsPerEpoch);
    r.timeRatioToFastestNative = over(r.msPerStep, fastestNative);
    r.timeRatioToPytorch1Thread = over(r.msPerStep, torch1?.msPerStep);
    r.inferenceSpeedups = {
      tfjsWasm1: over(r.inferenceImagesPerSecondBatch1, tfjsWasm?.inferenceImagesPerSecondBatch1),
      tfjsWasm1000: over(r.inferenceImagesPerSecondBatch1000, tfjsWasm?.inferenceImagesPerSecondBatch1000),
      native1: over(r.inferenceImagesPerSecondBatch1, fastestNativeInference1),
      native1000: over(r.inferenceImagesPerSecondBatch1000, fastestNativeInference1000),
    };
  }
}
