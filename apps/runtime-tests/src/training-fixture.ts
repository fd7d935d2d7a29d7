import { describeKernels, Matrix, Rng } from '@backprop/core';
import { type CompileOptions, Dense, SGD, Sequential } from '@backprop/layers';

export interface FixtureResult {
  /** Mean training loss of each epoch. */
  readonly losses: number[];
  /** `describeKernels()`: which kernel set computed. */
  readonly kernels: string;
}

/**
 * 256 synthetic 8x8 "digits" (a bright band per class plus seeded noise), one-hot targets. Big enough
 * that the WebAssembly GEMM does real work, small enough for a test.
 */
export function fixtureData(): { x: Matrix; y: Matrix } {
  const rng = new Rng(11);
  const x = new Matrix(256, 64);
  const y = new Matrix(256, 10);
  for (let r = 0; r < 256; r++) {
    const label = r % 10;
    for (let c = 0; c < 64; c++) x.set(r, c, rng.uniform() * 0.4 + (Math.floor(c / 6.4) === label ? 0.6 : 0));
    y.set(r, label, 1);
  }
  return { x, y };
}

/** 64-32-10 with relu and softmax, seed 42. */
export function fixtureModel(): Sequential {
  const model = new Sequential({ seed: 42 });
  model.add(Dense(32, { inputShape: [64], activation: 'relu' }));
  model.add(Dense(10, { activation: 'softmax' }));
  return model;
}

/** SGD 0.1 on categorical cross-entropy. */
export const FIXTURE_COMPILE: CompileOptions = { loss: 'categorical_crossentropy', optimizer: SGD(0.1) };

/** The same seeded run in every runtime: the fixture model, batches of 32 shuffled by the seed. */
export async function runTrainingFixture(epochs = 3): Promise<FixtureResult> {
  const { x, y } = fixtureData();
  const model = fixtureModel();
  model.compile(FIXTURE_COMPILE);
  const history = await model.fit(x, y, { epochs, batchSize: 32, verbose: 0 });
  return { losses: history.history.loss, kernels: describeKernels() };
}
