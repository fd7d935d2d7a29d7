import {
  CONSTRAINT_DESCRIPTORS,
  type ConstraintName,
  type ConstraintString,
  constraintNames,
  REGULARIZER_DESCRIPTORS,
  type RegularizerName,
  type RegularizerString,
  regularizerNames,
} from '../descriptors/regularizer-descriptors';
import { ArgumentError, describeValue, UnknownNameError } from '../errors';
import { checkOptionKeys } from '../options/check-option-keys';

/** A resolved regularizer, in tfjs's serialized form (every tfjs regularizer is an `L1L2`). */
export interface RegularizerConfig {
  readonly className: 'L1L2';
  readonly config: { readonly l1: number; readonly l2: number };
}

/** A resolved constraint, in tfjs's serialized form (`{ className: 'MaxNorm', config: { maxValue, axis } }`). */
export type ConstraintConfig =
  | { readonly className: 'MaxNorm'; readonly config: { readonly maxValue: number; readonly axis: number } }
  | { readonly className: 'NonNeg'; readonly config: Readonly<Record<string, never>> }
  | { readonly className: 'UnitNorm'; readonly config: { readonly axis: number } };

/** A serialized object as Keras (`class_name`) or tfjs (`className`) writes it, with its config. */
export interface SerializedObject {
  readonly className?: string;
  readonly class_name?: string;
  readonly config?: Readonly<Record<string, unknown>>;
}

/** A tfjs object such as `tf.regularizers.l2()` or `tf.constraints.maxNorm()`: a serializable with its class and config. */
export interface TfjsSerializable {
  getClassName(): string;
  getConfig(): Record<string, unknown>;
}

/** `'l2'`, `'l1l2'`, `regularizers.l2({ l2: 0.01 })`, `tf.regularizers.l2()`, or Keras's `{ class_name: 'L2', config: { l2 } }`. */
export type RegularizerIdentifier = RegularizerString | RegularizerConfig | SerializedObject | TfjsSerializable;
/** `'maxNorm'`, `'max_norm'`, `constraints.maxNorm({ maxValue: 2 })`, `tf.constraints.nonNeg()`, or a serialized constraint. */
export type ConstraintIdentifier = ConstraintString | ConstraintConfig | SerializedObject | TfjsSerializable;

const REGULARIZER_CLASSES: Readonly<Record<string, RegularizerName>> = Object.fromEntries(
  regularizerNames.map((name) => [REGULARIZER_DESCRIPTORS[name].kerasClass, name]),
);
const CONSTRAINT_CLASSES: Readonly<Record<string, ConstraintName>> = Object.fromEntries(
  constraintNames.map((name) => [CONSTRAINT_DESCRIPTORS[name].kerasClass, name]),
);

/** `{ class, config }` of a serialized object or a tfjs serializable; null for anything else. */
function serialized(value: unknown): { className: string; config: Record<string, unknown> } | null {
  if (value === null || typeof value !== 'object') return null;
  const tfjs = value as Partial<TfjsSerializable>;
  if (typeof tfjs.getClassName === 'function' && typeof tfjs.getConfig === 'function') return { className: tfjs.getClassName(), config: tfjs.getConfig() };
  const s = value as SerializedObject;
  const className = s.className ?? s.class_name;
  if (typeof className !== 'string') return null;
  const config = s.config ?? {};
  if (config === null || typeof config !== 'object') throw new ArgumentError(`config of ${className} must be an object, got ${describeValue(config)}`);
  return { className, config: config as Record<string, unknown> };
}

/** A coefficient read from a config: a finite number ≥ 0. */
function coefficient(value: unknown, fallback: number, what: string): number {
  if (value === undefined || value === null) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ArgumentError(`${what} must be a finite number >= 0, got ${describeValue(value)}`);
  return value;
}

/**
 * Resolve a regularizer given by name or object (`where` names the argument for messages): `'l1'` and
 * `'l2'` are 0.01 (Keras and tfjs agree), `'l1l2'` is tfjs's l1 = l2 = 0.01. `null` / `undefined` mean none.
 */
export function resolveRegularizer(value: unknown, where: string): RegularizerConfig | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const entry = regularizerNames.find((n) => n === value || REGULARIZER_DESCRIPTORS[n].keras === value);
    if (!entry) throw new UnknownNameError(`regularizer (${where})`, value, regularizerNames);
    const { l1, l2 } = REGULARIZER_DESCRIPTORS[entry].defaults;
    return { className: 'L1L2', config: { l1, l2 } };
  }
  const object = serialized(value);
  if (!object) throw new ArgumentError(`${where} must be a regularizer name ('l1', 'l2', 'l1l2') or object such as regularizers.l2({ l2: 0.01 }), got ${describeValue(value)}`);
  const name = Object.hasOwn(REGULARIZER_CLASSES, object.className) ? REGULARIZER_CLASSES[object.className] : undefined;
  if (!name) throw new UnknownNameError(`regularizer class (${where})`, object.className, Object.keys(REGULARIZER_CLASSES));
  const keys = name === 'l1' ? ['l1'] : name === 'l2' ? ['l2'] : ['l1', 'l2'];
  checkOptionKeys(object.config, keys, `${where} ${object.className} config`);
  // A class given without a coefficient takes Keras's class default (tfjs's factories always write both).
  const defaults = REGULARIZER_DESCRIPTORS[name].kerasDefaults;
  const l1 = name === 'l2' ? 0 : coefficient(object.config.l1, defaults.l1, `${where} l1`);
  const l2 = name === 'l1' ? 0 : coefficient(object.config.l2, defaults.l2, `${where} l2`);
  return { className: 'L1L2', config: { l1, l2 } };
}

/** Resolve a constraint given by name or object; `null` / `undefined` mean none. */
export function resolveConstraint(value: unknown, where: string): ConstraintConfig | null {
  if (value === undefined || value === null) return null;
  let name: ConstraintName | undefined;
  let config: Record<string, unknown> = {};
  if (typeof value === 'string') {
    name = constraintNames.find((n) => n === value || CONSTRAINT_DESCRIPTORS[n].keras === value);
    if (!name) throw new UnknownNameError(`constraint (${where})`, value, constraintNames.flatMap((n) => [n, CONSTRAINT_DESCRIPTORS[n].keras]));
  } else {
    const object = serialized(value);
    if (!object) throw new ArgumentError(`${where} must be a constraint name ('maxNorm', 'nonNeg', 'unitNorm') or object such as constraints.maxNorm({ maxValue: 2 }), got ${describeValue(value)}`);
    name = Object.hasOwn(CONSTRAINT_CLASSES, object.className) ? CONSTRAINT_CLASSES[object.className] : undefined;
    if (!name) throw new UnknownNameError(`constraint class (${where})`, object.className, Object.keys(CONSTRAINT_CLASSES));
    // tfjs writes camelCase keys, Keras snake_case.
    config = Object.fromEntries(Object.entries(object.config).map(([k, v]) => [k === 'max_value' ? 'maxValue' : k, v]));
    checkOptionKeys(config, name === 'maxNorm' ? ['maxValue', 'axis'] : name === 'unitNorm' ? ['axis'] : [], `${where} ${object.className} config`);
  }
  const defaults: { maxValue?: number; axis?: number } = CONSTRAINT_DESCRIPTORS[name].defaults;
  const axis = config.axis ?? defaults.axis;
  if (name !== 'nonNeg' && !Number.isInteger(axis)) throw new ArgumentError(`${where} axis must be an integer, got ${describeValue(axis)}`);
  if (name === 'nonNeg') return { className: 'NonNeg', config: {} };
  if (name === 'unitNorm') return { className: 'UnitNorm', config: { axis: axis as number } };
  const maxValue = config.maxValue ?? defaults.maxValue;
  if (typeof maxValue !== 'number' || !Number.isFinite(maxValue) || maxValue <= 0) throw new ArgumentError(`${where} maxValue must be a positive finite number, got ${describeValue(maxValue)}`);
  return { className: 'MaxNorm', config: { maxValue, axis: axis as number } };
}
