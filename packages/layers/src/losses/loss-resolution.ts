import {
  acceptedLossNames,
  ArgumentError,
  describeValue,
  getLoss,
  type Loss,
  type LossIdentifier,
  type LossSpec,
  resolveLossName,
  SPARSE_LOSS_NAMES,
  UnknownNameError,
} from '@backprop/core';

/** A loss as `compile` accepts it: a Keras or tfjs name, or `{ name, delta }` for Huber. */
export type LossOption = LossIdentifier | { name: LossIdentifier; delta?: number };

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

const SPARSE_NAMES: readonly string[] = SPARSE_LOSS_NAMES;

/** Resolve Keras snake_case (`categorical_crossentropy`), tfjs camelCase (`categoricalCrossentropy`) and core names. */
export function resolveLoss(option: LossOption | string | { name: string; delta?: number }): ResolvedLoss {
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
