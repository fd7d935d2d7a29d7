import { OPTIMIZER_DESCRIPTORS, type OptimizerName, optimizerNames } from '../descriptors/optimizer-descriptors';
import { ArgumentError, describeValue, UnknownNameError } from '../errors';
import { checkBooleanOption, checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';
import { isLearningRateSchedule, learningRateScheduleSpec, scheduledLearningRate } from './learning-rate-schedules';
import type { OptimizerSpec } from './optimizer-registry';

/** Every key of OptimizerSpec, checked against the interface (see optionKeys). */
const SPEC_KEYS = optionKeys<OptimizerSpec>()([
  'name',
  'learningRate',
  'momentum',
  'nesterov',
  'beta1',
  'beta2',
  'epsilon',
  'rho',
  'initialAccumulatorValue',
  'weightDecay',
  'clipnorm',
  'clipvalue',
  'globalClipnorm',
  'learningRateSchedule',
]);

/** The options of Keras 3's base optimizer that every rule takes. */
const BASE_KEYS = ['weightDecay', 'clipnorm', 'clipvalue', 'globalClipnorm', 'learningRateSchedule'] as const;

/** The value of every key for a rule that does not read it: what `optimizerSpec` fills in. */
const NEUTRAL: Required<Omit<OptimizerSpec, 'name'>> = {
  learningRate: 0,
  momentum: 0,
  nesterov: false,
  beta1: 0,
  beta2: 0,
  epsilon: 0,
  rho: 0,
  initialAccumulatorValue: 0,
  weightDecay: 0,
  clipnorm: 0,
  clipvalue: 0,
  globalClipnorm: 0,
  learningRateSchedule: null,
};

/** The keys each rule reads: its descriptor's hyper-parameters plus the base optimizer's. */
function ownKeys(name: OptimizerName): string[] {
  return ['name', ...Object.keys(OPTIMIZER_DESCRIPTORS[name].defaults), ...BASE_KEYS];
}

/**
 * Options of Keras 3's optimizers (and tfjs's) that this engine does not implement yet: refused with
 * NotSupportedError rather than ignored (Keras's EMA, loss scaling and gradient accumulation, Adam's
 * `amsgrad`, RMSprop's `centered`).
 */
export const unsupportedOptimizerOptions: readonly string[] = [
  'useEma',
  'emaMomentum',
  'emaOverwriteFrequency',
  'lossScaleFactor',
  'gradientAccumulationSteps',
  'amsgrad',
  'centered',
];

/** Fill in Keras's defaults and check every hyper-parameter; an unknown or foreign key throws. */
export function optimizerSpec(spec: OptimizerSpec | string): Required<OptimizerSpec> {
  if (typeof spec !== 'string' && (spec === null || typeof spec !== 'object' || Array.isArray(spec))) {
    throw new ArgumentError(`optimizer must be a name (${optimizerNames.join(', ')}) or a spec { name, learningRate, … }, got ${describeValue(spec)}`);
  }
  let given: OptimizerSpec = typeof spec === 'string' ? { name: spec as OptimizerName } : spec;
  if (typeof given.name !== 'string') {
    throw new ArgumentError(`optimizer spec needs a name (${optimizerNames.join(', ')}), got ${describeValue(given.name)}`);
  }
  const name = given.name.toLowerCase();
  if (!Object.hasOwn(OPTIMIZER_DESCRIPTORS, name)) throw new UnknownNameError('optimizer', given.name, optimizerNames);
  // Keras: `learning_rate` may be a LearningRateSchedule; here it moves to `learningRateSchedule`.
  if (isLearningRateSchedule(given.learningRate)) {
    given = { ...given, learningRate: undefined, learningRateSchedule: given.learningRate as unknown as OptimizerSpec['learningRateSchedule'] };
  }
  const full = { ...NEUTRAL, ...OPTIMIZER_DESCRIPTORS[name as OptimizerName].defaults, name } as Required<OptimizerSpec>;
  const own = ownKeys(full.name);
  // A resolved spec (`SGD(0.1)` passed on to compile) carries every key; a foreign one is fine at its neutral value.
  const neutral = SPEC_KEYS.filter((key) => !own.includes(key) && key !== 'name' && given[key] === NEUTRAL[key as keyof typeof NEUTRAL]);
  checkOptionKeys(given, [...own, ...neutral], `${full.name} optimizer options`, unsupportedOptimizerOptions);
  for (const [key, value] of Object.entries(given)) {
    if (value !== undefined && key !== 'name') (full as Record<string, unknown>)[key] = value;
  }
  return checkSpec(full);
}

function checkSpec(full: Required<OptimizerSpec>): Required<OptimizerSpec> {
  const where = full.name;
  if (full.learningRateSchedule !== null) {
    const schedule = learningRateScheduleSpec(full.learningRateSchedule);
    (full as { learningRateSchedule: unknown }).learningRateSchedule = schedule;
    (full as { learningRate: number }).learningRate = scheduledLearningRate(schedule, 0);
  } else if (!(typeof full.learningRate === 'number' && full.learningRate > 0 && Number.isFinite(full.learningRate))) {
    throw new ArgumentError(`${where} learningRate must be a positive finite number, got ${describeValue(full.learningRate)}`);
  }
  if (full.name !== 'sgd' && !(typeof full.epsilon === 'number' && full.epsilon > 0 && Number.isFinite(full.epsilon))) {
    throw new ArgumentError(`${where} epsilon must be a positive finite number, got ${describeValue(full.epsilon)}`);
  }
  for (const key of ['momentum', 'beta1', 'beta2', 'rho'] as const) {
    if (!(typeof full[key] === 'number' && full[key] >= 0 && full[key] < 1)) {
      throw new ArgumentError(`${where} ${key} must be in [0, 1), got ${describeValue(full[key])}`);
    }
  }
  for (const key of ['initialAccumulatorValue', 'weightDecay', 'clipnorm', 'clipvalue', 'globalClipnorm'] as const) {
    if (!(typeof full[key] === 'number' && full[key] >= 0 && Number.isFinite(full[key]))) {
      throw new ArgumentError(`${where} ${key} must be a non-negative finite number, got ${describeValue(full[key])}`);
    }
  }
  // Keras 3's BaseOptimizer: "Only one of `clipnorm`, `clipvalue` and `global_clipnorm` can be set."
  const clipping = (['clipnorm', 'clipvalue', 'globalClipnorm'] as const).filter((key) => full[key] > 0);
  if (clipping.length > 1) throw new ArgumentError(`${where}: only one of clipnorm, clipvalue and globalClipnorm can be set, got ${clipping.join(' and ')}`);
  checkBooleanOption(full.nesterov, 'nesterov', `${where} optimizer options`);
  return full;
}
