import { type ClassLabels, labelPair, resolveNumClasses } from './class-labels';

/**
 * Counts of (true class, predicted class) pairs: `cm[i][j]` is the number of samples of class i
 * predicted as class j — rows are true, columns predicted, as scikit-learn's `confusion_matrix`.
 * `numClasses` defaults to the largest label in either argument + 1.
 */
export function confusionMatrix(yTrue: ClassLabels, yPred: ClassLabels, numClasses?: number): number[][] {
  const [t, p] = labelPair(yTrue, yPred);
  const k = resolveNumClasses(t, p, numClasses);
  const cm = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < t.length; i++) cm[t[i]][p[i]]++;
  return cm;
}
