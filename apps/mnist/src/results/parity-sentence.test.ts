import { benchResultsFixture } from './bench-results.fixture';
import { paritySentence } from './parity-sentence';

describe('paritySentence', () => {
  it('states steps, weight drift, loss digits and the verdict', () => {
    const parity = benchResultsFixture().parity!;
    expect(paritySentence(parity)).toBe('engine parity (sgd 0.01) over 50 steps of 128: max |Δw| 2.1e-7, losses agree to 6.3 significant digits — pass');
    expect(paritySentence({ ...parity, lossDigitsAgreed: null })).toContain('identical losses');
    expect(paritySentence({ ...parity, passed: false, failures: ['step 3: max |Δw| 2e-3 > 1e-4'] })).toMatch(/— FAIL \(step 3: max \|Δw\| 2e-3 > 1e-4\)$/);
  });
});
