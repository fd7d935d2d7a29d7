import { optimizerSpec } from '@backprop/core';
import { resolveLoss } from '../losses/loss-resolution';
import type { CompiledModel } from './compile-options';

/** Loss and optimizer for a backend built only to predict (an uncompiled model). */
export function inferenceDefaults(): Pick<CompiledModel, 'loss' | 'optimizer'> {
  return { loss: resolveLoss('mse'), optimizer: optimizerSpec('sgd') };
}
