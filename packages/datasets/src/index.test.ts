import * as core from '@backprop/core';
import * as datasets from './index';

describe('package entry point', () => {
  it('exports the loaders and conversions', () => {
    for (const name of ['readIdx', 'encodeIdx', 'loadMnist', 'poolMnist', 'toFloat32Batch', 'oneHotLabels', 'imagesToFloat32', 'loadDigits', 'xor', 'and', 'or']) {
      expect(typeof (datasets as Record<string, unknown>)[name]).toBe('function');
    }
  });

  it("re-exports core's preprocessing functions unchanged", () => {
    expect(datasets.oneHot).toBe(core.oneHot);
    expect(datasets.trainTestSplit).toBe(core.trainTestSplit);
    expect(datasets.minMaxScale).toBe(core.minMaxScale);
  });

  it('IdxFormatError is a core BackpropError', () => {
    expect(new datasets.IdxFormatError('x')).toBeInstanceOf(core.BackpropError);
    expect(new datasets.IdxFormatError('x')).toBeInstanceOf(datasets.DatasetFormatError);
  });
});
