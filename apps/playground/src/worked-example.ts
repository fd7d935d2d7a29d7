import { NeuralNetwork } from '@backprop/core';

/** The tutorial's 2-2-1 network (3-3-1 with the bias trick) and its weights, as in apps/examples/src/forward-pass.ts. */
const WEIGHTS = [
  [
    [0.351, -0.097, 0.457],
    [1.076, -0.165, -0.165],
    [1.116, 0.542, -0.331],
  ],
  [[0.383], [-0.327], [-0.329]],
];

export interface WorkedForwardPass {
  readonly input: readonly number[];
  /** The two hidden units and the carried bias unit. */
  readonly hidden: readonly number[];
  readonly output: number;
  readonly weights: typeof WEIGHTS;
}

/** Run the worked example through the engine (nothing here is hard-coded but the weights and the input). */
export function workedForwardPass(): WorkedForwardPass {
  const nn = new NeuralNetwork([2, 2, 1], { seed: 1 });
  nn.setWeights(WEIGHTS);
  const output = nn.predict([[0, 1]]).get(0, 0);
  const hidden = Array.from(nn.network.layerOutput(0).subarray(0, 3));
  return { input: [0, 1, 1], hidden, output, weights: WEIGHTS };
}

/** The tutorial prints three decimals, truncated. */
export const truncate3 = (v: number): string => (Math.floor(v * 1000) / 1000).toFixed(3);
