import { BackpropError } from '@backprop/core';
import {
  type BenchCommand,
  DEFAULT_PARITY_STEPS,
  DEFAULT_SEED,
  type EvalCommand,
  type ParsedCommand,
  type PredictCommand,
  parseCli,
  resolveSettings,
  type TrainCommand,
  USAGE_EXIT_CODE,
} from './cli-options';
import { CliUsageError } from './mnist-app-errors';
import { PRESETS } from './presets';

function parseAs<K extends ParsedCommand['kind']>(kind: K, argv: string[]): Extract<ParsedCommand, { kind: K }> {
  const command = parseCli(argv);
  expect(command.kind).toBe(kind);
  return command as Extract<ParsedCommand, { kind: K }>;
}

function usageError(argv: string[]): CliUsageError {
  try {
    parseCli(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(CliUsageError);
    expect(error).toBeInstanceOf(BackpropError);
    const usage = error as CliUsageError;
    expect(usage.exitCode).toBe(USAGE_EXIT_CODE);
    expect(usage.exitCode).not.toBe(0);
    expect(usage.message).not.toContain('\n');
    return usage;
  }
  throw new Error(`expected parseCli(${JSON.stringify(argv)}) to throw`);
}

describe('parseCli: bench (the default command)', () => {
  it('runs bench with the quick preset when given nothing', () => {
    const bench: BenchCommand = parseAs('bench', []);
    const { name: _name, description: _description, ...quick } = PRESETS.quick;
    expect(bench).toEqual({
      kind: 'bench',
      settings: { ...quick, preset: 'quick', seed: DEFAULT_SEED, limit: null, dataDir: null },
      engines: ['scratch', 'tfjs'],
      tfjsBackend: null,
      json: null,
      report: null,
      verbose: 1,
      paritySteps: DEFAULT_PARITY_STEPS,
    });
    expect(parseCli(['bench'])).toEqual(bench);
  });

  it('reads every flag, with or without the bench word', () => {
    const argv = [
      '--epochs', '3', '--batch-size', '64', '--learning-rate', '0.05', '--engines', 'tfjs', '--seed', '0',
      '--limit', '1000', '--data-dir', '/data/mnist', '--preset', 'pyimagesearch', '--json', 'out/r.json',
      '--report', 'out/report', '--tfjs-backend', 'wasm', '--verbose', '2', '--parity-steps', '0',
    ];
    const bench = parseAs('bench', argv);
    expect(parseCli(['bench', ...argv])).toEqual(bench);
    expect(bench.settings).toMatchObject({
      preset: 'pyimagesearch',
      epochs: 3,
      batchSize: 64,
      learningRate: 0.05,
      seed: 0,
      limit: 1000,
      dataDir: '/data/mnist',
      activation: 'sigmoid',
      optimizer: 'sgd',
    });
    expect(bench).toMatchObject({ engines: ['tfjs'], json: 'out/r.json', report: 'out/report', tfjsBackend: 'wasm', verbose: 2, paritySteps: 0 });
    expect(() => parseCli(['--parity-steps', '-3'])).toThrow(CliUsageError);
  });

  it('accepts --flag=value and a later flag overriding an earlier one', () => {
    const bench = parseAs('bench', ['--epochs=4', '--epochs', '5', '--learning-rate=1e-3']);
    expect(bench.settings.epochs).toBe(5);
    expect(bench.settings.learningRate).toBe(0.001);
  });

  it('parses engine lists: trims, drops duplicates, keeps order', () => {
    expect(parseAs('bench', ['--engines', 'tfjs, scratch,tfjs']).engines).toEqual(['tfjs', 'scratch']);
    expect(parseAs('bench', ['--engines', 'scratch']).engines).toEqual(['scratch']);
  });

  it.each(['0', '1', '2'])('accepts --verbose %s', (level) => {
    expect(parseAs('bench', ['--verbose', level]).verbose).toBe(Number(level));
  });

  it.each(['node', 'wasm', 'cpu'])('accepts --tfjs-backend %s', (backend) => {
    expect(parseAs('bench', ['--tfjs-backend', backend]).tfjsBackend).toBe(backend);
  });
});

describe('presets and overrides', () => {
  it('applies the pyimagesearch preset: sigmoid, SGD 0.01, batch 128, 100 epochs, 75/25 pooled split', () => {
    const { settings } = parseAs('bench', ['--preset', 'pyimagesearch']);
    expect(settings).toEqual({
      preset: 'pyimagesearch',
      architecture: 'mlp',
      layers: [784, 256, 128, 10],
      activation: 'sigmoid',
      dropout: 0,
      outputActivation: 'softmax',
      loss: 'categoricalCrossentropy',
      optimizer: 'sgd',
      learningRate: 0.01,
      momentum: 0,
      batchSize: 128,
      epochs: 100,
      split: { kind: 'pooled', testFraction: 0.25 },
      seed: DEFAULT_SEED,
      limit: null,
      dataDir: null,
    });
  });

  it('applies the modern preset: ReLU + softmax, Adam 0.001, batch 128, 15 epochs, standard split', () => {
    const { settings } = parseAs('bench', ['--preset', 'modern']);
    expect(settings).toMatchObject({
      preset: 'modern',
      layers: [784, 256, 128, 10],
      activation: 'relu',
      outputActivation: 'softmax',
      optimizer: 'adam',
      learningRate: 0.001,
      batchSize: 128,
      epochs: 15,
      split: { kind: 'mnist' },
    });
  });

  it('lets explicit flags override the preset, whatever their order', () => {
    const a = parseAs('bench', ['--epochs', '5', '--preset', 'pyimagesearch', '--batch-size', '32', '--learning-rate', '0.1']);
    const b = parseAs('bench', ['--preset', 'pyimagesearch', '--learning-rate', '0.1', '--batch-size', '32', '--epochs', '5']);
    expect(a).toEqual(b);
    expect(a.settings).toMatchObject({ preset: 'pyimagesearch', epochs: 5, batchSize: 32, learningRate: 0.1, activation: 'sigmoid' });
  });

  it('never shares arrays with the preset table', () => {
    const settings = resolveSettings({ preset: 'modern' });
    expect(settings.layers).toEqual(PRESETS.modern.layers);
    expect(settings.layers).not.toBe(PRESETS.modern.layers);
    expect(settings.split).not.toBe(PRESETS.modern.split);
  });
});

describe('parseCli: train, eval, predict', () => {
  it('train needs --out and takes the training flags; it trains scratch by default', () => {
    const train: TrainCommand = parseAs('train', ['train', '--out', 'models/a', '--preset', 'pyimagesearch', '--epochs', '2', '--limit', '500']);
    expect(train.out).toBe('models/a');
    expect(train.engines).toEqual(['scratch']);
    expect(train.settings).toMatchObject({ preset: 'pyimagesearch', epochs: 2, limit: 500 });
    expect(parseAs('train', ['train', '--out', 'm', '--engines', 'scratch,tfjs', '--tfjs-backend', 'cpu'])).toMatchObject({
      engines: ['scratch', 'tfjs'],
      tfjsBackend: 'cpu',
    });
    expect(usageError(['train']).message).toBe("required option '--out <dir>' not specified");
  });

  it('eval takes the model and the data and output flags', () => {
    const evaluate: EvalCommand = parseAs('eval', ['eval', 'model.json']);
    expect(evaluate).toEqual({
      kind: 'eval',
      modelPath: 'model.json',
      preset: null,
      seed: DEFAULT_SEED,
      limit: null,
      dataDir: null,
      json: null,
      report: null,
      verbose: 1,
    });
    const full = parseAs('eval', ['eval', 'm.json', '--preset', 'pyimagesearch', '--seed', '7', '--limit', '100', '--data-dir', 'd', '--json', 'r.json', '--report', 'rep', '--verbose', '0']);
    expect(full).toMatchObject({ preset: 'pyimagesearch', seed: 7, limit: 100, dataDir: 'd', json: 'r.json', report: 'rep', verbose: 0 });
    expect(usageError(['eval']).message).toBe("missing required argument 'model.json'");
    expect(usageError(['eval', 'm.json', '--epochs', '3']).message).toMatch(/^unknown option '--epochs'/);
  });

  it('predict takes the model, the input and an optional --index', () => {
    const predict: PredictCommand = parseAs('predict', ['predict', 'm.json', 'digit.png']);
    expect(predict).toEqual({ kind: 'predict', modelPath: 'm.json', inputPath: 'digit.png', index: null, verbose: 1 });
    expect(parseAs('predict', ['predict', 'm.json', 't10k-images-idx3-ubyte.gz', '--index', '0']).index).toBe(0);
    expect(parseAs('predict', ['predict', '--index', '42', 'm.json', 'x.idx']).index).toBe(42);
    expect(usageError(['predict', 'm.json']).message).toBe("missing required argument 'input'");
    expect(usageError(['predict', 'm.json', 'x.png', 'y.png']).message).toMatch(/^too many arguments for 'predict'/);
    expect(usageError(['predict', 'm.json', 'x.png', '--index', '-1']).message).toMatch(/--index <n>.*Expected a non-negative integer\./);
  });
});

describe('parseCli: help and version', () => {
  it('returns help text instead of printing it', () => {
    const help = parseAs('help', ['--help']);
    expect(help.text).toMatch(/^Usage: backprop-mnist /);
    for (const command of ['bench', 'train', 'eval', 'predict']) expect(help.text).toContain(command);
    expect(parseAs('help', ['help']).text).toBe(help.text);
    const benchHelp = parseAs('help', ['bench', '--help']).text;
    expect(benchHelp).toContain('--learning-rate <x>');
    expect(benchHelp).toContain('choices: "quick", "pyimagesearch", "modern"');
    expect(parseAs('help', ['help', 'predict']).text).toContain('--index <n>');
  });

  it('returns the version', () => {
    expect(parseAs('help', ['--version']).text.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('parseCli: usage errors', () => {
  it('rejects unknown flags with a suggestion, on one line', () => {
    const error = usageError(['--epoch', '3']);
    expect(error.message).toBe("unknown option '--epoch' (Did you mean --epochs?)");
    expect(error.code).toBe('commander.unknownOption');
    expect(usageError(['bench', '--frobnicate']).message).toBe("unknown option '--frobnicate'");
  });

  it('rejects unknown commands', () => {
    const error = usageError(['benchmark']);
    expect(error.message).toBe("unknown command 'benchmark'; expected one of: bench, train, eval, predict");
  });

  it('rejects unknown presets, engines and tfjs backends, naming the valid ones', () => {
    expect(usageError(['--preset', 'keras']).message).toBe(
      "option '--preset <name>' argument 'keras' is invalid. Allowed choices are quick, pyimagesearch, modern, mnist_mlp, cnn.",
    );
    expect(usageError(['--engines', 'scratch,pytorch']).message).toBe(
      "option '--engines <list>' argument 'scratch,pytorch' is invalid. Expected engines from scratch, tfjs separated by commas, got \"pytorch\".",
    );
    expect(usageError(['--engines', 'scratch,']).message).toMatch(/got an empty name\.$/);
    expect(usageError(['--tfjs-backend', 'webgl']).message).toBe(
      "option '--tfjs-backend <name>' argument 'webgl' is invalid. Allowed choices are node, wasm, cpu.",
    );
  });

  it.each([
    ['--epochs', '0', 'a positive integer'],
    ['--epochs', '2.5', 'a positive integer'],
    ['--epochs', 'ten', 'a positive integer'],
    ['--epochs', '1e3', 'a positive integer'],
    ['--batch-size', '-8', 'a positive integer'],
    ['--batch-size', '', 'a positive integer'],
    ['--limit', '0', 'a positive integer'],
    ['--limit', '99999999999999999999', 'a positive integer'],
    ['--seed', '-1', 'a non-negative integer'],
    ['--seed', '1.5', 'a non-negative integer'],
    ['--learning-rate', '0', 'a number greater than 0'],
    ['--learning-rate', '-0.1', 'a number greater than 0'],
    ['--learning-rate', 'fast', 'a number greater than 0'],
    ['--learning-rate', 'Infinity', 'a number greater than 0'],
    ['--learning-rate', '1e999', 'a number greater than 0'],
    ['--learning-rate', '0x10', 'a number greater than 0'],
    ['--verbose', '3', '0, 1 or 2'],
    ['--verbose', 'yes', '0, 1 or 2'],
  ])('rejects %s %j', (flag, value, expected) => {
    const error = usageError([flag, value]);
    expect(error.message).toMatch(new RegExp(`^option '${flag} <\\w+>' argument '${value.replace(/[.+]/g, '\\$&')}' is invalid\\. Expected ${expected}\\.$`));
    expect(error.code).toBe('commander.invalidArgument');
  });

  it('rejects a flag without its value', () => {
    expect(usageError(['--epochs']).message).toBe("option '--epochs <n>' argument missing");
  });

  it('accepts the learning-rate forms people type', () => {
    for (const [text, value] of [['0.01', 0.01], ['.5', 0.5], ['1e-3', 0.001], ['2', 2], ['3.', 3]] as const) {
      expect(parseAs('bench', ['--learning-rate', text]).settings.learningRate).toBe(value);
    }
  });
});
