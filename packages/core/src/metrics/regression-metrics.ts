import { pairedValues, type Values } from './paired-values';

// Metrics on plain numbers, averaged over every value; sums run in float64. For a matrix, MSE and MAE
// equal scikit-learn's `multioutput='uniform_average'`; RMSE is the root of the overall mean (Keras'
// convention), not scikit-learn's average of per-column roots.

/** mean((yTrue − yPred)²), scikit-learn's `mean_squared_error`. */
export function meanSquaredError(yTrue: Values, yPred: Values): number {
  const [t, p] = pairedValues(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += (t[i] - p[i]) ** 2;
  return sum / t.length;
}

/** mean(|yTrue − yPred|), scikit-learn's `mean_absolute_error`. */
export function meanAbsoluteError(yTrue: Values, yPred: Values): number {
  const [t, p] = pairedValues(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += Math.abs(t[i] - p[i]);
  return sum / t.length;
}

/** sqrt(mean((yTrue − yPred)²)), scikit-learn's `root_mean_squared_error`. */
export function rootMeanSquaredError(yTrue: Values, yPred: Values): number {
  return Math.sqrt(meanSquaredError(yTrue, yPred));
}
