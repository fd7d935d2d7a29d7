import { benchResultsFixture } from '../results/bench-results.fixture';
import { COMPARISON_COLUMNS, comparisonRow, formatComparisonTable } from './comparison-table';

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching ANSI escapes is the point
const ANSI = /\u001b\[[0-9;]*m/;

describe('comparisonRow', () => {
  it('formats each column for display', () => {
    const scratch = benchResultsFixture().results[0];
    expect(comparisonRow(scratch)).toEqual([
      'scratch',
      'scratch (wasm kernels)',
      '3',
      '0.50',
      '1,200',
      '0.3100',
      '0.3500',
      '90.00%',
      expect.stringMatching(/^0\.\d{4}$/),
    ]);
  });

  it('marks an interrupted run and keeps small times readable', () => {
    const scratch = { ...benchResultsFixture().results[0], interrupted: true, epochs: 2, secondsPerEpoch: 0.0123 };
    const row = comparisonRow(scratch);
    expect(row[2]).toBe('2 (stopped)');
    expect(row[3]).toBe('0.0123');
  });
});

describe('formatComparisonTable', () => {
  const text = formatComparisonTable(benchResultsFixture(), { color: false });
  const lines = text.split('\n');

  it('has a header with every column, one row per engine, and the speed line last', () => {
    const header = lines[1];
    let at = -1;
    for (const column of COMPARISON_COLUMNS) {
      const next = header.indexOf(column, at + 1);
      expect(next).toBeGreaterThan(at);
      at = next;
    }
    const rows = lines.filter((l) => /^│ (scratch|tfjs) /.test(l));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatch(/│ scratch\s+│ scratch \(wasm kernels\)\s+│\s+3 │\s+0\.50 │\s+1,200 │\s+0\.3100 │\s+0\.3500 │\s+90\.00% │/);
    expect(rows[1]).toMatch(/│ tfjs\s+│ tfjs 4\.22\.0 \(wasm, SIMD\)\s+│\s+3 │\s+26\.15 │\s+23 │/);
    expect(lines[lines.length - 1]).toBe('scratch is 52.3× faster than tfjs (wasm)');
  });

  it('draws a box whose lines all have the same width', () => {
    const box = lines.slice(0, -1);
    expect(new Set(box.map((l) => l.length)).size).toBe(1);
    expect(box[0].startsWith('┌')).toBe(true);
    expect(box[box.length - 1].startsWith('└')).toBe(true);
  });

  it('has no ANSI colours when colour is off, and some when on', () => {
    expect(text).not.toMatch(ANSI);
    expect(formatComparisonTable(benchResultsFixture(), { color: true })).toMatch(ANSI);
  });

  it('leaves out the speed line without a ratio, and explains "(stopped)"', () => {
    const doc = benchResultsFixture();
    doc.results = [{ ...doc.results[0], interrupted: true }];
    doc.speedRatio = null;
    const out = formatComparisonTable(doc, { color: false });
    expect(out).not.toContain('faster');
    expect(out).toContain('3 (stopped)');
    expect(out.split('\n').pop()).toBe('(stopped) = interrupted before the planned number of epochs');
  });
});
