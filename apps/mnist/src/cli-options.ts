import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import {
  type EngineName,
  parseEngineList,
  parseNonNegativeInteger,
  parsePositiveInteger,
  parsePositiveNumber,
  parseVerbosity,
  type TfjsBackendName,
  tfjsBackendNames,
  type Verbosity,
} from './cli-value-parsers';
import { CliUsageError } from './mnist-app-errors';
import { DEFAULT_PRESET, type DataSplit, PRESETS, type PresetName, presetNames, type TrainingPreset } from './presets';

/**
 * The `backprop-mnist` command line, parsed into a `ParsedCommand` without running anything: the
 * command modules act on the result. Commander does the parsing with `exitOverride`, and its output
 * is captured, so a usage error becomes a thrown `CliUsageError` whose message is one line
 * (`unknown option '--epoch' (Did you mean --epochs?)`) and whose `exitCode` is 2, the usual code
 * for a command-line mistake.
 */

export const PROGRAM_NAME = 'backprop-mnist';
export const USAGE_EXIT_CODE = 2;
export const DEFAULT_SEED = 42;
/** Enough steps to see the engines' weights drift apart if their math differed; ~3 s of tfjs-wasm. */
export const DEFAULT_PARITY_STEPS = 50;
const COMMANDS = ['bench', 'train', 'eval', 'predict', 'help'];

/** A preset with the flags that override it applied, plus the run's data options. */
export interface TrainingSettings extends Omit<TrainingPreset, 'name' | 'description'> {
  readonly preset: PresetName;
  readonly seed: number;
  /** Use only the first `limit` images of each set (of the pool, for a pooled split); null = all. */
  readonly limit: number | null;
  /** Where the MNIST IDX files are; null = the @backprop/datasets default. */
  readonly dataDir: string | null;
}

interface RunCommandFields {
  readonly settings: TrainingSettings;
  readonly engines: readonly EngineName[];
  /** null = let the tfjs adapter pick (node, then wasm, then cpu). */
  readonly tfjsBackend: TfjsBackendName | null;
  readonly json: string | null;
  readonly report: string | null;
  readonly verbose: Verbosity;
  /** Steps of the engine-parity check run before training when both engines run; 0 = skip. */
  readonly paritySteps: number;
}

/** `bench` (the default): train every engine on the same data and compare them. */
export interface BenchCommand extends RunCommandFields {
  readonly kind: 'bench';
}

/** `train --out <dir>`: train and save the model(s) to `out`. */
export interface TrainCommand extends RunCommandFields {
  readonly kind: 'train';
  readonly out: string;
}

/** `eval <model.json>`: score a saved model on the test set. */
export interface EvalCommand {
  readonly kind: 'eval';
  readonly modelPath: string;
  /** The preset whose data split to rebuild (a pooled split needs it and the seed); null = the standard test set. */
  readonly preset: PresetName | null;
  readonly seed: number;
  readonly limit: number | null;
  readonly dataDir: string | null;
  readonly json: string | null;
  readonly report: string | null;
  readonly verbose: Verbosity;
}

/** `predict <model.json> <input>`: classify a PNG/PGM image, or image `index` of an IDX file. */
export interface PredictCommand {
  readonly kind: 'predict';
  readonly modelPath: string;
  readonly inputPath: string;
  /** Which image of an IDX file; null when not given (the caller uses 0 for IDX, and rejects it for PNG/PGM). */
  readonly index: number | null;
  readonly verbose: Verbosity;
}

/** `--help`, `help [command]` or `--version`: print `text` to stdout and exit 0. */
export interface HelpCommand {
  readonly kind: 'help';
  readonly text: string;
}

export type ParsedCommand = BenchCommand | TrainCommand | EvalCommand | PredictCommand | HelpCommand;

/** Commander's option values for bench/train, before defaults and presets. */
interface RawRunOptions {
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  engines?: EngineName[];
  seed?: number;
  limit?: number;
  dataDir?: string;
  preset?: PresetName;
  json?: string;
  report?: string;
  tfjsBackend?: TfjsBackendName;
  verbose?: Verbosity;
  paritySteps?: number;
  out?: string;
}

function packageVersion(): string {
  try {
    return JSON.parse(readFileSync(join(__dirname, '..', 'package.json'), 'utf8')).version;
  } catch {
    return '0.0.0';
  }
}

const presetOption = (description = `training set-up (default: ${DEFAULT_PRESET}); flags override its values`) =>
  new Option('--preset <name>', description).choices(presetNames);
const dataOptions = (cmd: Command) =>
  cmd
    .option('--seed <n>', `random seed for shuffling, splitting and initial weights (default: ${DEFAULT_SEED})`, parseNonNegativeInteger)
    .option('--limit <n>', 'use only the first n images of each set (quick runs)', parsePositiveInteger)
    .option('--data-dir <dir>', 'directory with the MNIST IDX files (default: the bundled copy)');
const outputOptions = (cmd: Command) =>
  cmd
    .option('--json <file>', 'write the results document (JSON) to this file')
    .option('--report <dir>', 'write an HTML report to dir/index.html');
const verboseOption = (cmd: Command) =>
  cmd.option('--verbose <level>', '0 quiet, 1 one line per epoch, 2 per-batch progress (default: 1)', parseVerbosity);

/** The options `bench` and `train` share. */
function addRunOptions(cmd: Command, defaultEngines: string): Command {
  cmd
    .option('--epochs <n>', 'epochs to train (default: from the preset)', parsePositiveInteger)
    .option('--batch-size <n>', 'samples per batch (default: from the preset)', parsePositiveInteger)
    .option('--learning-rate <x>', 'optimizer learning rate > 0 (default: from the preset)', parsePositiveNumber)
    .option('--engines <list>', `comma-separated engines: scratch, tfjs (default: ${defaultEngines})`, parseEngineList)
    .addOption(presetOption());
  dataOptions(cmd);
  outputOptions(cmd);
  cmd.addOption(
    new Option('--tfjs-backend <name>', 'tfjs backend (default: node, else wasm, else cpu)').choices(tfjsBackendNames),
  );
  cmd.option(
    '--parity-steps <n>',
    `steps of the scratch-vs-tfjs agreement check run first when both engines run; 0 skips it (default: ${DEFAULT_PARITY_STEPS})`,
    parseNonNegativeInteger,
  );
  return verboseOption(cmd);
}

/** Defaults, then the preset, then explicit flags: a flag always wins. */
export function resolveSettings(raw: Pick<RawRunOptions, 'epochs' | 'batchSize' | 'learningRate' | 'seed' | 'limit' | 'dataDir' | 'preset'>): TrainingSettings {
  const { name, description: _description, split, layers, ...preset } = PRESETS[raw.preset ?? DEFAULT_PRESET];
  return {
    ...preset,
    preset: name,
    layers: [...layers],
    split: { ...split } as DataSplit,
    epochs: raw.epochs ?? preset.epochs,
    batchSize: raw.batchSize ?? preset.batchSize,
    learningRate: raw.learningRate ?? preset.learningRate,
    seed: raw.seed ?? DEFAULT_SEED,
    limit: raw.limit ?? null,
    dataDir: raw.dataDir ?? null,
  };
}

function runFields(raw: RawRunOptions, defaultEngines: EngineName[]): RunCommandFields {
  return {
    settings: resolveSettings(raw),
    engines: raw.engines ?? defaultEngines,
    tfjsBackend: raw.tfjsBackend ?? null,
    json: raw.json ?? null,
    report: raw.report ?? null,
    verbose: raw.verbose ?? 1,
    paritySteps: raw.paritySteps ?? DEFAULT_PARITY_STEPS,
  };
}

/** Build the program; `onParsed` receives the command the user asked for. Nothing else is run. */
export function buildProgram(onParsed: (command: ParsedCommand) => void): Command {
  const program = new Command(PROGRAM_NAME)
    .description('Train the from-scratch engine and TensorFlow.js on MNIST, and compare their speed and accuracy.')
    .version(packageVersion(), '--version', 'print the version')
    .exitOverride()
    .showSuggestionAfterError(true);

  const bench = program
    .command('bench', { isDefault: true })
    .description('train every engine on the same data and compare them (the default command)');
  addRunOptions(bench, 'scratch,tfjs').action((raw: RawRunOptions) => {
    onParsed({ kind: 'bench', ...runFields(raw, ['scratch', 'tfjs']) });
  });

  const train = program.command('train').description('train and save the model(s)');
  train.requiredOption('--out <dir>', 'directory to save the trained model(s) in');
  addRunOptions(train, 'scratch').action((raw: RawRunOptions) => {
    onParsed({ kind: 'train', out: raw.out as string, ...runFields(raw, ['scratch']) });
  });

  const evaluate = program
    .command('eval')
    .description('score a saved model on the test set')
    .argument('<model.json>', 'a model saved by `train`')
    .addOption(presetOption('rebuild this preset\'s test split, with --seed (default: the standard 10,000 test images)'));
  dataOptions(evaluate);
  outputOptions(evaluate);
  verboseOption(evaluate).action((modelPath: string, raw: RawRunOptions) => {
    onParsed({
      kind: 'eval',
      modelPath,
      preset: raw.preset ?? null,
      seed: raw.seed ?? DEFAULT_SEED,
      limit: raw.limit ?? null,
      dataDir: raw.dataDir ?? null,
      json: raw.json ?? null,
      report: raw.report ?? null,
      verbose: raw.verbose ?? 1,
    });
  });

  const predict = program
    .command('predict')
    .description('classify one digit: a 28×28 PNG or PGM image, or one image of an IDX file')
    .argument('<model.json>', 'a model saved by `train`')
    .argument('<input>', 'image.png, image.pgm, or an IDX images file (plain or gzip)')
    .option('--index <n>', 'which image of an IDX file (default: 0)', parseNonNegativeInteger);
  verboseOption(predict).action((modelPath: string, inputPath: string, raw: { index?: number; verbose?: Verbosity }) => {
    onParsed({ kind: 'predict', modelPath, inputPath, index: raw.index ?? null, verbose: raw.verbose ?? 1 });
  });
  return program;
}

/** Commander's message as one line without its `error: ` prefix. */
function oneLine(message: string): string {
  return message
    .replace(/^error: /, '')
    .split('\n')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' ');
}

/**
 * Parse the user's arguments (`process.argv.slice(2)`) into the command to run. Prints nothing:
 * help and version text come back as a `help` command, and every usage error is thrown as a
 * `CliUsageError` with a one-line message and exit code 2.
 */
export function parseCli(argv: readonly string[]): ParsedCommand {
  // Commander would read an unknown word as an extra argument to the default command; name it instead.
  const first = argv[0];
  if (first !== undefined && !first.startsWith('-') && !COMMANDS.includes(first)) {
    throw new CliUsageError(
      `unknown command '${first}'; expected one of: ${COMMANDS.slice(0, 4).join(', ')}`,
      USAGE_EXIT_CODE,
      'commander.unknownCommand',
    );
  }
  let parsed: ParsedCommand | null = null;
  let out = '';
  const program = buildProgram((command) => {
    parsed = command;
  });
  const capture = { writeOut: (s: string) => (out += s), writeErr: () => {}, outputError: () => {} };
  program.configureOutput(capture);
  for (const sub of program.commands) sub.configureOutput(capture);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    if (error.exitCode === 0) return { kind: 'help', text: out };
    throw new CliUsageError(oneLine(error.message), USAGE_EXIT_CODE, error.code);
  }
  if (parsed === null) throw new Error('backprop-mnist: commander parsed the arguments but ran no command');
  return parsed;
}
