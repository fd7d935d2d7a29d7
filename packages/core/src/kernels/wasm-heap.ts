import { KernelError } from '../errors';
import type { WasmMemory } from './wasm-module';

/**
 * The allocator behind `wasm.alloc`: hands out 16-byte-aligned Float32Array views of one fixed
 * WebAssembly memory. Training allocates the same few sizes again and again (one buffer per layer and
 * batch size), so freed blocks go to an exact-size free list and a bump pointer serves the rest.
 * The memory is never grown — that would detach its ArrayBuffer and invalidate every live view — so an
 * exhausted heap throws instead.
 */
export class WasmHeap {
  private top: number;
  private readonly end: number;
  private readonly freeBySize = new Map<number, number[]>();
  /** Byte size of every live block, by byte offset (to validate `free`). */
  private readonly live = new Map<number, number>();

  constructor(
    private readonly memory: WasmMemory,
    start: number,
  ) {
    this.top = alignUp(start);
    this.end = memory.buffer.byteLength;
  }

  /** Whether `array` is a view into this heap's memory (and can be passed to wasm by pointer). */
  owns(array: ArrayBufferView): boolean {
    return array.buffer === this.memory.buffer;
  }

  /** The memory's buffer (fixed: the memory never grows). */
  get buffer(): ArrayBuffer {
    return this.memory.buffer;
  }

  /** Bytes handed out so far, including freed blocks kept for reuse. */
  get usedBytes(): number {
    return this.top;
  }

  /** A 16-byte-aligned block of at least `bytes` bytes; returns its byte offset. Not zero-filled. */
  allocBytes(bytes: number): number {
    const size = alignUp(Math.max(bytes, 16));
    const reusable = this.freeBySize.get(size);
    let offset = reusable?.pop();
    if (offset === undefined) {
      if (this.top + size > this.end) {
        throw new KernelError(
          `wasm kernels: out of memory allocating ${size} bytes (${this.top} of ${this.end} in use); ` +
            'free unused buffers or raise BACKPROP_WASM_MEMORY_MB',
        );
      }
      offset = this.top;
      this.top += size;
    }
    this.live.set(offset, size);
    return offset;
  }

  freeBytes(offset: number): void {
    const size = this.live.get(offset);
    if (size === undefined) throw new KernelError(`wasm kernels: free of a block that is not allocated (offset ${offset}); double free?`);
    this.live.delete(offset);
    const list = this.freeBySize.get(size);
    if (list) list.push(offset);
    else this.freeBySize.set(size, [offset]);
  }

  /** A zero-filled Float32Array of `length` floats in wasm memory. */
  alloc(length: number): Float32Array {
    if (!Number.isInteger(length) || length < 0) throw new KernelError(`alloc length must be a non-negative integer, got ${length}`);
    const offset = this.allocBytes(length * 4);
    const view = new Float32Array(this.memory.buffer, offset, length);
    view.fill(0);
    return view;
  }

  /** Give back a buffer from `alloc`. */
  free(buffer: Float32Array): void {
    if (!this.owns(buffer)) throw new KernelError('wasm kernels: free() was given a buffer that alloc() of this kernel set did not return');
    this.freeBytes(buffer.byteOffset);
  }
}

/** Round up to a multiple of 16 (arithmetically: offsets may pass 2³¹ in a 4 GiB memory). */
function alignUp(bytes: number): number {
  return Math.ceil(bytes / 16) * 16;
}
