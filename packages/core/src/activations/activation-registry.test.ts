import { UnknownNameError } from '../errors';
import { activationNames, activationSpec, getActivation } from './activation-registry';

describe('activations', () => {
  const z = Float64Array.from([-3, -1.2, -0.4, 0.3, 0.9, 2.5]);

  it.each(activationNames.filter((n) => n !== 'step'))('%s: derivative matches central differences', (name) => {
    const act = getActivation(name);
    const alpha = name === 'leakyRelu' ? 0.2 : act.defaultAlpha;
    const rows = 2;
    const cols = 3;
    const y = new Float64Array(6);
    act.forward(z, y, rows, cols, alpha);
    // Project onto a fixed upstream gradient so softmax's Jacobian is checked too.
    const dy = Float64Array.from([0.5, -1, 0.25, 2, -0.3, 1]);
    const dz = new Float64Array(6);
    act.backward(z, y, dy, dz, rows, cols, alpha);
    const eps = 1e-6;
    const out = new Float64Array(6);
    const objective = () => {
      act.forward(z, out, rows, cols, alpha);
      return out.reduce((s, v, i) => s + v * dy[i], 0);
    };
    for (let i = 0; i < 6; i++) {
      const saved = z[i];
      z[i] = saved + eps;
      const plus = objective();
      z[i] = saved - eps;
      const minus = objective();
      z[i] = saved;
      expect(dz[i]).toBeCloseTo((plus - minus) / (2 * eps), 6);
    }
  });

  it('known values', () => {
    const out = new Float64Array(6);
    getActivation('step').forward(z, out, 1, 6, 0);
    expect(Array.from(out)).toEqual([0, 0, 0, 1, 1, 1]);
    getActivation('relu').forward(z, out, 1, 6, 0);
    expect(Array.from(out)).toEqual([0, 0, 0, 0.3, 0.9, 2.5]);
    getActivation('leakyRelu').forward(z, out, 1, 6, 0.1);
    expect(out[0]).toBeCloseTo(-0.3, 12);
    getActivation('elu').forward(z, out, 1, 6, 1);
    expect(out[1]).toBeCloseTo(Math.exp(-1.2) - 1, 12);
    getActivation('sigmoid').forward(Float64Array.from([0]), out, 1, 1, 0);
    expect(out[0]).toBe(0.5);
  });

  it('never overflows: sigmoid and softmax at ±1000', () => {
    const big = Float64Array.from([-1000, 1000, 0]);
    const out = new Float64Array(3);
    getActivation('sigmoid').forward(big, out, 1, 3, 0);
    expect(Array.from(out)).toEqual([0, 1, 0.5]);
    getActivation('softmax').forward(big, out, 1, 3, 0);
    expect(Array.from(out)).toEqual([0, 1, 0]);
  });

  it('softmax rows sum to one', () => {
    const out = new Float64Array(6);
    getActivation('softmax').forward(z, out, 2, 3, 0);
    expect(out[0] + out[1] + out[2]).toBeCloseTo(1, 12);
    expect(out[3] + out[4] + out[5]).toBeCloseTo(1, 12);
  });

  it('specs take defaults from the registry and reject unknown names', () => {
    expect(activationSpec('leaky_relu')).toEqual({ name: 'leakyRelu', alpha: 0.3 });
    expect(activationSpec({ name: 'elu', alpha: 0.5 })).toEqual({ name: 'elu', alpha: 0.5 });
    expect(() => activationSpec('swishy')).toThrow(UnknownNameError);
    expect(() => activationSpec('swishy')).toThrow(/expected one of: step, linear, sigmoid/);
  });
});
