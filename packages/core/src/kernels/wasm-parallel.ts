import { type KernelThreadPool, MAX_CHUNKS } from './thread-pool';
import type { WasmKernelExports } from './wasm-module';

/** Tile sizes of assembly/gemm-micro-kernel.ts: blocks of C start on multiples of these. */
const MR = 4;
const NR = 8;
/**
 * Below this many multiply-adds a GEMM runs on the calling thread: handing a task over costs a few µs
 * — and far more on a loaded machine, where the other thread may be descheduled —
 * so products below ~400k multiply-adds (the MNIST output layer: 128×128×10) stay serial.
 */
export const MIN_PARALLEL_MACS = 400_000;
/**
 * Chunks per thread. Every chunk of a GEMM packs its own copy of the operand it does not cut (and, on the
 * first layer, rebuilds the row lists of the zero-skipping kernel), so on 2 threads two chunks each made
 * the MNIST step slower than one chunk each (profile: dense_1 X·W 539 → 310 µs, whole step 1.49 → 1.36 ms,
 * `pnpm bench -- --profile --threads 2`). The price: a thread descheduled on a busy machine is waited for.
 */
const CHUNKS_PER_THREAD = 1;
/** Elementwise kernels (bias + activation, its derivative, the optimizer update) split from this many values. */
export const MIN_PARALLEL_VALUES = 16_384;

/** A block of C: rows [i0, i1) × columns [j0, j1). */
export type GemmBlock = readonly [i0: number, i1: number, j0: number, j1: number];

/** `total` cut into `parts` contiguous ranges of near-equal size whose inner bounds are multiples of `unit`. */
export function splitRange(total: number, parts: number, unit: number): number[] {
  const bounds = [0];
  for (let t = 1; t < parts; t++) {
    const cut = Math.min(total, Math.round((total * t) / parts / unit) * unit);
    bounds.push(Math.max(cut, bounds[t - 1]));
  }
  bounds.push(total);
  return bounds;
}

/**
 * How `threads` chunks share C[m×n] of a product with shared dimension k: one block each, cut across
 * the dimension whose cut duplicates less packing — cutting the columns makes every thread pack all of
 * op(A) (m·k values), cutting the rows makes every thread pack all of op(B) (k·n values). Small
 * products get one block. Each element of C is still summed in one thread in the serial order, so
 * the result does not depend on the split.
 */
export function planGemm(m: number, k: number, n: number, threads: number): GemmBlock[] {
  if (threads <= 1 || m * k * n < MIN_PARALLEL_MACS) return [[0, m, 0, n]];
  // Thin products get fewer blocks: at least one full tile (MR rows or NR columns) each.
  if (Math.max(m / MR, n / NR) < threads) return planGemm(m, k, n, Math.floor(Math.max(m / MR, n / NR)));
  const byColumns = m <= n ? n >= NR * threads : m < MR * threads;
  if (byColumns) {
    const b = splitRange(n, threads, NR);
    return b.slice(1).map((end, t) => [0, m, b[t], end] as const).filter(([, , j0, j1]) => j1 > j0);
  }
  const b = splitRange(m, threads, MR);
  return b.slice(1).map((end, t) => [b[t], end, 0, n] as const).filter(([i0, i1]) => i1 > i0);
}

/**
 * Runs the wasm kernels over the calling thread and a pool. Work is cut into CHUNKS_PER_THREAD chunks
 * per thread, which the threads claim as they come free.
 */
export class WasmParallel {
  readonly threads: number;
  private readonly chunks: number;

  constructor(
    private readonly wasm: WasmKernelExports,
    private readonly pool: KernelThreadPool,
  ) {
    this.threads = pool.workers + 1;
    this.chunks = Math.min(MAX_CHUNKS, CHUNKS_PER_THREAD * this.threads);
  }

  gemm(a: number, b: number, c: number, m: number, k: number, n: number, transA: number, transB: number, accumulate: number, workspace: number): void {
    const blocks = planGemm(m, k, n, this.chunks);
    if (blocks.length === 1) {
      this.wasm.gemm(a, b, c, m, k, n, transA, transB, accumulate, workspace);
      return;
    }
    // The workspace argument (0 here) is replaced by each executing thread's own.
    this.pool.run(
      'gemmBlock',
      blocks.map(([i0, i1, j0, j1]) => [a, b, c, m, k, n, transA, transB, accumulate, 0, i0, i1, j0, j1]),
    );
  }

  /** Row ranges of a rows×cols elementwise kernel, or null to run it whole on the calling thread. */
  private rowSplit(rows: number, cols: number): number[] | null {
    return rows * cols >= MIN_PARALLEL_VALUES && rows >= this.chunks ? splitRange(rows, this.chunks, 1) : null;
  }

  biasActivation(z: number, bias: number, out: number, rows: number, cols: number, code: number, alpha: number): void {
    const r = this.rowSplit(rows, cols);
    if (!r) {
      this.wasm.biasActivation(z, bias, out, rows, cols, code, alpha);
      return;
    }
    const row = cols * 4;
    this.pool.run(
      'biasActivation',
      r.slice(1).map((end, t) => [z + r[t] * row, bias, out + r[t] * row, end - r[t], cols, code, alpha]),
    );
  }

  activationBackward(z: number, y: number, dy: number, dz: number, rows: number, cols: number, code: number, alpha: number): void {
    const r = this.rowSplit(rows, cols);
    if (!r) {
      this.wasm.activationBackward(z, y, dy, dz, rows, cols, code, alpha);
      return;
    }
    const row = cols * 4;
    this.pool.run(
      'activationBackward',
      r.slice(1).map((end, t) => [z + r[t] * row, y + r[t] * row, dy + r[t] * row, dz + r[t] * row, end - r[t], cols, code, alpha]),
    );
  }

  sgdUpdate(w: number, g: number, n: number, lr: number): void {
    if (n < MIN_PARALLEL_VALUES) {
      this.wasm.sgdUpdate(w, g, n, lr);
      return;
    }
    const r = splitRange(n, this.chunks, 4);
    this.pool.run(
      'sgdUpdate',
      r.slice(1).map((end, t) => [w + r[t] * 4, g + r[t] * 4, end - r[t], lr]),
    );
  }

  // The sliding-window kernels split by samples: each sample's input, patches and outputs are its own (the
  // max-pool argmax is relative to its sample), so any split gives the serial result bit for bit.

  im2col(x: number, cols: number, batch: number, ...g: number[]): void {
    const [inH, inW, c, wh, ww, , , , , , , oh, ow] = g;
    this.bySamples('im2col', batch, inH * inW * c, (n0, nb) => [x + n0 * inH * inW * c * 4, cols + n0 * oh * ow * wh * ww * c * 4, nb, ...g]);
  }

  col2im(cols: number, dx: number, batch: number, ...gThenAccumulate: number[]): void {
    const [inH, inW, c, wh, ww, , , , , , , oh, ow] = gThenAccumulate;
    this.bySamples('col2im', batch, inH * inW * c, (n0, nb) => [cols + n0 * oh * ow * wh * ww * c * 4, dx + n0 * inH * inW * c * 4, nb, ...gThenAccumulate]);
  }

  maxPool(x: number, y: number, argmax: number, batch: number, ...g: number[]): void {
    const [inH, inW, c, , , , , , , oh, ow] = g;
    const out = oh * ow * c * 4;
    this.bySamples('maxPool', batch, inH * inW * c, (n0, nb) => [x + n0 * inH * inW * c * 4, y + n0 * out, argmax + n0 * out, nb, ...g]);
  }

  maxPoolBackward(dy: number, argmax: number, dx: number, batch: number, sampleIn: number, sampleOut: number): void {
    this.bySamples('maxPoolBackward', batch, sampleIn, (n0, nb) => [dy + n0 * sampleOut * 4, argmax + n0 * sampleOut * 4, dx + n0 * sampleIn * 4, nb, sampleIn, sampleOut]);
  }

  avgPool(x: number, y: number, batch: number, ...g: number[]): void {
    const [inH, inW, c, , , , , , , oh, ow] = g;
    this.bySamples('avgPool', batch, inH * inW * c, (n0, nb) => [x + n0 * inH * inW * c * 4, y + n0 * oh * ow * c * 4, nb, ...g]);
  }

  avgPoolBackward(dy: number, dx: number, batch: number, ...g: number[]): void {
    const [inH, inW, c, , , , , , , oh, ow] = g;
    this.bySamples('avgPoolBackward', batch, inH * inW * c, (n0, nb) => [dy + n0 * oh * ow * c * 4, dx + n0 * inH * inW * c * 4, nb, ...g]);
  }

  /** Run `op` on sample ranges [n0, n0 + nb) of the batch, or whole on the calling thread when the batch is small. */
  private bySamples(op: WindowOp, batch: number, sampleValues: number, args: (n0: number, nb: number) => number[]): void {
    if (batch < 2 || batch * sampleValues < MIN_PARALLEL_VALUES) {
      (this.wasm[op] as (...a: number[]) => void)(...args(0, batch));
      return;
    }
    const r = splitRange(batch, Math.min(this.chunks, batch), 1);
    this.pool.run(
      op,
      r.slice(1).map((end, t) => args(r[t], end - r[t])),
    );
  }
}

type WindowOp = 'im2col' | 'col2im' | 'maxPool' | 'maxPoolBackward' | 'avgPool' | 'avgPoolBackward';
