import { type BenchResult, benchTable, fillRatios } from './bench-table';

function result(engine: string, msPerStep: number, threads = 1): BenchResult {
  return {
    engine,
    description: engine,
    threads,
    msPerStep,
    secondsPerEpoch: (msPerStep * 469) / 1000,
    samplesPerSecond: 128000 / msPerStep,
    gflops: 128.9 / msPerStep,
    ratioToTfjsWasm: null,
    timeRatioToFastestNative: null,
    timeRatioToPytorch1Thread: null,
    inferenceImagesPerSecondBatch1: 1000,
    inferenceImagesPerSecondBatch1000: 100000,
    inferenceGflopsBatch1000: 1,
    inferenceSpeedups: { tfjsWasm1: null, tfjsWasm1000: null, native1: null, native1000: null },
  };
}

describe('fillRatios', () => {
  it('relates every row to tfjs-wasm (speed-up), the fastest native peer and PyTorch on one thread (time ratios)', () => {
    const rows = [result('scratch-wasm', 2), result('tfjs-wasm', 80), result('pytorch-1t', 2.5), result('pytorch-2t', 5, 2), result('keras-jax-2t', 2.2, 2)];
    rows[1].inferenceImagesPerSecondBatch1 = 250;
    rows[2].inferenceImagesPerSecondBatch1 = 4000;
    rows[4].inferenceImagesPerSecondBatch1000 = 400000;
    fillRatios(rows);
    const [ours, tfjs, torch1] = rows;
    expect(ours.ratioToTfjsWasm).toBeCloseTo(40, 10);
    expect(tfjs.ratioToTfjsWasm).toBe(1);
    expect(ours.timeRatioToFastestNative).toBeCloseTo(2 / 2.2, 10);
    expect(ours.timeRatioToPytorch1Thread).toBeCloseTo(0.8, 10);
    expect(torch1.timeRatioToPytorch1Thread).toBe(1);
    // Inference: images/s over the other's, against the fastest native peer at each batch size.
    expect(ours.inferenceSpeedups).toEqual({ tfjsWasm1: 4, tfjsWasm1000: 1, native1: 0.25, native1000: 0.25 });
  });
  it('keeps an inference-only row (an engine that cannot train the model) out of the training ratios', () => {
    const tfjs = { ...result('tfjs-wasm', 1), msPerStep: null, secondsPerEpoch: null, samplesPerSecond: null, gflops: null, inferenceImagesPerSecondBatch1000: 20000 };
    const rows = [result('scratch-wasm', 2), tfjs, { ...result('pytorch-1t', 2.5), msPerStep: null }];
    fillRatios(rows);
    expect(rows[0].ratioToTfjsWasm).toBeNull();
    expect(rows[0].timeRatioToPytorch1Thread).toBeNull();
    expect(rows[0].timeRatioToFastestNative).toBeNull();
    expect(rows[0].inferenceSpeedups).toEqual({ tfjsWasm1: 1, tfjsWasm1000: 5, native1: 1, native1000: 1 });
    expect(benchTable(rows).split('\n')[3]).toMatch(/^tfjs-wasm\s+1\s+-\s+-\s+-\s+-\s+-\s+-\s+-\s+1,000\s+20,000\s+1\.00×\s+1\.00×/);
  });
  it('leaves the ratios null when the reference did not run, and the table shows "-"', () => {
    const rows = [result('scratch-wasm', 2), result('jax-js-wasm', 10)];
    fillRatios(rows);
    expect(rows.map((r) => [r.ratioToTfjsWasm, r.timeRatioToFastestNative, r.timeRatioToPytorch1Thread])).toEqual([
      [null, null, null],
      [null, null, null],
    ]);
    const table = benchTable(rows).split('\n');
    expect(table[0]).toMatch(/^engine\s+threads\s+ms\/step/);
    expect(table[2]).toMatch(/^scratch-wasm\s+1\s+2\.00\s+0\.94\s+64,000\s+64\.5\s+-\s+-\s+-/);
  });
});
