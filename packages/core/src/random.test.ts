import { ArgumentError } from './errors';
import { Rng } from './random';

describe('Rng', () => {
  it('is reproducible from its seed and differs between seeds', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 10 }, () => a.uniform());
    expect(Array.from({ length: 10 }, () => b.uniform())).toEqual(sa);
    expect(Array.from({ length: 10 }, () => c.uniform())).not.toEqual(sa);
  });

  it('uniform is in [0, 1) with mean ½; normal has mean 0 and std 1', () => {
    const rng = new Rng(7);
    const n = 100000;
    let sum = 0;
    let min = 1;
    let max = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      sum += u;
      min = Math.min(min, u);
      max = Math.max(max, u);
    }
    expect(sum / n).toBeCloseTo(0.5, 2);
    expect(min).toBeGreaterThanOrEqual(0);
    expect(max).toBeLessThan(1);
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      s1 += z;
      s2 += z * z;
    }
    expect(s1 / n).toBeCloseTo(0, 1);
    expect(Math.sqrt(s2 / n)).toBeCloseTo(1, 1);
  });

  it('permutation holds every index once', () => {
    const p = new Rng(1).permutation(100);
    expect([...p].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...p]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('rejects bad arguments', () => {
    expect(() => new Rng(Number.NaN)).toThrow(ArgumentError);
    expect(() => new Rng(1).int(0)).toThrow(/positive integer, got 0/);
  });
});
