import { ArgumentError, describeValue, ShapeError } from '../errors';
import { checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';
import { type ClassLabels, labelPair, resolveNumClasses } from './class-labels';

/** Scores of one class, or an average of them. */
export interface ClassScores {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Number of samples whose true class this is (for averages: all samples). */
  readonly support: number;
}

/** scikit-learn's `classification_report(output_dict=True)`, with per-class scores indexed by class. */
export interface PrecisionRecallF1 {
  readonly perClass: ClassScores[];
  readonly accuracy: number;
  /** Unweighted mean over classes, including classes with no samples. */
  readonly macroAvg: ClassScores;
  /** Mean over classes weighted by support. */
  readonly weightedAvg: ClassScores;
}

/**
 * Per-class precision, recall and F1 for classes 0..numClasses-1. A ratio whose denominator is zero
 * (a class never predicted, or absent from yTrue) is 0, as scikit-learn's default
 * `zero_division="warn"` returns (without the warning).
 */
export function precisionRecallF1(yTrue: ClassLabels, yPred: ClassLabels, numClasses?: number): PrecisionRecallF1 {
  const [t, p] = labelPair(yTrue, yPred);
  const k = resolveNumClasses(t, p, numClasses);
  const tp = new Float64Array(k);
  const predicted = new Float64Array(k);
  const actual = new Float64Array(k);
  for (let i = 0; i < t.length; i++) {
    actual[t[i]]++;
    predicted[p[i]]++;
    if (t[i] === p[i]) tp[t[i]]++;
  }
  const perClass: ClassScores[] = [];
  let correct = 0;
  for (let c = 0; c < k; c++) {
    correct += tp[c];
    perClass.push({
      precision: ratio(tp[c], predicted[c]),
      recall: ratio(tp[c], actual[c]),
      // 2·tp / (2·tp + fp + fn): scikit-learn's form, equal to the harmonic mean and 0 when both are 0.
      f1: ratio(2 * tp[c], predicted[c] + actual[c]),
      support: actual[c],
    });
  }
  const n = t.length;
  const average = (weight: (s: ClassScores) => number, total: number): ClassScores => ({
    precision: perClass.reduce((a, s) => a + weight(s) * s.precision, 0) / total,
    recall: perClass.reduce((a, s) => a + weight(s) * s.recall, 0) / total,
    f1: perClass.reduce((a, s) => a + weight(s) * s.f1, 0) / total,
    support: n,
  });
  return {
    perClass,
    accuracy: correct / n,
    macroAvg: average(() => 1, k),
    weightedAvg: average((s) => s.support, n),
  };
}

export interface ClassificationReportOptions {
  /** Display names, one per class; their count sets the number of classes. Default: "0", "1", … */
  readonly targetNames?: readonly string[];
  /** Decimal places for scores (scikit-learn's `digits`); default 2. */
  readonly digits?: number;
  /** Number of classes when there are no target names; default: the largest label + 1. */
  readonly numClasses?: number;
}

/** Every key of ClassificationReportOptions, checked against the interface by the type checker. */
const CLASSIFICATION_REPORT_KEYS = optionKeys<ClassificationReportOptions>()(['targetNames', 'digits', 'numClasses']);

/**
 * A text report laid out exactly as scikit-learn's `classification_report` prints it:
 * per-class rows, a blank line, then `accuracy`, `macro avg` and `weighted avg`. The string ends
 * with a newline, as scikit-learn's does.
 */
export function classificationReport(
  yTrue: ClassLabels,
  yPred: ClassLabels,
  options: ClassificationReportOptions = {},
): string {
  checkOptionKeys(options, CLASSIFICATION_REPORT_KEYS, 'classificationReport options', ['labels', 'sampleWeight', 'outputDict', 'zeroDivision']);
  const { targetNames, digits = 2 } = options;
  let { numClasses } = options;
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) {
    throw new ArgumentError(`classificationReport digits must be an integer in [0, 20], got ${describeValue(digits)}`);
  }
  if (targetNames !== undefined) {
    if (!Array.isArray(targetNames) || targetNames.some((s) => typeof s !== 'string')) {
      throw new ArgumentError(`classificationReport targetNames must be an array of strings, got ${describeValue(targetNames)}`);
    }
    if (numClasses !== undefined && numClasses !== targetNames.length) {
      // scikit-learn: "Number of classes, 3, does not match size of target_names, 2".
      throw new ShapeError(`classificationReport expects one target name per class (${numClasses}), got ${targetNames.length}`);
    }
    numClasses = targetNames.length;
  }
  const scores = precisionRecallF1(yTrue, yPred, numClasses);
  const names = targetNames ?? scores.perClass.map((_, c) => String(c));

  // sklearn: width = max(len(longest name), len("weighted avg"), digits); rows use
  // "{:>{width}s} " + " {:>9.{digits}f}" * 3 + " {:>9}\n".
  const width = Math.max(...names.map((s) => s.length), 'weighted avg'.length, digits);
  const cell = (s: string): ` ${string}` => ` ${s.padStart(9)}`;
  const row = (name: string, s: ClassScores): string =>
    `${name.padStart(width)} ${cell(fixed(s.precision, digits))}${cell(fixed(s.recall, digits))}${cell(fixed(s.f1, digits))}${cell(String(s.support))}\n`;

  let report = `${''.padStart(width)} ${['precision', 'recall', 'f1-score', 'support'].map(cell).join('')}\n\n`;
  names.forEach((name, c) => {
    report += row(name, scores.perClass[c]);
  });
  report += '\n';
  report += `${'accuracy'.padStart(width)} ${cell('')}${cell('')}${cell(fixed(scores.accuracy, digits))}${cell(String(scores.macroAvg.support))}\n`;
  report += row('macro avg', scores.macroAvg);
  report += row('weighted avg', scores.weightedAvg);
  return report;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/**
 * Python's `format(x, '.{digits}f')` for x >= 0. `toFixed` rounds an exact tie (0.125 → "0.13") up,
 * Python to even ("0.12"); the tie is detected from the exact decimal expansion.
 */
function fixed(x: number, digits: number): string {
  const rounded = x.toFixed(digits);
  if (digits + 30 > 100) return rounded;
  const exact = x.toFixed(digits + 30);
  const point = exact.indexOf('.');
  if (!/^50*$/.test(exact.slice(point + 1 + digits))) return rounded;
  const truncated = exact.slice(0, digits === 0 ? point : point + 1 + digits);
  const lastDigit = Number(truncated[truncated.length - 1]);
  return lastDigit % 2 === 0 ? truncated : rounded;
}
