import type { RandomSource as Rng } from './random-source';

/**
 * Mutations of raw bytes, in the spirit of AFL's deterministic and havoc stages (bit flips,
 * "interesting" 32-bit values, block insertion and deletion, truncation). Each returns a new array
 * and a description that, with the case's seed, is enough to reproduce and understand a failure.
 */

export interface Mutated<T> {
  readonly value: T;
  readonly description: string;
}

/** Header values that break size arithmetic: max uint32, max int32, zero, 2^31, 2^16, 1. */
export const HUGE_FIELD_VALUES: readonly number[] = [0xffffffff, 0x7fffffff, 0, 0x80000000, 0x10000, 1];

export interface ByteMutationOptions {
  /** Offsets of the format's header fields, where `hugeHeaderField` writes; default every 4th byte of the first 32. */
  headerOffsets?: readonly number[];
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export function flipBits(bytes: Uint8Array, rng: Rng): Mutated<Uint8Array> {
  if (bytes.length === 0) return { value: bytes, description: 'bit flip (empty input, unchanged)' };
  const out = Uint8Array.from(bytes);
  const flips = 1 + rng.int(8);
  const where: string[] = [];
  for (let i = 0; i < flips; i++) {
    const bit = rng.int(out.length * 8);
    out[bit >> 3] ^= 1 << (bit & 7);
    where.push(`${bit >> 3}.${bit & 7}`);
  }
  return { value: out, description: `flip bits at byte.bit ${where.join(', ')}` };
}

export function truncate(bytes: Uint8Array, rng: Rng): Mutated<Uint8Array> {
  const length = rng.int(bytes.length + 1);
  return { value: bytes.slice(0, length), description: `truncate ${bytes.length} bytes to ${length}` };
}

export function insertBytes(bytes: Uint8Array, rng: Rng): Mutated<Uint8Array> {
  const at = rng.int(bytes.length + 1);
  // Mostly a few bytes, sometimes a block large enough to matter for length checks.
  const count = rng.uniform() < 0.8 ? 1 + rng.int(16) : 1 + rng.int(4096);
  const inserted = new Uint8Array(count);
  const fill = rng.uniform() < 0.5;
  for (let i = 0; i < count; i++) inserted[i] = fill ? 0 : rng.int(256);
  return {
    value: concat(bytes.subarray(0, at), inserted, bytes.subarray(at)),
    description: `insert ${count} ${fill ? 'zero' : 'random'} bytes at ${at}`,
  };
}

export function deleteBytes(bytes: Uint8Array, rng: Rng): Mutated<Uint8Array> {
  if (bytes.length === 0) return { value: bytes, description: 'delete (empty input, unchanged)' };
  const at = rng.int(bytes.length);
  const count = 1 + rng.int(Math.min(bytes.length - at, rng.uniform() < 0.8 ? 16 : bytes.length));
  return { value: concat(bytes.subarray(0, at), bytes.subarray(at + count)), description: `delete ${count} bytes at ${at}` };
}

export function hugeHeaderField(bytes: Uint8Array, rng: Rng, options: ByteMutationOptions = {}): Mutated<Uint8Array> {
  const offsets = options.headerOffsets ?? [0, 4, 8, 12, 16, 20, 24, 28];
  const at = offsets[rng.int(offsets.length)];
  const value = HUGE_FIELD_VALUES[rng.int(HUGE_FIELD_VALUES.length)];
  const littleEndian = rng.uniform() < 0.25;
  const out = new Uint8Array(Math.max(bytes.length, at + 4));
  out.set(bytes);
  new DataView(out.buffer).setUint32(at, value, littleEndian);
  return {
    value: out,
    description: `write 0x${value.toString(16)} (${littleEndian ? 'LE' : 'BE'}) at header offset ${at}`,
  };
}

/** One random byte mutation; `hugeHeaderField` is weighted up because it is what finds memory bombs. */
export function mutateBytes(bytes: Uint8Array, rng: Rng, options: ByteMutationOptions = {}): Mutated<Uint8Array> {
  const pick = rng.int(6);
  if (pick === 0) return flipBits(bytes, rng);
  if (pick === 1) return truncate(bytes, rng);
  if (pick === 2) return insertBytes(bytes, rng);
  if (pick === 3) return deleteBytes(bytes, rng);
  return hugeHeaderField(bytes, rng, options);
}

/** 1..`max` mutations stacked, as AFL's havoc stage stacks them. */
export function mutateBytesStacked(bytes: Uint8Array, rng: Rng, options: ByteMutationOptions & { max?: number } = {}): Mutated<Uint8Array> {
  const n = 1 + rng.int(options.max ?? 3);
  let value = bytes;
  const steps: string[] = [];
  for (let i = 0; i < n; i++) {
    const m = mutateBytes(value, rng, options);
    value = m.value;
    steps.push(m.description);
  }
  return { value, description: steps.join('; ') };
}
