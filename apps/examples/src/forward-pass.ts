/**
 * The tutorial's worked forward pass through a 2-2-1 network (internally 3-3-1 with the bias trick):
 * input (0, 1) plus the bias entry → hidden 0.899, 0.593, 0.378 → output 0.506.
 */
import { NeuralNetwork } from '@backprop/core';

const nn = new NeuralNetwork([2, 2, 1], { seed: 1 });
nn.setWeights([
  // rows: x0, x1, bias; columns: the two hidden units and the carried bias unit
  [
    [0.351, -0.097, 0.457],
    [1.076, -0.165, -0.165],
    [1.116, 0.542, -0.331],
  ],
  // the output unit's weights for the three hidden activations
  [[0.383], [-0.327], [-0.329]],
]);

const output = nn.predict([[0, 1]]).get(0, 0);
const hidden = Array.from(nn.network.layerOutput(0).subarray(0, 3));
const truncate = (v: number) => (Math.floor(v * 1000) / 1000).toFixed(3);
console.log('input with bias: [0, 1, 1]');
console.log(`hidden activations: ${hidden.map(truncate).join(', ')}`);
console.log(`output: ${truncate(output)} (${output.toFixed(6)}) → step ${output > 0.5 ? 1 : 0}`);
