import type { KernelThreadPool } from './thread-pool';
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
 * How `threads` threads share C[m×n] of a product with shared dimension k: one block each, cut across
 * the dimension whose cut duplicates less packing — cutting the columns makes every thread pack all of
 * op(A) (m·k values), cutting the rows makes every thread pack all of op(B) (k·n values). Small
 * products get one block. Each element of C is still summed in one thread in the serial order, so
 * the result does not depend on the split.
 */
export function planGemm(m: number, k: number, n: number, threads: number): GemmBlock[] {
  if (threads <= 1 || m * k * n < MIN_PARALLEL_MACS) return [[0, m, 0, n]];
  const byColumns = m <= n ? n >= NR * threads : m < MR * threads;
  if (byColumns) {
    const b = splitRange(n, threads, NR);
    return b.slice(1).map((end, t) => [0, m, b[t], end] as const).filter(([, , j0, j1]) => j1 > j0);
  }
  const b = splitRange(m, threads, MR);
  return b.slice(1).map((end, t) => [b[t], end, 0, n] as const).filter(([i0, i1]) => i1 > i0);
}

/**
 * Runs the wasm kernels over the calling thread and a pool: the caller computes the first block or
 * row range itself while the workers compute the others.
 */
export class WasmParallel {
  readonly threads: number;

  constructor(
    private readonly wasm: WasmKernelExports,
    private readonly pool: KernelThreadPool,
    /** One GEMM workspace per thread; [0] is the calling thread's. */
    private readonly workspaces: readonly number[],
  ) {
    this.threads = pool.workers + 1;
  }

  gemm(a: number, b: number, c: number, m: number, k: number, n: number, transA: number, transB: number, accumulate: number): void {
    const blocks = planGemm(m, k, n, this.threads);
    for (let t = 1; t < blocks.length; t++) {
      const [i0, i1, j0, j1] = blocks[t];
      this.pool.start(t - 1, 'gemmBlock', a, b, c, m, k, n, transA, transB, accumulate, this.workspaces[t], i0, i1, j0, j1);
    }
    const [i0, i1, j0, j1] = blocks[0];
    this.wasm.gemmBlock(a, b, c, m, k, n, transA, transB, accumulate, this.workspaces[0], i0, i1, j0, j1);
    this.pool.finish();
  }

  /** Row ranges of a rows×cols elementwise kernel, or null to run it whole on the calling thread. */
  private rowSplit(rows: number, cols: number): number[] | null {
    return rows * cols >= MIN_PARALLEL_VALUES && rows >= this.threads ? splitRange(rows, this.threads, 1) : null;
  }

  biasActivation(z: number, bias: number, out: number, rows: number, cols: number, code: number, alpha: number): void {
    const r = this.rowSplit(rows, cols);
    if (!r) {
      this.wasm.biasActivation(z, bias, out, rows, cols, code, alpha);
      return;
    }
    const row = cols * 4;
    for (let t = 1; t < this.threads; t++) this.pool.start(t - 1, 'biasActivation', z + r[t] * row, bias, out + r[t] * row, r[t + 1] - r[t], cols, code, alpha);
    this.wasm.biasActivation(z, bias, out, r[1], cols, code, alpha);
    this.pool.finish();
  }

  activationBackward(z: number, y: number, dy: number, dz: number, rows: number, cols: number, code: number, alpha: number): void {
    const r = this.rowSplit(rows, cols);
    if (!r) {
      this.wasm.activationBackward(z, y, dy, dz, rows, cols, code, alpha);
      return;
    }
    const row = cols * 4;
    for (let t = 1; t < this.threads; t++) {
      const o = r[t] * row;
      this.pool.start(t - 1, 'activationBackward', z + o, y + o, dy + o, dz + o, r[t + 1] - r[t], cols, code, alpha);
    }
    this.wasm.activationBackward(z, y, dy, dz, r[1], cols, code, alpha);
    this.pool.finish();
  }

  sgdUpdate(w: number, g: number, n: number, lr: number): void {
    if (n < MIN_PARALLEL_VALUES) {
      this.wasm.sgdUpdate(w, g, n, lr);
      return;
    }
    const r = splitRange(n, this.threads, 4);
    for (let t = 1; t < this.threads; t++) this.pool.start(t - 1, 'sgdUpdate', w + r[t] * 4, g + r[t] * 4, r[t + 1] - r[t], lr);
    this.wasm.sgdUpdate(w, g, r[1], lr);
    this.pool.finish();
  }
}
