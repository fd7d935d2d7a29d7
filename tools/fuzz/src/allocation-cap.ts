/**
 * A per-allocation memory bound for fuzz cases. A hostile header can make a reader ask for many
 * gigabytes; on Linux a zero-filled typed array of that size is granted lazily (overcommit) and only
 * fails, or takes the machine down, once it is filled. While a case runs, the typed-array and
 * ArrayBuffer constructors of this realm are wrapped so that any single allocation above the cap
 * throws `AllocationCapError` at once, with a stack that points at the allocation site.
 * Allocations Node makes internally (zlib, Buffer pools) are not seen here; the runner's RSS check
 * covers those.
 */
export class AllocationCapError extends Error {
  constructor(
    readonly bytes: number,
    readonly cap: number,
  ) {
    super(`fuzz allocation cap: a single allocation of ${bytes} bytes was attempted; the cap is ${cap} bytes`);
    this.name = 'AllocationCapError';
  }
}

const NAMES = [
  'ArrayBuffer',
  'Float32Array',
  'Float64Array',
  'Int8Array',
  'Int16Array',
  'Int32Array',
  'Uint8Array',
  'Uint8ClampedArray',
  'Uint16Array',
  'Uint32Array',
] as const;

function requestedBytes(name: string, args: unknown[], bytesPerElement: number): number {
  const first = args[0];
  if (typeof first === 'number') return name === 'ArrayBuffer' ? first : first * bytesPerElement;
  // new Float32Array(arrayLike) or (iterable): its length says how much will be allocated.
  if (first !== null && typeof first === 'object' && !(first instanceof ArrayBuffer) && 'length' in first) {
    const length = Number((first as { length: unknown }).length);
    return Number.isFinite(length) ? length * bytesPerElement : 0;
  }
  return 0;
}

/**
 * Run `fn` with single allocations capped at `capBytes`; the constructors are restored afterwards.
 * `onViolation` sees every `AllocationCapError` thrown, even one the code under test catches and
 * rewraps (core wraps construction errors in ModelFormatError), so the runner still counts the case.
 */
export async function withAllocationCap<T>(
  capBytes: number,
  fn: () => T | Promise<T>,
  onViolation: (error: AllocationCapError) => void = () => {},
): Promise<T> {
  const target = globalThis as unknown as Record<string, unknown>;
  const originals = NAMES.map((name) => [name, target[name]] as const);
  for (const [name, original] of originals) {
    const ctor = original as new (...args: unknown[]) => object;
    const bytesPerElement = (ctor as unknown as { BYTES_PER_ELEMENT?: number }).BYTES_PER_ELEMENT ?? 1;
    target[name] = new Proxy(ctor, {
      construct(real, args, newTarget) {
        const bytes = requestedBytes(name, args, bytesPerElement);
        if (bytes > capBytes) {
          const error = new AllocationCapError(bytes, capBytes);
          onViolation(error);
          throw error;
        }
        return Reflect.construct(real, args, newTarget === target[name] ? real : newTarget);
      },
    });
  }
  try {
    return await fn();
  } finally {
    for (const [name, original] of originals) target[name] = original;
  }
}
