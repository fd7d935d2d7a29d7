import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { campaignOptions, campaignTimeoutMs, type FuzzTarget, mutateBytesStacked, mutateJson, runCampaign } from '@backprop/fuzz';
import { BackpropError } from '../errors';
import { DenseNetwork } from '../network/dense-network';
import { NeuralNetwork } from '../network/neural-network';
import { Rng } from '../random';
import { deserializeNetwork, serializeNetwork } from './network-file';
import { loadNetwork } from './save-network';

// Seeded mutation fuzzing of core's network files (issue 9): every mutated file loads or throws a
// typed error (BackpropError) within the runner's time and memory bounds (no single allocation
// above 256 MiB). `pnpm fuzz -- --cases N` runs a long campaign.

const seeds = [
  serializeNetwork(new NeuralNetwork([2, 3, 1], { alpha: 0.5, seed: 1 })),
  serializeNetwork(
    new DenseNetwork({
      inputSize: 3,
      layers: [{ units: 4, activation: { name: 'elu', alpha: 0.7 } }, { units: 2, activation: 'softmax' }],
      loss: 'categoricalCrossentropy',
      seed: 2,
    }),
  ),
];

function mutateText(text: string, rng: Rng) {
  if (rng.uniform() < 0.7) {
    const m = mutateJson(JSON.parse(text), rng);
    return { value: JSON.stringify(m.value), description: m.description };
  }
  const m = mutateBytesStacked(new TextEncoder().encode(text), rng);
  return { value: new TextDecoder().decode(m.value), description: m.description };
}

const deserializeTarget: FuzzTarget<string> = {
  name: 'deserializeNetwork',
  seeds,
  rng: (seed) => new Rng(seed),
  typedErrors: [BackpropError],
  mutate: (seed, rng) => mutateText(seed, rng as Rng),
  run: (text) => deserializeNetwork(text, 'fuzz.json'),
};

describe('network file fuzz', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'network-fuzz-'));
    mkdirSync(join(dir, 'a-directory.json'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const options = campaignOptions(1500);
  it(
    `deserializeNetwork loads or throws a typed error for ${options.cases} mutated files (seed ${options.seed})`,
    async () => {
      const tally = await runCampaign(deserializeTarget, options);
      expect(tally.failures).toEqual([]);
      expect(tally.other).toBe(0);
    },
    campaignTimeoutMs(options.cases),
  );

  const fileOptions = { ...options, cases: Math.ceil(options.cases / 3) };
  it(
    `loadNetwork loads or throws a typed error for ${fileOptions.cases} mutated files and unreadable paths (seed ${options.seed})`,
    async () => {
      const loadTarget: FuzzTarget<string> = {
        ...deserializeTarget,
        name: 'loadNetwork',
        // One case in ten is a path that is not a readable file: a directory, a missing file, a path through a file.
        mutate(seed, rng) {
          const r = rng.int(10);
          if (r === 0) return { value: 'dir:a-directory.json', description: 'a directory instead of the file' };
          if (r === 1) return { value: 'dir:missing.json', description: 'a missing file' };
          if (r === 2) return { value: 'dir:network.json/child', description: 'a path through a file (ENOTDIR)' };
          return mutateText(seed, rng as Rng);
        },
        run(value) {
          if (value.startsWith('dir:')) return loadNetwork(join(dir, value.slice(4)));
          writeFileSync(join(dir, 'network.json'), value);
          return loadNetwork(join(dir, 'network.json'));
        },
      };
      const tally = await runCampaign(loadTarget, fileOptions);
      expect(tally.failures).toEqual([]);
      expect(tally.other).toBe(0);
    },
    campaignTimeoutMs(fileOptions.cases),
  );
});
