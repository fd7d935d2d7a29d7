// Softmax fused with categorical cross-entropy, as the js kernel defines it: probs = softmax(z),
// grad = (probs · Σⱼ tⱼ − t) · gradScale, loss = Σ over rows of −Σⱼ tⱼ · log(max(pⱼ, 1e-7)).
// The loss needs one logarithm per non-zero target (one per row for one-hot labels), so it is taken
// in float64 with the standard library's Math.log rather than vectorised.

import { biasActivation, SOFTMAX } from './activations';
import { loadTail, storeTail } from './vector-tail';

/** Probability floor of Keras's categorical_crossentropy (backend epsilon). */
const EPSILON: f64 = 1e-7;

export function softmaxCrossEntropy(z: usize, targets: usize, probs: usize, grad: usize, rows: i32, cols: i32, gradScale: f32): f64 {
  biasActivation(z, 0, probs, rows, cols, SOFTMAX, 0);
  const full = cols & ~3;
  const tail = cols - full;
  const scale = f32x4.splat(gradScale);
  let loss: f64 = 0;
  for (let r = 0; r < rows; r++) {
    const row = <usize>(r * cols) * 4;
    let targetSum: f64 = 0;
    for (let j = 0; j < cols; j++) {
      const o = row + <usize>j * 4;
      const t = <f64>load<f32>(targets + o);
      targetSum += t;
      if (t != 0) loss -= t * Math.log(max(<f64>load<f32>(probs + o), EPSILON));
    }
    const sum = f32x4.splat(<f32>targetSum);
    for (let j = 0; j < full; j += 4) {
      const o = row + <usize>j * 4;
      v128.store(grad + o, f32x4.mul(f32x4.sub(f32x4.mul(v128.load(probs + o), sum), v128.load(targets + o)), scale));
    }
    if (tail) {
      const o = row + <usize>full * 4;
      const g = f32x4.mul(f32x4.sub(f32x4.mul(loadTail(probs + o, tail, 0), sum), loadTail(targets + o, tail, 0)), scale);
      storeTail(grad + o, g, tail);
    }
  }
  return loss;
}
