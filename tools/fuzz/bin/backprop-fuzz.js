#!/usr/bin/env node
// `backprop-fuzz [--cases N] [--seed S]`: runs the package's `*.fuzz.test.ts` campaigns (the same
// files `pnpm test` runs with a bounded case count) with N cases from seed S, one file after another.
// Each package's `fuzz` script calls it, so `pnpm fuzz -- --cases 100000` fans out through turbo.
const { spawnSync } = require('node:child_process');
const { Command, InvalidArgumentError } = require('commander');

function nonNegativeInteger(text) {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(`expected a non-negative integer, got "${text}"`);
  }
  return value;
}

const program = new Command('backprop-fuzz')
  .description("Run this package's *.fuzz.test.ts campaigns with a chosen size and seed")
  .option('--cases <n>', 'cases per target', nonNegativeInteger, 20000)
  .option('--seed <s>', 'campaign seed (case i uses Rng(seed * 1000003 + i))', nonNegativeInteger, 1)
  .allowExcessArguments(false)
  // `pnpm fuzz -- --cases N` reaches here through pnpm and turbo as `-- --cases N`: a bare `--`
  // would make commander treat the options as arguments, so it is dropped.
  .parse(process.argv.filter((arg, i) => i < 2 || arg !== '--'));

const { cases, seed } = program.opts();
const jest = require.resolve('jest/bin/jest', { paths: [process.cwd()] });
const result = spawnSync(process.execPath, [jest, '--runInBand', '--testPathPatterns', '\\.fuzz\\.test\\.ts$'], {
  stdio: 'inherit',
  env: { ...process.env, BACKPROP_FUZZ_CASES: String(cases), BACKPROP_FUZZ_SEED: String(seed) },
});
process.exit(result.status ?? 1);
