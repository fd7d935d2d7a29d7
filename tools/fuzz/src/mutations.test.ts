import { flipBits, HUGE_FIELD_VALUES, hugeHeaderField, mutateBytesStacked, truncate } from './byte-mutations';
import { HOSTILE_PATHS, mutateJson } from './json-mutations';
import type { RandomSource } from './random-source';

/** A generator that replays fixed uniforms, so each mutation's choice is known. */
function scripted(values: number[]): RandomSource {
  let i = 0;
  const uniform = () => values[i++ % values.length];
  return { uniform, int: (n) => Math.floor(uniform() * n) };
}

function lcg(seed: number): RandomSource {
  let s = seed >>> 0;
  const uniform = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
  return { uniform, int: (n) => Math.floor(uniform() * n) };
}

describe('byte mutations', () => {
  it('flips exactly the chosen bit', () => {
    // 1 flip (int(8) = 0), at bit int(16) = 9: byte 1, bit 1.
    const m = flipBits(Uint8Array.from([0, 0]), scripted([0, 9 / 16]));
    expect(Array.from(m.value)).toEqual([0, 2]);
    expect(m.description).toBe('flip bits at byte.bit 1.1');
  });

  it('truncates to a length within the input', () => {
    const m = truncate(Uint8Array.from([1, 2, 3, 4]), scripted([0.5]));
    expect(Array.from(m.value)).toEqual([1, 2]);
  });

  it('writes a huge value big-endian at a header offset, growing the input if needed', () => {
    const index = HUGE_FIELD_VALUES.indexOf(0x7fffffff);
    const m = hugeHeaderField(new Uint8Array(2), scripted([0.99, (index + 0.5) / HUGE_FIELD_VALUES.length, 0.9]), { headerOffsets: [0, 4] });
    expect(Array.from(m.value)).toEqual([0, 0, 0, 0, 0x7f, 0xff, 0xff, 0xff]);
    expect(m.description).toBe('write 0x7fffffff (BE) at header offset 4');
  });

  it('is deterministic for a seed and does not modify its input', () => {
    const input = Uint8Array.from({ length: 64 }, (_, i) => i);
    const a = mutateBytesStacked(input, lcg(5));
    const b = mutateBytesStacked(input, lcg(5));
    expect(a).toEqual(b);
    expect(Array.from(input)).toEqual(Array.from({ length: 64 }, (_, i) => i));
  });
});

describe('JSON mutations', () => {
  const doc = { weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'k', shape: [2, 3] }] }] };

  it('changes exactly one value or key of a copy', () => {
    for (let seed = 0; seed < 50; seed++) {
      const m = mutateJson(doc, lcg(seed));
      expect(m.value).not.toEqual(doc);
      expect(doc.weightsManifest[0].paths).toEqual(['weights.bin']);
      expect(m.description).toMatch(/^(set at|delete key)/);
    }
  });

  it('puts hostile paths into manifest path slots', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 400; seed++) {
      const m = mutateJson(doc, lcg(seed), { pathKeys: ['paths'] }).value as typeof doc;
      const path = m.weightsManifest?.[0]?.paths?.[0];
      if (typeof path === 'string' && HOSTILE_PATHS.includes(path)) seen.add(path);
    }
    expect(seen.size).toBeGreaterThan(3);
  });
});
