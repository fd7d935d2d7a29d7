import { acceptedLossNames, ArgumentError, describeValue, getLoss, type Loss, type LossSpec, resolveLossName, UnknownNameError } from '@backprop/core';

/** A loss as `compile` accepts it: a Keras or tfjs name, or `{ name, delta }` for Huber. */
export type LossOption = string | { name: string; delta?: number };

/** A compiled loss: what the backend computes, and whether the facade one-hot encodes labels first. */
export interface ResolvedLoss {
  /** The name as given to `compile` (used in messages). */
  readonly name: string;
  /** Core's loss, computed on one-hot targets. */
  readonly spec: LossSpec;
  /** Targets are integer class labels (one column) that the facade one-hot encodes per batch. */
  readonly sparse: boolean;
  /** Core's implementation, for evaluation (mean over the batch, as Keras's default reduction). */
  readonly loss: Loss;
}

/**
 * Keras's sparse categorical cross-entropy is categorical cross-entropy on one-hot-encoded labels;
 * the facade encodes per batch, so backends only ever see one-hot targets.
 */
const SPARSE_NAMES = ['sparse_categorical_crossentropy', 'sparseCategoricalCrossentropy', 'scce'];

/** Resolve Keras snake_case (`categorical_crossentropy`), tfjs camelCase (`categoricalCrossentropy`) and core names. */
export function resolveLoss(option: LossOption): ResolvedLoss {
  const name = typeof option === 'string' ? option : option?.name;
  if (typeof name !== 'string') {
    throw new ArgumentError(`loss must be a name such as 'categorical_crossentropy' or { name, delta }, got ${describeValue(option)}`);
  }
  if (SPARSE_NAMES.includes(name)) {
    const spec: LossSpec = { name: 'categoricalCrossentropy' };
    return { name, spec, sparse: true, loss: getLoss(spec) };
  }
  let coreName: ReturnType<typeof resolveLossName>;
  try {
    coreName = resolveLossName(name);
  } catch (error) {
    if (error instanceof UnknownNameError) throw new UnknownNameError('loss', name, validLossNames());
    throw error;
  }
  const spec: LossSpec = typeof option === 'string' ? { name: coreName } : { ...option, name: coreName };
  return { name, spec, sparse: false, loss: getLoss(spec) };
}

/** Every accepted loss name, for error messages: core's (with Keras and tfjs spellings) and the sparse ones. */
export function validLossNames(): string[] {
  return [...acceptedLossNames, ...SPARSE_NAMES];
}
