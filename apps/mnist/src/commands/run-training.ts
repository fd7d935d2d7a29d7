import type { BenchCommand, TrainCommand } from '../cli-options';
import type { BenchResults, EngineResult, ParityResult } from '../results/results-schema';
import { speedRatio } from '../results/speed-ratio';
import { paritySentence } from '../results/parity-sentence';
import { checkParity } from '../training/engine-parity';
import { Interrupt } from '../training/interrupt';
import { loadData, type MnistData } from '../training/load-data';
import { type EngineRun, trainEngine } from '../training/train-engine';
import { describeEnvironment } from './environment';
import { setUpTfjs, type TfjsSetup } from './tfjs-engine';
import { describeKernels } from '@backprop/core';

export interface TrainingRun {
  doc: BenchResults;
  runs: EngineRun[];
  data: MnistData;
}

/**
 * Train every requested engine in turn on the same data, from the same seed (so the same initial
 * weights and batch order), and gather the results document. Ctrl-C stops the current engine after
 * its batch, skips the rest, and still returns what was measured.
 */
export async function runTraining(cmd: BenchCommand | TrainCommand, argv: readonly string[], log: (line: string) => void): Promise<TrainingRun> {
  const { settings } = cmd;
  const data = loadData(settings);
  log(`MNIST: ${data.train.size} training and ${data.test.size} test images (${settings.split.kind === 'pooled' ? 'pooled 75/25 split' : 'standard split'})`);
  const interrupt = new Interrupt();
  const runs: EngineRun[] = [];
  let tfjs: TfjsSetup | null = null;
  let parity: ParityResult | null = null;
  try {
    if (cmd.engines.includes('tfjs')) tfjs = await setUpTfjs(cmd.tfjsBackend, (line) => log(line), { trainsConv2D: settings.architecture === 'convnet' });
    if (tfjs && cmd.engines.includes('scratch') && cmd.paritySteps > 0) {
      parity = await checkParity(settings, data, cmd.paritySteps);
      log(paritySentence(parity));
    }
    for (const engine of cmd.engines) {
      if (interrupt.requested) break;
      const description = engine === 'tfjs' && tfjs ? tfjs.description : `scratch (${describeKernels()})`;
      runs.push(await trainEngine(engine, description, settings, data, { verbose: cmd.verbose, interrupt, log }));
    }
  } finally {
    interrupt.dispose();
  }
  const results: EngineResult[] = runs.map((r) => r.result);
  const doc: BenchResults = {
    schemaVersion: 1,
    createdAt: new Date().toISOString(),
    command: ['backprop-mnist', ...argv].join(' '),
    settings: {
      preset: settings.preset,
      epochs: settings.epochs,
      batchSize: settings.batchSize,
      learningRate: settings.learningRate,
      optimizer: settings.momentum > 0 ? `${settings.optimizer} (momentum ${settings.momentum})` : settings.optimizer,
      layers: [...settings.layers],
      activation: settings.activation,
      seed: settings.seed,
      limit: settings.limit,
      trainSize: data.train.size,
      testSize: data.test.size,
      dataDir: data.dataDir,
    },
    environment: describeEnvironment(tfjs?.backend ?? null, tfjs?.skipped ?? []),
    results,
    speedRatio: speedRatio(results),
    parity,
  };
  return { doc, runs, data };
}
