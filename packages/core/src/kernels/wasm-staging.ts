import { KernelError } from '../errors';
import type { FloatArray } from '../matrix';
import type { WasmHeap } from './wasm-heap';

interface Staged {
  pointer: number;
  length: number;
  output: boolean;
}

/**
 * Turns the Float32Array arguments of one kernel call into wasm pointers. A view from `alloc` is
 * passed as its byte offset (no copy); any other Float32Array is copied into a scratch area of the
 * heap first and, if the kernel writes it, copied back afterwards — correct but slower, for callers
 * such as tests that hold plain arrays. The same plain array passed twice (e.g. in place, `out === z`)
 * is staged once, so aliasing behaves as with the js kernels.
 */
export class WasmStaging {
  private scratchOffset = 0;
  private scratchBytes = 0;
  private used = 0;
  private readonly staged = new Map<Float32Array, Staged>();
  private readonly retired: number[] = [];

  constructor(private readonly heap: WasmHeap) {}

  /**
   * The pointer to pass for `array`, of which the kernel uses the first `length` floats: it reads them
   * unless `copyIn` is false, and writes them when `output`.
   */
  pointer(array: FloatArray, length: number, name: string, output = false, copyIn = true): number {
    if (!(array instanceof Float32Array)) {
      throw new KernelError(
        `wasm kernels compute in float32: ${name} is a ${array.constructor.name}; use the js kernels (BACKPROP_KERNELS=js) for Float64Array`,
      );
    }
    if (array.length < length) {
      throw new KernelError(`wasm kernels: ${name} holds ${array.length} values but ${length} are needed`);
    }
    if (this.heap.owns(array)) return array.byteOffset;
    const known = this.staged.get(array);
    if (known && known.length >= length) {
      known.output ||= output;
      return known.pointer;
    }
    if (known && (known.output || output)) {
      throw new KernelError(`wasm kernels: ${name} is passed twice with different lengths and written; pass buffers from alloc() instead`);
    }
    const pointer = this.reserve(length * 4);
    if (copyIn) new Float32Array(this.heap.buffer, pointer, length).set(array.subarray(0, length));
    // A second, longer read-only use of the same array gets its own copy; the first stays valid.
    if (!known) this.staged.set(array, { pointer, length, output });
    return pointer;
  }

  /** Copy written plain arrays back and release the scratch space; call in a `finally` after each kernel. */
  finish(): void {
    if (this.staged.size > 0) {
      for (const [array, { pointer, length, output }] of this.staged) {
        if (output) array.set(new Float32Array(this.heap.buffer, pointer, length));
      }
      this.staged.clear();
    }
    for (const offset of this.retired) this.heap.freeBytes(offset);
    this.retired.length = 0;
    this.used = 0;
  }

  /** Calls with only heap views never touch the scratch area, so it is made (and grown) on demand. */
  private reserve(bytes: number): number {
    const size = Math.ceil(bytes / 16) * 16;
    if (this.used + size > this.scratchBytes) this.grow(size);
    const pointer = this.scratchOffset + this.used;
    this.used += size;
    return pointer;
  }

  /**
   * Switch to a larger scratch area. Pointers already handed out in this call point into the old
   * area, so it is only given back to the heap in `finish`.
   */
  private grow(size: number): void {
    if (this.scratchBytes > 0) this.retired.push(this.scratchOffset);
    const bytes = Math.max(size, this.scratchBytes * 2, 1 << 16);
    this.scratchOffset = this.heap.allocBytes(bytes);
    this.scratchBytes = bytes;
    this.used = 0;
  }
}
