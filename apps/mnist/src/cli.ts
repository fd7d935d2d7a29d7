#!/usr/bin/env node
/**
 * backprop-mnist: train the 784-256-128-10 network on full MNIST with our engine and with TensorFlow.js,
 * side by side (`bench`, the default), or train / evaluate / predict with saved models.
 */
import { BackpropError } from '@backprop/core';
import { parseCli } from './cli-options';
import { bench } from './commands/bench';
import { evaluateModel } from './commands/evaluate-model';
import { predictImage } from './commands/predict-image';
import { train } from './commands/train';
import { CliUsageError } from './mnist-app-errors';

const log = (line: string) => console.log(line);

export async function main(argv: readonly string[]): Promise<number> {
  const cmd = parseCli(argv);
  switch (cmd.kind) {
    case 'help':
      log(cmd.text);
      return 0;
    case 'bench':
      await bench(cmd, argv, log);
      return 0;
    case 'train':
      await train(cmd, argv, log);
      return 0;
    case 'eval':
      await evaluateModel(cmd, log);
      return 0;
    case 'predict':
      await predictImage(cmd, log);
      return 0;
  }
}

/** One clear line on stderr and a non-zero exit code; a stack trace only for bugs (non-typed errors). */
export function reportError(error: unknown): number {
  if (error instanceof CliUsageError) {
    console.error(`backprop-mnist: ${error.message}`);
    return error.exitCode;
  }
  if (error instanceof BackpropError) {
    console.error(`backprop-mnist: ${error.message}`);
    return 1;
  }
  console.error(error);
  return 1;
}

if (require.main === module) {
  // Run through `pnpm mnist -- …` from the repository root, relative paths (--json, --report, model
  // files) mean the directory the user typed the command in, which pnpm passes as INIT_CWD.
  if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
  // `pnpm mnist -- --epochs 5` may hand over the `--` separator too; it is not an argument.
  const argv = process.argv.slice(2);
  if (argv[0] === '--') argv.shift();
  main(argv).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.exitCode = reportError(error);
    },
  );
}
