import * as fs from 'node:fs';
import { describeKernels, type Kernels } from '@backprop/core';
import { loadMnist, oneHotLabels, toFloat32Batch } from '@backprop/datasets';
import type { BenchData, BenchModel } from './bench-engine';
import { denseStackLabeller, profileKernels } from './kernel-profiler';
import { timeSteps } from './measure';
import { createScratchEngine } from './scratch-engine';

/**
 * Single-precision peak of one core with 4-lane FMA: two FMA pipes × 4 lanes × 2 flops = 16 flops per
 * cycle (x64 cores since Haswell / Zen, which is what wasm SIMD's f32x4 compiles to), at the clock
 * /proc/cpuinfo reports (or `ghz`).
 */
export function fmaPeakGflops(ghz?: number): { gflops: number; ghz: number } {
  let clock = ghz;
  if (clock === undefined) {
    try {
      const match = /cpu MHz\s*:\s*([\d.]+)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
      clock = match ? Number(match[1]) / 1000 : 2;
    } catch {
      clock = 2;
    }
  }
  return { gflops: 16 * clock, ghz: clock };
}

/**
 * `pnpm bench -- --profile`: one table of where a training step of the bench's model goes, kernel by
 * kernel, with the batch conversion `fit` does (bytes → floats into the input buffer, one-hot labels).
 */
export async function profileStep(kernels: Kernels, model: BenchModel, data: BenchData, steps: number, threads: number): Promise<string> {
  const profiled = profileKernels(kernels, denseStackLabeller(model.layers));
  const engine = createScratchEngine('wasm', model, data, profiled.kernels);
  await timeSteps(() => engine.trainStep(), { steps: 5, warmup: 5, repeats: 1 });
  profiled.reset();
  const whole = await timeSteps(() => engine.trainStep(), { steps, warmup: 0, repeats: 1 });
  engine.dispose();

  const mnist = loadMnist();
  const x = kernels.alloc(model.batchSize * model.layers[0]);
  const y = kernels.alloc(model.batchSize * 10);
  let b = 0;
  const convert = await timeSteps(
    () => {
      const range = { start: (b % 400) * model.batchSize, end: ((b % 400) + 1) * model.batchSize };
      b++;
      toFloat32Batch(mnist.train, range, x);
      oneHotLabels(mnist.train.labels, range, 10, y);
    },
    { steps, warmup: 5, repeats: 1 },
  );
  kernels.free(x);
  kernels.free(y);

  const peak = fmaPeakGflops();
  const rows: string[][] = [];
  let kernelMs = 0;
  for (const site of profiled.sites.values()) {
    const ms = site.ms / steps;
    kernelMs += ms;
    const gflops = site.flops > 0 ? (site.flops * (site.calls / steps)) / (ms * 1e6) : 0;
    rows.push([site.label, (site.calls / steps).toFixed(0), (ms * 1000).toFixed(0), ((100 * ms) / whole.msPerStep).toFixed(1), gflops ? gflops.toFixed(1) : '', gflops ? ((100 * gflops) / (peak.gflops * threads)).toFixed(0) : '']);
  }
  rows.sort((p, q) => Number(q[2]) - Number(p[2]));
  rows.push(['batch conversion (fit: bytes→floats, one-hot)', '1', (convert.msPerStep * 1000).toFixed(0), ((100 * convert.msPerStep) / whole.msPerStep).toFixed(1), '', '']);
  rows.push(['(outside kernels: JS glue)', '', ((whole.msPerStep - kernelMs) * 1000).toFixed(0), ((100 * (whole.msPerStep - kernelMs)) / whole.msPerStep).toFixed(1), '', '']);
  rows.push(['training step (kernels + glue)', '', (whole.msPerStep * 1000).toFixed(0), '100.0', '', '']);
  const header = ['kernel call site [m×k×n or rows×cols]', 'calls', 'µs/step', '% step', 'GFLOP/s', '% peak'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (r: string[]) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ');
  return [
    `profile of one training step (${describeKernels(kernels)}, mean of ${steps} steps)`,
    `peak = ${threads} × 16 flop/cycle (2 FMA pipes × 4 lanes × 2) × ${peak.ghz.toFixed(2)} GHz = ${(peak.gflops * threads).toFixed(1)} GFLOP/s; GFLOP/s count the dense 2·m·k·n (zero-skipping makes layer 1 look faster than peak allows)`,
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(line),
  ].join('\n');
}
