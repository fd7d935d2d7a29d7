import { BackpropError, Rng } from '@backprop/core';
import { campaignOptions, campaignTimeoutMs, type FuzzTarget, mutateBytesStacked, repairPngCrcs, runCampaign } from '@backprop/fuzz';
import { PNG } from 'pngjs';
import { decodeImage } from './read-image';
import { decodePredictInput } from './read-predict-input';

// Seeded mutation fuzzing of the predict command's image decoders (issue 9): every mutated PNG or
// PGM decodes or throws a typed error within the runner's time and memory bounds.

function png(width: number, height: number, colorType: 0 | 2 | 4 | 6, bitDepth: 8 | 16): Uint8Array {
  const image = new PNG({ width, height });
  image.data = Buffer.from(Array.from({ length: width * height * 4 }, (_, i) => (i * 37) & 0xff));
  return PNG.sync.write(image, { colorType, bitDepth, inputColorType: 6, inputHasAlpha: true });
}

const pngs = [png(28, 28, 0, 8), png(5, 3, 6, 8), png(4, 4, 2, 16)];
const pgms = [
  Buffer.concat([Buffer.from('P5 28 28 255\n'), Buffer.alloc(784, 200)]),
  Buffer.from('P2\n# a comment\n3 2\n15\n0 1 2\n3 4 15\n'),
  Buffer.concat([Buffer.from('P5 2 2 65535\n'), Buffer.from([0, 1, 2, 3, 255, 255, 0, 0])]),
];
/** IHDR width, height, depth/colour/interlace bytes, and the first chunk after IHDR (PNG spec 5.3, 11.2.2). */
const pngHeaderOffsets = [16, 20, 24, 25, 28, 33];
/** Where a PGM's width and height digits sit in the seeds. */
const pgmHeaderOffsets = [0, 3, 4, 6];

const target: FuzzTarget<Uint8Array> = {
  name: 'decodeImage (PNG, PGM)',
  seeds: [...pngs, ...pgms],
  rng: (seed) => new Rng(seed),
  typedErrors: [BackpropError],
  mutate(seed, rng) {
    const isPng = seed[0] === 0x89;
    const m = mutateBytesStacked(seed, rng, { headerOffsets: isPng ? pngHeaderOffsets : pgmHeaderOffsets });
    // Repairing CRCs half the time lets mutations reach the header check and the decoder behind pngjs's CRC check.
    if (isPng && rng.uniform() < 0.5) return { value: repairPngCrcs(m.value), description: `${m.description}; repair CRCs` };
    return m;
  },
  run(bytes) {
    decodeImage(bytes, 'fuzz-image');
    decodePredictInput(bytes, 'fuzz-image', null);
  },
};

describe('image decoders fuzz', () => {
  const options = campaignOptions(1000);
  it(
    `decode or throw a typed error for ${options.cases} mutated images (seed ${options.seed})`,
    async () => {
      const tally = await runCampaign(target, options);
      expect(tally.failures).toEqual([]);
      expect(tally.other).toBe(0);
    },
    campaignTimeoutMs(options.cases),
  );
});
