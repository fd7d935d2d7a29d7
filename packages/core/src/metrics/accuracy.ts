import { type ClassLabels, labelPair } from './class-labels';

/**
 * Fraction of samples whose predicted class equals the true class (scikit-learn's `accuracy_score`).
 * Either argument may be a label array or a one-hot / probability matrix, read by argmax per row
 * (Keras' `categorical_accuracy`), so `accuracy(yOneHot, model.predict(x))` works as is.
 */
export function accuracy(yTrue: ClassLabels, yPred: ClassLabels): number {
  const [t, p] = labelPair(yTrue, yPred);
  let correct = 0;
  for (let i = 0; i < t.length; i++) if (t[i] === p[i]) correct++;
  return correct / t.length;
}
