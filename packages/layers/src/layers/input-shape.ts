import { ArgumentError, describeValue, NotSupportedError } from '@backprop/core';

/** The ways a layer can be told its input shape (tfjs's LayerArgs; `inputDim` is Dense's, from Keras 2). */
export interface InputShapeArgs {
  readonly inputShape?: readonly number[];
  /** `[null, 784]`: the batch dimension first, `null` for any batch size. */
  readonly batchInputShape?: readonly (number | null)[];
  /** `inputDim: 784` is `inputShape: [784]` (Keras 2's `input_dim`, tfjs's Dense `inputDim`). */
  readonly inputDim?: number;
}

/**
 * The per-sample input shape from `inputShape`, `batchInputShape` or `inputDim`, or undefined when none is given.
 * tfjs lets `batchInputShape` win over `inputShape` and ignores `inputDim` when either is set; here specs that
 * disagree are an error instead (one of them would otherwise be ignored). Porting note: a fixed batch size
 * (`batchInputShape: [32, 784]`) is not supported: the batch dimension must be null.
 */
export function resolveInputShape(args: InputShapeArgs, layer: string): readonly number[] | undefined {
  const given: { what: string; shape: readonly number[] }[] = [];
  if (args.inputShape !== undefined) given.push({ what: 'inputShape', shape: checkShape(args.inputShape, `${layer} inputShape`, 'e.g. [784]') });
  if (args.batchInputShape !== undefined) {
    const batch = args.batchInputShape;
    if (!Array.isArray(batch) || batch.length < 2) {
      throw new ArgumentError(`${layer} batchInputShape must be [null, ...sampleShape], e.g. [null, 784], got ${describeValue(batch)}`);
    }
    if (batch[0] !== null && batch[0] !== undefined) throw new NotSupportedError(`${layer} batchInputShape`, `a fixed batch size (${describeValue(batch[0])}; use null)`);
    given.push({ what: 'batchInputShape', shape: checkShape(batch.slice(1) as number[], `${layer} batchInputShape`, 'e.g. [null, 784]', 1) });
  }
  if (args.inputDim !== undefined) {
    if (!Number.isInteger(args.inputDim) || args.inputDim <= 0) throw new ArgumentError(`${layer} inputDim must be a positive integer, got ${describeValue(args.inputDim)}`);
    given.push({ what: 'inputDim', shape: [args.inputDim] });
  }
  const [first, ...rest] = given;
  for (const other of rest) {
    if (other.shape.length !== first.shape.length || other.shape.some((d, i) => d !== first.shape[i])) {
      throw new ArgumentError(`${layer} ${first.what} gives the input shape [${first.shape.join(', ')}] but ${other.what} gives [${other.shape.join(', ')}]; give one, or make them agree`);
    }
  }
  return first?.shape;
}

function checkShape(shape: unknown, what: string, example: string, offset = 0): readonly number[] {
  if (!Array.isArray(shape) || shape.length === 0 || !shape.every((d) => Number.isInteger(d) && d > 0)) {
    const shown = Array.isArray(shape) ? `[${[...Array(offset).fill('null'), ...shape.map(describeValue)].join(', ')}]` : describeValue(shape);
    throw new ArgumentError(`${what} must be a list of positive integers, ${example}, got ${shown}`);
  }
  return [...shape];
}
