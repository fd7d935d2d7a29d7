import type { ModelOptimizer } from '../optimizers/model-optimizer';
import type { CallbackModel } from './callback';
import { ModelStateError } from '../model/model-state-error';

/** The optimizer of the model a callback is attached to; a callback used outside `fit` (or on a model without one) throws. */
export function modelOptimizerOf(callback: string, model: CallbackModel | null): ModelOptimizer {
  const optimizer = model?.optimizer;
  if (!optimizer) throw new ModelStateError(`${callback} needs the compiled model's optimizer; use it in model.fit({ callbacks }) of a compiled model`);
  return optimizer;
}
