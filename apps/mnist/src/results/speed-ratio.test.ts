import { benchResultsFixture } from './bench-results.fixture';
import { speedRatio, speedSentence } from './speed-ratio';

describe('speedRatio', () => {
  it('divides tfjs seconds per epoch by scratch seconds per epoch', () => {
    expect(speedRatio(benchResultsFixture().results)).toBeCloseTo(26.15 / 0.5, 10);
  });

  it('is null when an engine is missing or ran no epoch', () => {
    const [scratch, tfjs] = benchResultsFixture().results;
    expect(speedRatio([scratch])).toBeNull();
    expect(speedRatio([tfjs])).toBeNull();
    expect(speedRatio([scratch, { ...tfjs, epochs: 0 }])).toBeNull();
    expect(speedRatio([{ ...scratch, secondsPerEpoch: 0 }, tfjs])).toBeNull();
  });
});

describe('speedSentence', () => {
  it('says faster with one decimal and the tfjs backend', () => {
    expect(speedSentence(52.31, 'wasm')).toBe('scratch is 52.3× faster than tfjs (wasm)');
  });

  it('says slower with the inverted ratio', () => {
    expect(speedSentence(0.25, 'node')).toBe('scratch is 4.0× slower than tfjs (node)');
  });

  it('leaves out an unknown backend and handles a tie', () => {
    expect(speedSentence(2, null)).toBe('scratch is 2.0× faster than tfjs');
    expect(speedSentence(1.02, 'cpu')).toBe('scratch is about as fast as tfjs (cpu) (1.0×)');
  });
});
