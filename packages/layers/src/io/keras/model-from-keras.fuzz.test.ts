import { BackpropError, Rng } from '@backprop/core';
import { campaignOptions, campaignTimeoutMs, type FuzzTarget, type Mutated, mutateBytesStacked, mutateJson, runCampaign } from '@backprop/fuzz';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { clearSession } from '../../layers/layer-names';
import { loadHdf5 } from './hdf5-file';
import { fixtureBytes } from './keras-fixtures';
import { modelFromKerasBytes } from './model-from-keras';

// Seeded mutation fuzzing of the Keras reader: the MLP fixture as a .keras file (its bytes, its
// config.json's values, or the bytes of its model.weights.h5 re-zipped) and as a legacy .h5 (its bytes)
// must load or throw a typed error. `pnpm fuzz -- --cases N` runs a long campaign.

function mutateKeras(seed: Uint8Array, rng: Rng): Mutated<Uint8Array> {
  const r = rng.uniform();
  if (seed[0] !== 0x50 || r < 0.3) {
    const m = mutateBytesStacked(seed, rng, { headerOffsets: [0, 4, 8, 16, 24, 32, 40] });
    return { value: m.value, description: `file bytes: ${m.description}` };
  }
  const files = unzipSync(seed);
  if (r < 0.65) {
    const m = mutateJson(JSON.parse(strFromU8(files['config.json'])), rng);
    return { value: zipSync({ ...files, 'config.json': strToU8(JSON.stringify(m.value)) }), description: `config.json: ${m.description}` };
  }
  const m = mutateBytesStacked(files['model.weights.h5'], rng, { headerOffsets: [0, 8, 16, 24, 32, 40] });
  return { value: zipSync({ ...files, 'model.weights.h5': m.value }), description: `model.weights.h5: ${m.description}` };
}

describe('Keras file reader fuzz', () => {
  // h5wasm's first import compiles its WebAssembly (seconds on a busy machine): not the first case's time.
  beforeAll(() => loadHdf5());
  const options = campaignOptions(150);
  it(
    `loads or throws a typed error for ${options.cases} mutated .keras and .h5 files (seed ${options.seed})`,
    async () => {
      const target: FuzzTarget<Uint8Array> = {
        name: 'modelFromKerasBytes',
        seeds: [fixtureBytes('mlp.keras'), fixtureBytes('mlp.h5')],
        rng: (seed) => new Rng(seed),
        typedErrors: [BackpropError],
        mutate: (seed, rng) => mutateKeras(seed, rng as Rng),
        async run(bytes) {
          clearSession();
          await modelFromKerasBytes(bytes, 'fuzz.keras');
        },
      };
      const tally = await runCampaign(target, options);
      expect(tally.failures).toEqual([]);
      expect(tally.other).toBe(0);
    },
    campaignTimeoutMs(options.cases),
  );
});
