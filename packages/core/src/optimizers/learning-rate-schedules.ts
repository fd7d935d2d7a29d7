import { ArgumentError, describeValue, UnknownNameError } from '../errors';
import { checkBooleanOption, checkOptionKeys } from '../options/check-option-keys';
import { optionKeys } from '../options/option-keys';

/** `keras.optimizers.schedules.ExponentialDecay`: lr = initial · rate^(step / steps), the exponent floored when `staircase`. */
export interface ExponentialDecayConfig {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  readonly decayRate: number;
  /** Default false. */
  readonly staircase?: boolean;
}

/** `keras.optimizers.schedules.PiecewiseConstantDecay`: values[0] while step ≤ boundaries[0], values[1] while ≤ boundaries[1], … */
export interface PiecewiseConstantDecayConfig {
  readonly boundaries: readonly number[];
  readonly values: readonly number[];
}

/**
 * `keras.optimizers.schedules.CosineDecay`: with `warmupTarget`, a linear warm-up from `initialLearningRate`
 * to `warmupTarget` over `warmupSteps`, then a cosine from there to `alpha` times it over `decaySteps`.
 */
export interface CosineDecayConfig {
  readonly initialLearningRate: number;
  readonly decaySteps: number;
  /** Default 0. */
  readonly alpha?: number;
  /** Default none (no warm-up). */
  readonly warmupTarget?: number | null;
  /** Default 0. */
  readonly warmupSteps?: number;
}

/** A learning-rate schedule in Keras's serialised shape (`{ class_name, config }`), so it travels in JSON. */
export type LearningRateScheduleSpec =
  | { readonly className: 'ExponentialDecay'; readonly config: ExponentialDecayConfig }
  | { readonly className: 'PiecewiseConstantDecay'; readonly config: PiecewiseConstantDecayConfig }
  | { readonly className: 'CosineDecay'; readonly config: CosineDecayConfig };

export type LearningRateScheduleName = LearningRateScheduleSpec['className'];

const CONFIG_KEYS: Record<LearningRateScheduleName, readonly string[]> = {
  ExponentialDecay: optionKeys<ExponentialDecayConfig>()(['initialLearningRate', 'decaySteps', 'decayRate', 'staircase']),
  PiecewiseConstantDecay: optionKeys<PiecewiseConstantDecayConfig>()(['boundaries', 'values']),
  CosineDecay: optionKeys<CosineDecayConfig>()(['initialLearningRate', 'decaySteps', 'alpha', 'warmupTarget', 'warmupSteps']),
};

export const learningRateScheduleNames = Object.keys(CONFIG_KEYS) as LearningRateScheduleName[];

/**
 * The learning rate at optimizer step `step` (0 for the first update: Keras evaluates the schedule at
 * `optimizer.iterations` before incrementing it). Float64 here; Keras computes in float32.
 */
export function scheduledLearningRate(schedule: LearningRateScheduleSpec, step: number): number {
  switch (schedule.className) {
    case 'ExponentialDecay': {
      const c = schedule.config;
      const p = step / c.decaySteps;
      return c.initialLearningRate * c.decayRate ** (c.staircase ? Math.floor(p) : p);
    }
    case 'PiecewiseConstantDecay': {
      const { boundaries, values } = schedule.config;
      const index = boundaries.findIndex((b) => step <= b);
      return values[index === -1 ? values.length - 1 : index];
    }
    case 'CosineDecay': {
      const c = schedule.config;
      const alpha = c.alpha ?? 0;
      const decay = (s: number, from: number) => from * ((1 - alpha) * 0.5 * (1 + Math.cos((Math.PI * s) / c.decaySteps)) + alpha);
      if (c.warmupTarget === undefined || c.warmupTarget === null) return decay(Math.min(step, c.decaySteps), c.initialLearningRate);
      const warmupSteps = c.warmupSteps ?? 0;
      const s = Math.min(step, c.decaySteps + warmupSteps);
      if (s < warmupSteps) return (c.warmupTarget - c.initialLearningRate) * (s / warmupSteps) + c.initialLearningRate;
      return decay(s - warmupSteps, c.warmupTarget);
    }
  }
}

function finite(value: unknown, what: string, where: string, test: (v: number) => boolean = () => true, expected = 'a finite number'): void {
  if (!(typeof value === 'number' && Number.isFinite(value) && test(value))) throw new ArgumentError(`${where} ${what} must be ${expected}, got ${describeValue(value)}`);
}

/** Check a schedule (an instance of the facade's classes or a plain `{ className, config }`) and return a plain copy. */
export function learningRateScheduleSpec(value: unknown): LearningRateScheduleSpec {
  const given = value as { className?: unknown; config?: unknown };
  if (given === null || typeof given !== 'object' || typeof given.className !== 'string') {
    throw new ArgumentError(`a learning-rate schedule must be { className, config } such as new ExponentialDecay({ … }), got ${describeValue(value)}`);
  }
  const name = given.className;
  if (!Object.hasOwn(CONFIG_KEYS, name)) throw new UnknownNameError('learning-rate schedule', name, learningRateScheduleNames);
  const where = `${name} config`;
  checkOptionKeys(given.config, CONFIG_KEYS[name as LearningRateScheduleName], where);
  const config = { ...(given.config as object) } as Record<string, unknown>;
  if (name === 'PiecewiseConstantDecay') {
    const { boundaries, values } = config as { boundaries: unknown; values: unknown };
    if (!Array.isArray(boundaries) || !Array.isArray(values)) throw new ArgumentError(`${where} needs arrays boundaries and values, got ${describeValue(boundaries)} and ${describeValue(values)}`);
    // Keras: "The length of boundaries should be 1 less than the length of values".
    if (boundaries.length !== values.length - 1 || values.length === 0) {
      throw new ArgumentError(`${where}: the length of boundaries should be 1 less than the length of values, got ${boundaries.length} boundaries and ${values.length} values`);
    }
    boundaries.forEach((b, i) => finite(b, `boundaries[${i}]`, where, (v) => i === 0 || v > boundaries[i - 1], 'a finite number above the previous boundary'));
    values.forEach((v, i) => finite(v, `values[${i}]`, where, (x) => x > 0, 'a positive finite number'));
    return { className: name, config: { boundaries: [...boundaries], values: [...values] } };
  }
  finite(config.initialLearningRate, 'initialLearningRate', where, (v) => v >= 0, 'a non-negative finite number');
  // Keras: "Argument `decay_steps` must be > 0".
  finite(config.decaySteps, 'decaySteps', where, (v) => v > 0, 'a number > 0');
  if (name === 'ExponentialDecay') {
    finite(config.decayRate, 'decayRate', where, (v) => v > 0, 'a positive finite number');
    const staircase = checkBooleanOption(config.staircase as boolean | undefined, 'staircase', where) ?? false;
    return { className: name, config: { ...(config as unknown as ExponentialDecayConfig), staircase } };
  }
  if (config.alpha !== undefined) finite(config.alpha, 'alpha', where, (v) => v >= 0 && v <= 1, 'in [0, 1]');
  if (config.warmupTarget !== undefined && config.warmupTarget !== null) finite(config.warmupTarget, 'warmupTarget', where, (v) => v >= 0, 'a non-negative finite number');
  if (config.warmupSteps !== undefined) finite(config.warmupSteps, 'warmupSteps', where, (v) => Number.isInteger(v) && v >= 0, 'a non-negative integer');
  const cosine: CosineDecayConfig = {
    initialLearningRate: config.initialLearningRate as number,
    decaySteps: config.decaySteps as number,
    alpha: (config.alpha as number | undefined) ?? 0,
    warmupTarget: (config.warmupTarget as number | null | undefined) ?? null,
    warmupSteps: (config.warmupSteps as number | undefined) ?? 0,
  };
  return { className: 'CosineDecay', config: cosine };
}

/** True for a value shaped like a schedule (`{ className, config }`), as opposed to a number. */
export function isLearningRateSchedule(value: unknown): value is LearningRateScheduleSpec {
  return value !== null && typeof value === 'object' && typeof (value as { className?: unknown }).className === 'string';
}
