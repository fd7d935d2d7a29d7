import { join, resolve } from 'node:path';
import type { TrainCommand } from '../cli-options';
import { formatComparisonTable } from '../report/comparison-table';
import { ensureOutputDirectory } from '../write-output-file';
import { checkOutputs, writeOutputs } from './bench';
import { runTraining } from './run-training';

/**
 * `train --out dir`: train and save each model in the TensorFlow.js layers format (model.json +
 * weights.bin), to `dir` for one engine or `dir/<engine>` for several. `eval` and `predict` load them.
 */
export async function train(cmd: TrainCommand, argv: readonly string[], log: (line: string) => void): Promise<void> {
  const out = resolve(cmd.out);
  const target = (engine: string) => (cmd.engines.length === 1 ? out : join(out, engine));
  for (const engine of cmd.engines) ensureOutputDirectory('model', target(engine), join(target(engine), 'model.json'));
  checkOutputs(cmd);
  const { doc, runs, data } = await runTraining(cmd, argv, log);
  for (const run of runs) {
    const dir = target(run.result.engine);
    await run.model.save(`file://${dir}`);
    log(`${run.result.engine}: test accuracy ${(run.result.testAccuracy * 100).toFixed(2)} %, model saved to ${join(dir, 'model.json')}`);
  }
  log(`\n${formatComparisonTable(doc)}`);
  await writeOutputs(cmd, doc, data, log);
}
