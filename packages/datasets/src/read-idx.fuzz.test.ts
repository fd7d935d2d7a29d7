import { gzipSync } from 'node:zlib';
import { BackpropError, Rng } from '@backprop/core';
import { campaignOptions, campaignTimeoutMs, type FuzzTarget, mutateBytesStacked, runCampaign } from '@backprop/fuzz';
import { encodeIdx } from './encode-idx';
import { readIdx } from './read-idx';

// Seeded mutation fuzzing of readIdx (issue 9): every mutated file loads or throws a typed error,
// within the runner's time and memory bounds. `pnpm fuzz -- --cases N` runs a long campaign.

const images = encodeIdx([3, 4, 4], Uint8Array.from({ length: 48 }, (_, i) => i * 5));
const labels = encodeIdx([5], Uint8Array.from([0, 1, 2, 3, 9]));
const seeds = [images, labels, encodeIdx([1, 2, 1, 2], Uint8Array.from([1, 2, 3, 4]))];
const headerOffsets = [0, 4, 8, 12, 16];
/** One gzip member of 1 MiB of zeros, built once; members concatenate into a bomb (RFC 1952, 2.2). */
const zeroMember = gzipSync(new Uint8Array(1 << 20));

const target: FuzzTarget<Uint8Array> = {
  name: 'readIdx',
  seeds,
  rng: (seed) => new Rng(seed),
  typedErrors: [BackpropError],
  mutate(seed, rng) {
    const how = rng.int(4);
    if (how === 0) return mutateBytesStacked(seed, rng, { headerOffsets });
    // Mutate the IDX then gzip it, so mutations reach the bounded inflate and the header check behind it.
    if (how === 1 || how === 2) {
      const m = mutateBytesStacked(seed, rng, { headerOffsets });
      if (how === 1) return { value: gzipSync(m.value), description: `${m.description}; then gzip` };
      // A bomb: the mutated file followed by 1..8 MiB of zeros, gzipped.
      const mebibytes = 1 + rng.int(8);
      const value = Buffer.concat([gzipSync(m.value), ...new Array(mebibytes).fill(zeroMember)]);
      return { value, description: `${m.description}; then gzip and append ${mebibytes} MiB of gzipped zeros` };
    }
    const m = mutateBytesStacked(gzipSync(seed), rng);
    return { value: m.value, description: `gzip, then ${m.description}` };
  },
  run: (bytes) => readIdx(bytes),
};

describe('readIdx fuzz', () => {
  const options = campaignOptions(1000);
  it(
    `loads or throws a typed error for ${options.cases} mutated files (seed ${options.seed})`,
    async () => {
      const tally = await runCampaign(target, options);
      expect(tally.failures).toEqual([]);
      expect(tally.other).toBe(0);
      expect(tally.loaded + tally.typed).toBe(options.cases);
    },
    campaignTimeoutMs(options.cases),
  );
});
