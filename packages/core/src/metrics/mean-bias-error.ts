import { pairedValues, type Values } from './paired-values';

/**
 * Mean bias error: mean(yPred − yTrue). Sign convention: positive means the model over-predicts
 * on average, negative that it under-predicts. (Some texts define it as mean(yTrue − yPred); this
 * one follows the forecast-bias convention, error = predicted − observed.) Errors of opposite sign
 * cancel, so pair it with `meanAbsoluteError` to see the size of the errors.
 */
export function meanBiasError(yTrue: Values, yPred: Values): number {
  const [t, p] = pairedValues(yTrue, yPred);
  let sum = 0;
  for (let i = 0; i < t.length; i++) sum += p[i] - t[i];
  return sum / t.length;
}
