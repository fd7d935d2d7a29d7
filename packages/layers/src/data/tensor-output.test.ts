import { Dense } from '../layers/dense';
import { ModelStateError } from '../model/model-state-error';
import { Sequential } from '../model/sequential';

// @backprop/layers never imports tfjs: without @backprop/tfjs-adapter loaded there is no tensor to return, and
// asking for one is an error that says what to import (not a Matrix where a Tensor was asked for).
describe("predict(x, { output: 'tensor' }) without the tfjs adapter", () => {
  it('throws ModelStateError naming the package to import', () => {
    const model = new Sequential({ layers: [Dense(2, { inputShape: [3] })] });
    expect(() => model.predict([[1, 2, 3]], { output: 'tensor' })).toThrow(ModelStateError);
    expect(() => model.predict([[1, 2, 3]], { output: 'tensor' })).toThrow("import '@backprop/tfjs-adapter' first");
    expect(model.predict([[1, 2, 3]], { output: 'matrix' }).cols).toBe(2);
  });
});
