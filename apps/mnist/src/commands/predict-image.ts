import { argMaxRows } from '@backprop/core';
import { loadModel } from '@backprop/layers';
import type { PredictCommand } from '../cli-options';
import { readPredictInput } from '../input/read-predict-input';

/** `predict model.json image`: classify one PNG/PGM image or one image of an IDX file; prints the digit and its probabilities. */
export async function predictImage(cmd: PredictCommand, log: (line: string) => void): Promise<{ digit: number; probabilities: number[] }> {
  const model = await loadModel(cmd.modelPath.startsWith('file://') ? cmd.modelPath : `file://${cmd.modelPath}`);
  const input = readPredictInput(cmd.inputPath, cmd.index);
  const x = new Float32Array(input.pixels.length);
  for (let i = 0; i < x.length; i++) x[i] = input.pixels[i] / 255;
  const probabilities = await model.predictAsync({ data: x, shape: [1, x.length] });
  const digit = argMaxRows(probabilities)[0];
  const p = Array.from(probabilities.data);
  if (input.inverted) log('(the image was dark-on-light; inverted to MNIST\'s light-on-dark)');
  if (input.normalised) log('(the image was not 28×28; normalised as MNIST\'s digits were: cropped to the ink, fitted to 20×20, centred by mass)');
  log(`predicted digit: ${digit} (p = ${p[digit].toFixed(4)})`);
  log(`probabilities: ${p.map((v, i) => `${i}: ${v.toFixed(4)}`).join('  ')}`);
  return { digit, probabilities: p };
}
