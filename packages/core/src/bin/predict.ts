#!/usr/bin/env node
/**
 * Inference only: load a network saved with `saveNetwork` and print its predictions for CSV rows.
 * It imports the model loader and the forward pass, nothing of training.
 *
 *   backprop-predict model.json inputs.csv [--classes]
 *   cat inputs.csv | backprop-predict model.json - --step
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BackpropError } from '../errors';
import { loadNetwork } from '../io/save-network';
import { Matrix } from '../matrix';
import { NeuralNetwork } from '../network/neural-network';
import { argMaxRows } from '../preprocessing/arg-max-rows';
import { parseCsvRows } from './parse-csv-rows';

const USAGE = 'usage: backprop-predict <model.json> <inputs.csv | -> [--classes] [--step]';

function main(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { classes: { type: 'boolean' }, step: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 2) throw new BackpropError(`expected 2 arguments (model, inputs), got ${positionals.length}; ${USAGE}`);
  const [modelPath, inputPath] = positionals;
  const network = loadNetwork(modelPath);
  const csv = readFileSync(inputPath === '-' ? 0 : inputPath, 'utf8');
  const x = Matrix.fromArray(parseCsvRows(csv, inputPath), inputPath);
  const out =
    network instanceof NeuralNetwork
      ? network.predict(x)
      : new Matrix(x.rows, network.outputSize, network.forward(x.data, x.rows).slice(0, x.rows * network.outputSize) as Float32Array);
  if (values.classes) {
    for (const c of argMaxRows(out)) console.log(c);
  } else {
    for (const row of out.toArray()) console.log(row.map((v) => (values.step ? (v > 0.5 ? 1 : 0) : Number(v.toPrecision(7)))).join(','));
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.error(`backprop-predict: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
