import { UnknownNameError } from '@backprop/core';
import { resolveLoss } from './loss-resolution';

describe('resolveLoss', () => {
  it('accepts Keras snake_case, tfjs camelCase and short names', () => {
    expect(resolveLoss('categorical_crossentropy').spec).toEqual({ name: 'categoricalCrossentropy' });
    expect(resolveLoss('categoricalCrossentropy').spec).toEqual({ name: 'categoricalCrossentropy' });
    expect(resolveLoss('binary_crossentropy').spec.name).toBe('binaryCrossentropy');
    expect(resolveLoss('meanSquaredError').spec.name).toBe('mse');
    expect(resolveLoss('mse').sparse).toBe(false);
    expect(resolveLoss({ name: 'huber_loss', delta: 2 }).spec).toEqual({ name: 'huber', delta: 2 });
  });

  it('sparse categorical cross-entropy is categorical cross-entropy on one-hot-encoded labels', () => {
    for (const name of ['sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy']) {
      const loss = resolveLoss(name);
      expect(loss.sparse).toBe(true);
      expect(loss.spec).toEqual({ name: 'categoricalCrossentropy' });
      expect(loss.name).toBe(name);
    }
  });

  it('an unknown name lists the valid ones', () => {
    expect(() => resolveLoss('cross_entropy')).toThrow(UnknownNameError);
    expect(() => resolveLoss('cross_entropy')).toThrow(/expected one of: sse, mse, .*categorical_crossentropy, .*sparse_categorical_crossentropy/);
  });
});
