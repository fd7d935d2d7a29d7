import { type AllocationCapError, withAllocationCap } from './allocation-cap';
import { crc32 } from './crc32';
import { type FuzzTarget, formatTally, runFuzz } from './fuzz-runner';
import { ihdrData, pngChunk, pngFile, repairPngCrcs } from './png-chunks';
import type { RandomSource } from './random-source';

/** mulberry32 (Tommy Ettinger): a tiny seeded generator, so these tests do not need core's Rng. */
function mulberry32(seed: number): RandomSource {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { uniform: next, int: (n) => Math.floor(next() * n) };
}

class TypedTestError extends Error {}

describe('crc32 and PNG chunks', () => {
  it('matches the CRC-32 check value of "123456789" (0xCBF43926) and the empty input', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('writes IEND with its well-known CRC and repairs a chunk whose data changed', () => {
    const iend = pngChunk('IEND', new Uint8Array(0));
    expect(Array.from(iend)).toEqual([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
    const file = pngFile([pngChunk('IHDR', ihdrData(28, 28)), iend]);
    const broken = Uint8Array.from(file);
    broken[19] = 0x99; // width's low byte: the IHDR CRC no longer matches
    const repaired = repairPngCrcs(broken);
    expect(repaired).not.toEqual(file);
    expect(repaired.subarray(0, 29)).toEqual(broken.subarray(0, 29));
    expect(new DataView(repaired.buffer).getUint32(29)).toBe(crc32(repaired.subarray(12, 29)));
  });
});

describe('withAllocationCap', () => {
  it('refuses a single allocation above the cap, reports it, and restores the constructors', async () => {
    const Original = Float32Array;
    const seen: AllocationCapError[] = [];
    await expect(withAllocationCap(1024, () => new Float32Array(1000), (e) => seen.push(e))).rejects.toThrow(
      'a single allocation of 4000 bytes was attempted; the cap is 1024 bytes',
    );
    expect(seen).toHaveLength(1);
    expect(await withAllocationCap(1024, () => new Float32Array(256).length)).toBe(256);
    expect(await withAllocationCap(1024, () => Float32Array.from([1, 2]) instanceof Float32Array)).toBe(true);
    expect(globalThis.Float32Array).toBe(Original);
  });
});

describe('runFuzz', () => {
  const target: FuzzTarget<number> = {
    name: 'toy',
    seeds: [0, 1, 2, 3],
    rng: mulberry32,
    typedErrors: [TypedTestError],
    mutate: (seed, rng) => ({ value: seed + rng.int(3), description: `seed ${seed}` }),
    run(value) {
      if (value % 5 === 1) throw new TypedTestError('typed');
      if (value === 4) throw new RangeError(`untyped ${value}`);
      if (value === 3) return new Float64Array(1 << 20); // 8 MiB: over a 1 MiB cap
      return value;
    },
  };

  it('tallies loaded / typed / other and keeps one failure per distinct error, reproducibly', async () => {
    const options = { cases: 300, seed: 7, maxAllocationBytes: 1 << 20 };
    const tally = await runFuzz(target, options);
    expect(tally.cases).toBe(300);
    expect(tally.loaded + tally.typed + tally.other).toBe(300);
    expect(tally.loaded).toBeGreaterThan(0);
    expect(tally.typed).toBeGreaterThan(0);
    expect(tally.failures.map((f) => [f.kind, f.errorClass]).sort()).toEqual([
      ['allocation over the cap', 'AllocationCapError'],
      ['untyped error', 'RangeError'],
    ]);
    expect(await runFuzz(target, options)).toMatchObject({ loaded: tally.loaded, typed: tally.typed, other: tally.other });
    expect(formatTally(tally)).toMatch(/^fuzz toy \(seed 7\): 300 cases \/ \d+ loaded \/ \d+ typed errors \/ \d+ other/);
  });
});
