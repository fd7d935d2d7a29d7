import { z } from 'zod';
import { type ResultsIssue, ResultsValidationError } from '../mnist-app-errors';

/**
 * The results document `backprop-mnist bench --json` writes: settings, machine, and one entry per
 * engine. `schemaVersion` changes whenever a field changes meaning, so old files are rejected
 * rather than misread.
 */

/** MNIST has ten classes; the confusion matrix and the labels are sized by it. */
export const RESULTS_NUM_CLASSES = 10;
/** At most this many misclassified test digits are kept per engine (enough for the report's grid). */
export const MAX_MISCLASSIFIED = 100;

const finite = z.number();
const nonNegative = z.number().nonnegative();
const count = z.number().int().nonnegative();
const fraction = z.number().min(0).max(1);
const digitLabel = z.number().int().min(0).max(RESULTS_NUM_CLASSES - 1);

const historySchema = z
  .object({
    epoch: z.array(count),
    loss: z.array(finite),
    accuracy: z.array(fraction),
    val_loss: z.array(finite),
    val_accuracy: z.array(fraction),
  })
  .superRefine((h, ctx) => {
    // Keras's History keeps one value per epoch in every series; a ragged history cannot be charted.
    for (const key of ['loss', 'accuracy', 'val_loss', 'val_accuracy'] as const) {
      if (h[key].length !== h.epoch.length) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: `expected ${h.epoch.length} values (one per epoch), got ${h[key].length}`,
        });
      }
    }
  });

const engineResultSchema = z.object({
  engine: z.enum(['scratch', 'tfjs']),
  backend: z.string().min(1),
  epochs: count,
  secondsPerEpoch: nonNegative,
  samplesPerSecond: nonNegative,
  trainLoss: finite,
  testLoss: finite,
  testAccuracy: fraction,
  macroF1: fraction,
  history: historySchema,
  confusionMatrix: z
    .array(z.array(count).length(RESULTS_NUM_CLASSES))
    .length(RESULTS_NUM_CLASSES, { error: `expected ${RESULTS_NUM_CLASSES} rows (one per true class)` }),
  classificationReport: z.string(),
  misclassified: z
    .array(z.object({ index: count, label: digitLabel, predicted: digitLabel }))
    .max(MAX_MISCLASSIFIED),
  interrupted: z.boolean(),
});

const settingsSchema = z.object({
  preset: z.string().nullable(),
  epochs: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  learningRate: z.number().positive(),
  optimizer: z.string().min(1),
  layers: z.array(z.number().int().positive()).min(2),
  activation: z.string().min(1),
  seed: z.number().int(),
  limit: z.number().int().positive().nullable(),
  trainSize: count,
  testSize: count,
  dataDir: z.string().nullable(),
});

const environmentSchema = z.object({
  node: z.string(),
  platform: z.string(),
  arch: z.string(),
  cpu: z.string(),
  cpus: z.number().int().positive(),
  memoryGiB: nonNegative,
  tfjsBackend: z.string().nullable(),
  /** Faster tfjs backends that were not used, each with the reason (`node: @tensorflow/tfjs-node is not installed`). */
  tfjsSkipped: z.array(z.string()).default([]),
  kernels: z.string(),
});

const paritySchema = z.object({
  /** The optimizer of the check, e.g. `sgd 0.01`. */
  optimizer: z.string(),
  steps: z.number().int().positive(),
  batchSize: z.number().int().positive(),
  maxWeightDiff: nonNegative,
  maxLossRelativeDiff: nonNegative,
  /** null when the losses were identical at every step. */
  lossDigitsAgreed: z.number().nullable(),
  passed: z.boolean(),
  failures: z.array(z.string()),
  engines: z.object({ scratch: z.string(), tfjs: z.string() }),
});

export const benchResultsSchema = z.object({
  schemaVersion: z.literal(1),
  createdAt: z.iso.datetime({ offset: true }),
  command: z.string(),
  settings: settingsSchema,
  environment: environmentSchema,
  results: z.array(engineResultSchema),
  /** tfjs seconds/epoch ÷ scratch seconds/epoch; null unless both engines ran. */
  speedRatio: z.number().positive().nullable(),
  /** The engines' step-by-step agreement from the same start (compareEngines); null when not run. */
  parity: paritySchema.nullable().default(null),
});

export type BenchResults = z.infer<typeof benchResultsSchema>;
export type EngineResult = BenchResults['results'][number];
export type BenchSettings = BenchResults['settings'];
export type BenchEnvironment = BenchResults['environment'];
export type TrainingHistory = EngineResult['history'];
export type ParityResult = z.infer<typeof paritySchema>;

/** `results[1].history.loss[3]` from zod's path array. */
function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

/**
 * Check that `json` (a parsed document) is a valid `BenchResults` and return it typed. Throws
 * `ResultsValidationError` naming every bad field, e.g.
 * `results[0].testAccuracy: Too big: expected number to be <=1`.
 */
export function validateResults(json: unknown): BenchResults {
  const parsed = benchResultsSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issues: ResultsIssue[] = parsed.error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: issue.message,
  }));
  throw new ResultsValidationError(issues);
}
