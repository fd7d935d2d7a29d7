import { ModelFormatError } from '../errors';
import { DenseNetwork } from '../network/dense-network';
import { NeuralNetwork } from '../network/neural-network';
import { deserializeNetwork, serializeNetwork } from './network-file';

/**
 * Runs `fn` while every Float32Array created anywhere (plain, `from`, views on the wasm heap) is recorded,
 * and returns the largest length seen: how much weight memory a call allocated before it returned or threw.
 */
function largestFloat32Array(fn: () => void): number {
  const Original = globalThis.Float32Array;
  let largest = 0;
  class Recording extends (Original as unknown as new (...args: unknown[]) => Float32Array) {
    constructor(...args: unknown[]) {
      super(...args);
      largest = Math.max(largest, this.length);
    }
  }
  globalThis.Float32Array = Recording as unknown as Float32ArrayConstructor;
  try {
    fn();
  } finally {
    globalThis.Float32Array = Original;
  }
  return largest;
}

const small = JSON.parse(serializeNetwork(new NeuralNetwork([2, 2, 1], { seed: 1 })));

describe('network files: declared sizes are checked before memory is allocated', () => {
  it('a file declaring a 3000×3000 layer without its data fails before any weight is allocated', () => {
    const bomb = { ...small, config: { layers: [3000, 3000, 1], alpha: 0.1 } };
    let error: unknown;
    const largest = largestFloat32Array(() => {
      try {
        deserializeNetwork(JSON.stringify(bomb), 'bomb.json');
      } catch (e) {
        error = e;
      }
    });
    expect(error).toBeInstanceOf(ModelFormatError);
    expect((error as Error).message).toBe('bomb.json layer 0 kernel must have shape [3001,3001], got [3,3]');
    expect(largest).toBeLessThan(1000);
  });

  it('the issue’s 60000×60000 layer: shape and byte length are compared, nothing is allocated', () => {
    const shaped = structuredClone(small);
    shaped.config.layers = [60000, 60000, 1];
    shaped.weights[0].kernel.shape = [60001, 60001];
    shaped.weights[1].kernel.shape = [60001, 1];
    const largest = largestFloat32Array(() => {
      expect(() => deserializeNetwork(JSON.stringify(shaped), 'bomb.json')).toThrow(
        'bomb.json layer 0 kernel must hold 3600120001 float32 values (14400480004 bytes), got 36 bytes (truncated or corrupted)',
      );
    });
    expect(largest).toBeLessThan(1000);
  });

  it('a DenseNetwork declaring huge widths or a bias it lacks is refused from its config', () => {
    const net = new DenseNetwork({ inputSize: 2, layers: [{ units: 3, activation: 'relu' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', seed: 1 });
    const file = JSON.parse(serializeNetwork(net));
    const wide = structuredClone(file);
    wide.config.inputSize = 2 ** 30;
    expect(() => deserializeNetwork(JSON.stringify(wide), 'd.json')).toThrow(`d.json: config.inputSize must be a positive integer up to 16777216, got ${2 ** 30}`);
    const fractional = structuredClone(file);
    fractional.config.layers[0].units = 2.5;
    expect(() => deserializeNetwork(JSON.stringify(fractional), 'd.json')).toThrow('d.json: config.layers[0].units must be a positive integer up to 16777216, got 2.5');
    const noBias = structuredClone(file);
    noBias.weights[1].bias = null;
    expect(() => deserializeNetwork(JSON.stringify(noBias), 'd.json')).toThrow('d.json layer 1 bias must be { shape, data: base64 }, got null');
    const textBias = structuredClone(file);
    textBias.config.layers[1].useBias = 'yes';
    expect(() => deserializeNetwork(JSON.stringify(textBias), 'd.json')).toThrow('d.json: config.layers[1].useBias must be true or false, got "yes"');
  });

  it('every malformed field is a ModelFormatError, never a TypeError', () => {
    const cases: unknown[] = [
      null,
      42,
      [],
      { ...small, config: null },
      { ...small, config: { layers: 'ab', alpha: 0.1 } },
      { ...small, config: { layers: [2, 2, 1] } },
      { ...small, config: { layers: [2, -2, 1], alpha: 0.1 } },
      { ...small, weights: [null, null] },
      { ...small, weights: [{ kernel: { shape: [3, 3], data: 'not base64!' } }, small.weights[1]] },
      { ...small, weights: [{ kernel: { shape: [3, 3], data: 12 } }, small.weights[1]] },
      { ...small, weights: [{ kernel: { shape: ['3', 3], data: small.weights[0].kernel.data } }, small.weights[1]] },
      { ...small, kind: 'DenseNetwork', config: { inputSize: 3, layers: [{ units: 1, activation: 'nope', useBias: false }], loss: 'mse' }, weights: [small.weights[1]] },
      { ...small, kind: 'DenseNetwork', config: { inputSize: 3, layers: [{ units: 1, activation: 'sigmoid', useBias: false }], loss: 'nope' }, weights: [small.weights[1]] },
      { ...small, kind: '__proto__' },
    ];
    for (const file of cases) {
      expect(() => deserializeNetwork(JSON.stringify(file), 'f.json')).toThrow(ModelFormatError);
    }
    expect(() => deserializeNetwork(undefined as unknown as string)).toThrow(ModelFormatError);
  });
});
