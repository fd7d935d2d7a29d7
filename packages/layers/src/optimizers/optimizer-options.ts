import { ArgumentError, checkOptionKeys, describeValue, type OptimizerName, type OptimizerSpec, optimizerSpec, unsupportedOptimizerOptions } from '@backprop/core';
import { LearningRateSchedule } from './learning-rate-schedules';

/**
 * The spec of `SGD(0.01)` / `SGD({ … })` and their siblings: a number (or a schedule) is the learning rate, an object
 * holds only the optimizer's own options (`keys`, checked against its interface where it is declared),
 * so `SGD({ lr: 0.5 })` names `learningRate` and `SGD({ name: 'adam' })` cannot change the rule.
 */
export function optimizerFromOptions(
  className: string,
  name: OptimizerName,
  options: number | object | undefined,
  keys: readonly string[],
): Required<OptimizerSpec> {
  if (typeof options === 'number' || options instanceof LearningRateSchedule) return optimizerSpec({ name, learningRate: options as number });
  if (options !== undefined && (options === null || typeof options !== 'object' || Array.isArray(options))) {
    throw new ArgumentError(`${className} expects a learning rate or { ${keys.join(', ')} }, got ${describeValue(options)}`);
  }
  checkOptionKeys(options, keys, `${className} options`, unsupportedOptimizerOptions);
  return optimizerSpec({ name, ...options });
}
