/** The perceptron learns AND and OR, which are linearly separable, and fails on XOR, which is not. */
import { Perceptron } from '@backprop/core';
import { and, or, xor } from '@backprop/datasets';

const seed = Number(process.env.SEED ?? 1);
for (const [name, data] of [
  ['AND', and()],
  ['OR', or()],
  ['XOR', xor()],
] as const) {
  const p = new Perceptron(2, { alpha: 0.1, seed });
  p.fit(data.x, data.y, { epochs: 20 });
  const predictions = p.predict(data.x);
  let correct = 0;
  console.log(`[INFO] perceptron on ${name}`);
  data.x.forEach((row, i) => {
    if (predictions[i] === data.y[i][0]) correct += 1;
    console.log(`[INFO] data=${JSON.stringify(row)}, ground-truth=${data.y[i][0]}, pred=${predictions[i]}`);
  });
  console.log(`[INFO] ${name}: ${correct}/4 correct\n`);
}
