import { resolveSettings } from '../cli-options';
import { buildModel } from './build-model';

describe('buildModel', () => {
  // keras/examples/mnist_mlp.py (Keras 2.x); its model.summary() prints "Total params: 669,706".
  it("builds Keras's mnist_mlp: Dense 512 / Dropout 0.2 / Dense 512 / Dropout 0.2 / Dense 10, RMSprop()", () => {
    const model = buildModel(resolveSettings({ preset: 'mnist_mlp' }), 'scratch');
    expect(model.layers.map((l) => l.className)).toEqual(['Dense', 'Dropout', 'Dense', 'Dropout', 'Dense']);
    expect(model.layers.filter((l) => l.className === 'Dropout').map((l) => (l as unknown as { rate: number }).rate)).toEqual([0.2, 0.2]);
    expect(model.countParams()).toBe(669_706);
    expect(model.compileConfig?.optimizer).toMatchObject({ name: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 });
    expect(model.compileConfig?.loss.spec).toEqual({ name: 'categoricalCrossentropy' });
  });

  it('adds no Dropout for presets without one', () => {
    const model = buildModel(resolveSettings({ preset: 'modern' }), 'scratch');
    expect(model.layers.map((l) => l.className)).toEqual(['Dense', 'Dense', 'Dense']);
  });
});
