import { describeTfjs, initTfjs, type TfjsBackendName } from '@backprop/tfjs-adapter';
import { FIXTURE_COMPILE, fixtureData, fixtureModel } from './training-fixture';

export interface TfjsFixtureResult {
  readonly losses: number[];
  /** `describeTfjs()`: which TensorFlow.js backend computed. */
  readonly tfjs: string;
}

/** training-fixture's run on the tfjs backend, with TensorFlow.js on `backend`. */
export async function runTfjsFixture(backend: TfjsBackendName, epochs = 3): Promise<TfjsFixtureResult> {
  await initTfjs({ backend });
  const { x, y } = fixtureData();
  const model = fixtureModel();
  model.compile({ ...FIXTURE_COMPILE, backend: 'tfjs' });
  const history = await model.fit(x, y, { epochs, batchSize: 32, verbose: 0 });
  model.dispose();
  return { losses: history.history.loss, tfjs: describeTfjs() };
}
