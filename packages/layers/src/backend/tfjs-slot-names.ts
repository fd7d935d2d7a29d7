import { ArgumentError, type OptimizerState } from '@backprop/core';

/**
 * tfjs's names for the state an optimizer keeps per variable, by core's slot name (Keras's variable
 * suffixes), per core optimizer: tfjs-core/src/optimizers/<name>_optimizer.ts names them
 * `originalName: \`${name}/m\`` and so on, and a saved model.json lists them so (`dense_1/kernel/m`).
 * A saved state uses tfjs's names so that `tf.loadLayersModel` reads it; a slot of an optimizer tfjs does
 * not have (or not listed here) keeps core's name. The order — each slot kind over every weight — is
 * core's and tfjs's alike, and tfjs restores by position.
 * Porting note: a saved momentum slot is tf.train's v = μv + g (core's form), not Keras's velocity −lr·v.
 */
const TFJS_SLOT_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  sgd: { momentum: 'momentum' }, // tf.train.momentum
  adam: { momentum: 'm', velocity: 'v' },
  rmsprop: { velocity: 'rms', momentum: 'momentum' },
  adagrad: { accumulator: 'accumulator' },
  adadelta: { accumulated_grad: 'accum_grad', accumulated_delta_var: 'accum_var' },
  adamax: { m: 'm', u: 'v' },
};

/**
 * `dense_1/kernel/momentum` → `dense_1/kernel/m` for Adam: the last path segment, renamed by `table`. A name
 * without a path is an optimizer-wide scalar (Nadam's `u_product`) and keeps its name.
 */
function renameSlots(state: OptimizerState, table: Readonly<Record<string, string>>, optimizer: string, direction: string): OptimizerState {
  const variables = state.variables.map(({ name, values }) => {
    const cut = name.lastIndexOf('/');
    if (cut < 0) return { name, values };
    if (cut === 0 || cut === name.length - 1) throw new ArgumentError(`${optimizer} state variable must be named <weight>/<slot>, got ${JSON.stringify(name)} (${direction})`);
    const slot = name.slice(cut + 1);
    return { name: `${name.slice(0, cut)}/${table[slot] ?? slot}`, values };
  });
  return { iterations: state.iterations, variables };
}

/** Core's state (Keras's slot names) as tfjs names it. */
export function toTfjsSlotNames(optimizer: string, state: OptimizerState): OptimizerState {
  return renameSlots(state, TFJS_SLOT_NAMES[optimizer] ?? {}, optimizer, 'from the engine');
}

/** A state named as tfjs names it, back in core's slot names. */
export function fromTfjsSlotNames(optimizer: string, state: OptimizerState): OptimizerState {
  const inverse = Object.fromEntries(Object.entries(TFJS_SLOT_NAMES[optimizer] ?? {}).map(([core, tfjs]) => [tfjs, core]));
  return renameSlots(state, inverse, optimizer, 'to the engine');
}
