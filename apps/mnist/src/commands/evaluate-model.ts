import { argMaxRows, classificationReport, confusionMatrix, precisionRecallF1 } from '@backprop/core';
import { loadModel, SGD } from '@backprop/layers';
import type { EvalCommand } from '../cli-options';
import { PRESETS } from '../presets';
import { loadData } from '../training/load-data';

/** The confusion matrix as aligned text, rows = true digit, columns = predicted digit. */
export function formatConfusionMatrix(matrix: readonly (readonly number[])[]): string {
  const width = Math.max(4, ...matrix.flat().map((v) => String(v).length + 1));
  const header = `${'true\\pred'.padEnd(10)}${matrix.map((_, j) => String(j).padStart(width)).join('')}`;
  return [header, ...matrix.map((row, i) => `${String(i).padEnd(10)}${row.map((v) => String(v).padStart(width)).join('')}`)].join('\n');
}

/** `eval model.json`: load a saved model and report on the test set (standard, or a preset's pooled split). */
export async function evaluateModel(cmd: EvalCommand, log: (line: string) => void): Promise<{ accuracy: number; macroF1: number }> {
  const model = await loadModel(cmd.modelPath.startsWith('file://') ? cmd.modelPath : `file://${cmd.modelPath}`);
  const split = cmd.preset ? PRESETS[cmd.preset].split : ({ kind: 'mnist' } as const);
  const data = loadData({ split, seed: cmd.seed, limit: cmd.limit, dataDir: cmd.dataDir, layers: [784] });
  // A model saved compiled loads compiled (its training config); an older save needs a loss to evaluate.
  if (!model.compileConfig) model.compile({ loss: 'categorical_crossentropy', optimizer: SGD(0.01), metrics: ['accuracy'] });
  const [loss] = (await model.evaluate(data.test, { batchSize: 1000 })) as number[];
  const predicted = Array.from(argMaxRows(await model.predictAsync(data.test, { batchSize: 1000 })));
  const truth = Array.from({ length: data.test.size }, (_, i) => data.test.label(i));
  const scores = precisionRecallF1(truth, predicted, 10);
  log(`${cmd.modelPath} on ${data.test.size} test images: loss ${loss.toFixed(4)}, accuracy ${(scores.accuracy * 100).toFixed(2)} %\n`);
  log(classificationReport(truth, predicted, { digits: 4 }));
  log(formatConfusionMatrix(confusionMatrix(truth, predicted, 10)));
  return { accuracy: scores.accuracy, macroF1: scores.macroAvg.f1 };
}
