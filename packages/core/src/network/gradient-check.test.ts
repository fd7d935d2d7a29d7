import { jsKernels } from '../kernels/js-kernels';
import { activationNames } from '../activations/activation-registry';
import { lossNames } from '../losses/loss-registry';
import { Rng } from '../random';
import { DenseNetwork } from './dense-network';
import { gradientCheck } from './gradient-check';

/** Random data whose targets suit the loss: probabilities for the cross-entropies, ±1 for hinge. */
function data(loss: string, rows: number, inputs: number, outputs: number, rng: Rng) {
  const x = Array.from({ length: rows }, () => Array.from({ length: inputs }, () => rng.normal()));
  const y = Array.from({ length: rows }, () => {
    if (loss === 'categoricalCrossentropy' || loss === 'kld') {
      const raw = Array.from({ length: outputs }, () => rng.uniform(0.05, 1));
      const s = raw.reduce((a, b) => a + b, 0);
      return raw.map((v) => v / s);
    }
    if (loss === 'binaryCrossentropy') return Array.from({ length: outputs }, () => rng.uniform());
    if (loss === 'hinge') return Array.from({ length: outputs }, () => (rng.uniform() < 0.5 ? -1 : 1));
    return Array.from({ length: outputs }, () => rng.normal());
  });
  return { x, y };
}

describe('gradient checking: every activation × loss', () => {
  const pairs = activationNames.flatMap((a) => lossNames.map((l) => [a, l] as const));
  it.each(pairs)('%s output with %s loss: analytic = numeric', (activation, loss) => {
    const rng = new Rng(activation.length * 131 + loss.length);
    const { x, y } = data(loss, 5, 4, 3, rng);
    const spec = {
      inputSize: 4,
      layers: [
        { units: 6, activation, kernelInitializer: 'glorotNormal' as const, biasInitializer: 'glorotUniform' as const },
        // Cross-entropies need probabilities: keep the hidden activation under test, and a sigmoid or softmax output.
        { units: 3, activation: ['categoricalCrossentropy', 'kld', 'binaryCrossentropy'].includes(loss) && activation !== 'softmax' ? 'sigmoid' : activation },
      ],
      loss: loss === 'huber' ? { name: 'huber' as const, delta: 0.7 } : loss,
      seed: 17,
    };
    const result = gradientCheck(spec, x, y);
    expect(result.checked).toBe(4 * 6 + 6 + 6 * 3 + 3);
    expect(result.maxRelativeError).toBeLessThan(1e-3);
  });

  it('also runs at the current weights of a float32 network and finds a planted bug', () => {
    const rng = new Rng(3);
    const { x, y } = data('mse', 4, 3, 2, rng);
    const net = new DenseNetwork({ inputSize: 3, layers: [{ units: 4, activation: 'tanh' }, { units: 2 }], loss: 'mse', seed: 5 });
    expect(gradientCheck(net, x, y).maxRelativeError).toBeLessThan(1e-5);
    // A wrong gradient must be caught: double every bias gradient in the reference kernels.
    const original = jsKernels.columnSums;
    const spy = jest.spyOn(jsKernels, 'columnSums').mockImplementation((a, out, rows, cols, acc) => {
      original.call(jsKernels, a, out, rows, cols, acc);
      for (let j = 0; j < cols; j++) out[j] *= 2;
    });
    try {
      const broken = gradientCheck(net, x, y);
      expect(broken.maxRelativeError).toBeGreaterThan(0.3);
      expect(broken.worst.tensor).toBe('bias');
    } finally {
      spy.mockRestore();
    }
  });
});
