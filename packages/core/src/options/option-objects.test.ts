import { NotSupportedError, UnknownOptionError } from '../errors';
import { classificationReport } from '../metrics/classification-report';
import { gradientCheck } from '../network/gradient-check';
import { minMaxScale } from '../preprocessing/min-max-scale';
import { trainTestSplit } from '../preprocessing/train-test-split';

// The option objects of core's utilities follow the same rule as the networks': a misspelt key (often
// scikit-learn's snake_case) names the option meant instead of falling back to the default.
describe('utility option objects', () => {
  const x = [
    [0, 1],
    [2, 3],
    [4, 5],
    [6, 7],
  ];

  it('trainTestSplit: test_size → testSize, random_state is unknown', () => {
    expect(() => trainTestSplit(x, [0, 1, 0, 1], { test_size: 0.5 } as never)).toThrow(UnknownOptionError);
    expect(() => trainTestSplit(x, [0, 1, 0, 1], { test_size: 0.5 } as never)).toThrow('did you mean "testSize"?');
    expect(() => trainTestSplit(x, [0, 1, 0, 1], { random_state: 1 } as never)).toThrow('Unknown option "random_state" in trainTestSplit options');
  });

  it('minMaxScale: feature_range → featureRange; a non-boolean clip is refused', () => {
    expect(() => minMaxScale(x, { feature_range: [-1, 1] } as never)).toThrow('did you mean "featureRange"?');
    expect(() => minMaxScale(x, { clip: 'yes' } as never)).toThrow('MinMaxScaler options: clip must be true or false, got "yes"');
  });

  it('classificationReport: target_names → targetNames; scikit-learn options not implemented are refused', () => {
    expect(() => classificationReport([0, 1], [0, 1], { target_names: ['a', 'b'] } as never)).toThrow('did you mean "targetNames"?');
    expect(() => classificationReport([0, 1], [0, 1], { outputDict: true } as never)).toThrow(NotSupportedError);
  });

  it('gradientCheck: eps is unknown, a string epsilon is quoted', () => {
    const net = { inputSize: 2, layers: [{ units: 1 }] };
    expect(() => gradientCheck(net, x, [[0], [1], [0], [1]], { eps: 1e-4 } as never)).toThrow('Unknown option "eps" in gradientCheck options');
    expect(() => gradientCheck(net, x, [[0], [1], [0], [1]], { epsilon: '1e-4' } as never)).toThrow('gradientCheck epsilon must be > 0, got "1e-4"');
  });
});
