import { inferenceFlops, trainingFlopsPerStep } from './training-flops';

describe('FLOP counts', () => {
  it('784-256-128-10 at batch 128: ≈129 MFLOP per step, ≈60 GFLOP per 469-step epoch', () => {
    const perStep = trainingFlopsPerStep([784, 256, 128, 10], 128);
    // forward 2·128·234,752 + dW the same + dX 2·128·(256·128 + 128·10)
    expect(perStep).toBe(2 * 128 * 234752 * 2 + 2 * 128 * (256 * 128 + 128 * 10));
    expect((perStep * 469) / 1e9).toBeGreaterThan(60);
    expect(inferenceFlops([784, 256, 128, 10], 1)).toBe(2 * 234752);
  });
});
