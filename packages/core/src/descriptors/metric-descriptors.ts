/**
 * Every metric's names, defined once: what it computes, Keras's name (snake_case) and tfjs's (camelCase).
 * `accuracy` / `acc` are resolved from the loss, as Keras does (keras/src/trainers/compile_utils.py).
 * The facade's metric registry and its option type derive from here.
 */
export const METRIC_DESCRIPTORS = {
  accuracy: { computes: 'accuracy', keras: 'accuracy', tfjs: 'accuracy', aliases: ['acc'] },
  categoricalAccuracy: { computes: 'categoricalAccuracy', keras: 'categorical_accuracy', tfjs: 'categoricalAccuracy', aliases: [] },
  // Sparse labels reach the metric one-hot encoded, so sparse accuracy is categorical accuracy.
  sparseCategoricalAccuracy: {
    computes: 'categoricalAccuracy',
    keras: 'sparse_categorical_accuracy',
    tfjs: 'sparseCategoricalAccuracy',
    aliases: [],
  },
  binaryAccuracy: { computes: 'binaryAccuracy', keras: 'binary_accuracy', tfjs: 'binaryAccuracy', aliases: [] },
  mse: { computes: 'mse', keras: 'mean_squared_error', tfjs: 'meanSquaredError', aliases: [] },
  mae: { computes: 'mae', keras: 'mean_absolute_error', tfjs: 'meanAbsoluteError', aliases: [] },
  // k = 5, Keras's and tfjs's default.
  topKCategoricalAccuracy: { computes: 'topKCategoricalAccuracy', keras: 'top_k_categorical_accuracy', tfjs: 'topKCategoricalAccuracy', aliases: [] },
  // Keras's confusion-matrix metrics (threshold 0.5; AUC: ROC, 200 thresholds), accumulated over an epoch.
  // Keras's class names are accepted as strings too (keras.metrics.get('AUC')). tfjs-layers has no AUC.
  precision: { computes: 'precision', keras: 'precision', tfjs: 'precision', aliases: ['Precision'] },
  recall: { computes: 'recall', keras: 'recall', tfjs: 'recall', aliases: ['Recall'] },
  auc: { computes: 'auc', keras: 'auc', tfjs: null, aliases: ['AUC'] },
} as const satisfies Record<string, MetricDescriptor>;

/** What a metric computes once `accuracy` is resolved. */
export type MetricKind = 'accuracy' | 'categoricalAccuracy' | 'binaryAccuracy' | 'mse' | 'mae' | 'topKCategoricalAccuracy' | 'precision' | 'recall' | 'auc';

/** What one entry of `METRIC_DESCRIPTORS` holds. */
export interface MetricDescriptor {
  readonly computes: MetricKind;
  readonly keras: string;
  /** tfjs-layers' name, or null when tfjs has no such metric. */
  readonly tfjs: string | null;
  readonly aliases: readonly string[];
}

type Descriptor = (typeof METRIC_DESCRIPTORS)[keyof typeof METRIC_DESCRIPTORS];

/** Every metric name `compile({ metrics })` accepts. */
export type MetricIdentifier = Descriptor['keras'] | NonNullable<Descriptor['tfjs']> | Descriptor['aliases'][number] | keyof typeof METRIC_DESCRIPTORS;

/** Every accepted metric name → what it computes, derived from the descriptors (Keras's spelling first). */
export const metricKinds: Readonly<Record<string, MetricKind>> = Object.fromEntries(
  Object.entries(METRIC_DESCRIPTORS as Record<string, MetricDescriptor>).flatMap(([key, d]) =>
    [d.keras, ...d.aliases, d.tfjs, key].filter((name): name is string => name !== null).map((name) => [name, d.computes] as const),
  ),
);
