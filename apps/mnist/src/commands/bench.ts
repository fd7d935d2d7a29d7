import { dirname, resolve } from 'node:path';
import type { BenchCommand, TrainCommand } from '../cli-options';
import { formatComparisonTable } from '../report/comparison-table';
import { paritySentence } from '../results/parity-sentence';
import { writeHtmlReport } from '../report/html-report';
import type { BenchResults } from '../results/results-schema';
import { writeResultsJson } from '../results/write-results';
import type { MnistData } from '../training/load-data';
import { ensureOutputDirectory } from '../write-output-file';
import { runTraining } from './run-training';

/** Fail before training, not after an hour of it, when an output cannot be written. */
export function checkOutputs(cmd: { json: string | null; report: string | null }): void {
  if (cmd.json) ensureOutputDirectory('results', dirname(resolve(cmd.json)), cmd.json);
  if (cmd.report) ensureOutputDirectory('report', resolve(cmd.report), resolve(cmd.report, 'index.html'));
}

/** The test images as one contiguous byte array, indexed like the test source (for the report's digit grid). */
function testImages(data: MnistData): { images: Uint8Array; rows: 28; cols: 28 } {
  const { test } = data;
  const size = test.inputSize;
  const images = new Uint8Array(test.size * size);
  for (let i = 0; i < test.size; i++) {
    const at = test.imageIndex(i) * size;
    images.set(test.set.images.subarray(at, at + size), i * size);
  }
  return { images, rows: 28, cols: 28 };
}

/** Write the outputs a run asked for: results JSON and the HTML report. */
export async function writeOutputs(cmd: { json: string | null; report: string | null }, doc: BenchResults, data: MnistData, log: (line: string) => void) {
  if (cmd.json) {
    writeResultsJson(cmd.json, doc);
    log(`results written to ${cmd.json}`);
  }
  if (cmd.report) {
    const page = await writeHtmlReport(cmd.report, doc, { testImages: testImages(data) });
    log(`report written to ${page}`);
  }
}

/** `bench` (the default): train scratch and tfjs side by side, print the table and the reports. */
export async function bench(cmd: BenchCommand | TrainCommand, argv: readonly string[], log: (line: string) => void): Promise<BenchResults> {
  checkOutputs(cmd);
  const { doc, data } = await runTraining(cmd, argv, log);
  for (const result of doc.results) {
    log(`\n${result.engine} — ${result.backend}: classification report on ${data.test.size} test images\n${result.classificationReport}`);
  }
  log(`\n${formatComparisonTable(doc)}`);
  if (doc.parity) log(paritySentence(doc.parity));
  if (doc.results.some((r) => r.interrupted)) log('(interrupted: these are the results up to Ctrl-C)');
  await writeOutputs(cmd, doc, data, log);
  return doc;
}
