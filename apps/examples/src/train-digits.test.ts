import { trainDigits } from './train-digits';

describe('8×8 digits with the tutorial network', () => {
  it('reaches ≥ 95 % test accuracy in a test-sized run (100 epochs)', () => {
    const lines: string[] = [];
    const run = trainDigits({ epochs: 100, seed: 42, logger: (l) => lines.push(l) });
    expect(run.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(run.report).toMatch(/^ {14}precision {4}recall {2}f1-score {3}support\n\n/);
    expect(run.report).toMatch(/\n {4}accuracy {27}0\.9\d {7}450\n/);
    expect(lines[0]).toMatch(/^\[INFO\] epoch=1, loss=\d+\.\d{7}$/);
    expect(lines).toHaveLength(2);
  }, 300_000);
});
