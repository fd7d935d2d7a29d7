import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BackpropError, Rng } from '@backprop/core';
import { campaignOptions, campaignTimeoutMs, type FuzzTarget, type Mutated, mutateBytesStacked, mutateJson, runCampaign } from '@backprop/fuzz';
import { Activation, clearSession, Dense, Dropout, loadModel, Sequential } from '../index';

// Seeded mutation fuzzing of loadModel (issue 9): a model folder (model.json + weight files, as
// model.save wrote it) is mutated — JSON values, hostile manifest paths, bytes of either file,
// a missing file, a directory in a file's place — and must load or throw a typed error within the
// runner's time and memory bounds. `pnpm fuzz -- --cases N` runs a long campaign.

/** A model folder: file name → contents, or null for a directory of that name. */
type Folder = Record<string, Uint8Array | null>;

async function savedFolder(build: () => Sequential): Promise<Folder> {
  const dir = mkdtempSync(join(tmpdir(), 'load-model-seed-'));
  try {
    clearSession();
    await build().save(`file://${dir}`);
    const folder: Folder = {};
    for (const name of readdirSync(dir)) folder[name] = readFileSync(join(dir, name));
    return folder;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function mutateFolder(seed: Folder, rng: Rng): Mutated<Folder> {
  const folder: Folder = { ...seed };
  const names = Object.keys(seed);
  const weightFiles = names.filter((n) => n !== 'model.json');
  const r = rng.uniform();
  if (r < 0.5) {
    const m = mutateJson(JSON.parse(new TextDecoder().decode(seed['model.json'] as Uint8Array)), rng, { pathKeys: ['paths'] });
    folder['model.json'] = new TextEncoder().encode(JSON.stringify(m.value));
    return { value: folder, description: `model.json: ${m.description}` };
  }
  const file = r < 0.65 || weightFiles.length === 0 ? 'model.json' : weightFiles[rng.int(weightFiles.length)];
  if (r < 0.9) {
    const m = mutateBytesStacked(seed[file] as Uint8Array, rng, { headerOffsets: [0, 4, 8] });
    folder[file] = m.value;
    return { value: folder, description: `${file}: ${m.description}` };
  }
  if (r < 0.95) {
    delete folder[file];
    return { value: folder, description: `delete ${file}` };
  }
  folder[file] = null;
  return { value: folder, description: `a directory in place of ${file}` };
}

describe('loadModel fuzz', () => {
  let dir: string;
  const seeds: Folder[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'load-model-fuzz-'));
    seeds.push(
      await savedFolder(() => {
        const model = new Sequential({ seed: 2 });
        model.add(Dense(6, { inputShape: [4], activation: 'relu' }));
        model.add(Dropout(0.3));
        model.add(Dense(3));
        model.add(Activation('softmax'));
        return model;
      }),
      await savedFolder(() => new Sequential({ seed: 3, layers: [Dense(2, { inputShape: [3], useBias: false })] })),
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const options = campaignOptions(400);
  it(
    `loads or throws a typed error for ${options.cases} mutated model folders (seed ${options.seed})`,
    async () => {
      let n = 0;
      const target: FuzzTarget<Folder> = {
        name: 'loadModel',
        seeds,
        rng: (seed) => new Rng(seed),
        typedErrors: [BackpropError],
        mutate: (seed, rng) => mutateFolder(seed, rng as Rng),
        async run(folder) {
          const caseDir = join(dir, `case-${n++ % 4}`);
          rmSync(caseDir, { recursive: true, force: true });
          mkdirSync(caseDir);
          for (const [name, bytes] of Object.entries(folder)) {
            if (bytes === null) mkdirSync(join(caseDir, name));
            else writeFileSync(join(caseDir, name), bytes);
          }
          clearSession();
          await loadModel(`file://${join(caseDir, 'model.json')}`);
        },
      };
      const tally = await runCampaign(target, options);
      expect(tally.failures).toEqual([]);
      expect(tally.other).toBe(0);
    },
    campaignTimeoutMs(options.cases),
  );
});
