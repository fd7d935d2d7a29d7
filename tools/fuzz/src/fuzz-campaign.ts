import { type FuzzOptions, type FuzzTally, type FuzzTarget, formatTally, runFuzz } from './fuzz-runner';

/**
 * The campaign size for a `*.fuzz.test.ts`: a bounded run inside `pnpm test` by default, or what
 * `backprop-fuzz --cases N --seed S` (i.e. `pnpm fuzz -- --cases N`) put in the environment.
 */
export const FUZZ_CASES_ENV = 'BACKPROP_FUZZ_CASES';
export const FUZZ_SEED_ENV = 'BACKPROP_FUZZ_SEED';

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 0) throw new Error(`${name} must be a non-negative integer, got ${JSON.stringify(text)}`);
  return value;
}

/** Cases and seed for this run: the environment's when set (a long campaign), else `defaultCases` and seed 1. */
export function campaignOptions(defaultCases: number): FuzzOptions {
  return {
    cases: positiveInteger(FUZZ_CASES_ENV, process.env[FUZZ_CASES_ENV], defaultCases),
    seed: positiveInteger(FUZZ_SEED_ENV, process.env[FUZZ_SEED_ENV], 1),
  };
}

/** True when running a long campaign (`pnpm fuzz`) rather than the bounded run in `pnpm test`. */
export function isLongCampaign(): boolean {
  return process.env[FUZZ_CASES_ENV] !== undefined;
}

/** A jest timeout generous enough for `cases` cases on a loaded machine (20 ms each, at least 2 minutes). */
export function campaignTimeoutMs(cases: number): number {
  return Math.max(120_000, cases * 20);
}

/** Run the campaign and print its tally (stdout, so it shows in `pnpm fuzz` and CI logs). */
export async function runCampaign<T>(target: FuzzTarget<T>, options: FuzzOptions): Promise<FuzzTally> {
  const tally = await runFuzz(target, options);
  process.stdout.write(`${formatTally(tally)}\n`);
  return tally;
}
