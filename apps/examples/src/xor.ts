/**
 * XOR with the tutorial's 2-2-1 network (alpha 0.5, 20,000 epochs): it learns all four cases.
 * Then the 2-1 network (no hidden layer) on the same data: it cannot, because XOR is not linearly separable.
 */
import { NeuralNetwork } from '@backprop/core';
import { xor } from '@backprop/datasets';

const { x, y } = xor();
const seed = Number(process.env.SEED ?? 3);

function run(layers: number[]): number {
  const nn = new NeuralNetwork(layers, { alpha: 0.5, seed });
  console.log(`[INFO] training ${nn}...`);
  nn.fit(x, y, { epochs: 20000, displayUpdate: 1000 });
  let correct = 0;
  x.forEach((row, i) => {
    const pred = nn.predict([row]).get(0, 0);
    const step = pred > 0.5 ? 1 : 0;
    if (step === y[i][0]) correct += 1;
    console.log(`[INFO] data=${JSON.stringify(row)}, ground-truth=${y[i][0]}, pred=${pred.toFixed(4)}, step=${step}`);
  });
  console.log(`[INFO] ${nn}: ${correct}/4 correct\n`);
  return correct;
}

const started = Date.now();
const hidden = run([2, 2, 1]);
const flat = run([2, 1]);
console.log(`2-2-1 got ${hidden}/4 right; 2-1 got ${flat}/4 right (${((Date.now() - started) / 1000).toFixed(2)} s)`);
