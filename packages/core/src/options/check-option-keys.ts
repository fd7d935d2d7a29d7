import { ArgumentError, describeValue, NotSupportedError, UnknownOptionError } from '../errors';
import { closestName } from './closest-name';

/**
 * Throw UnknownOptionError for the first key of `options` that is not in `allowed`, naming the
 * closest valid key. Keras raises `TypeError: Unrecognized keyword arguments` for the same mistake;
 * here a misspelt option must never be ignored (`{ epoch: 50 }` would otherwise train one epoch).
 * `where` names the call in the message, e.g. `fit options` or `Dense "dense_1" arguments`.
 * Keys in `unsupported` (Keras / tfjs options not implemented yet) throw NotSupportedError when
 * given a value; they are suggested for near misses (`class_weight` → `classWeight`) but not listed
 * as expected.
 */
export function checkOptionKeys(options: unknown, allowed: readonly string[], where: string, unsupported: readonly string[] = []): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ArgumentError(`${where} must be an object, got ${describeValue(options)}`);
  }
  for (const [key, value] of Object.entries(options)) {
    if (allowed.includes(key)) continue;
    if (unsupported.includes(key)) {
      if (value !== undefined) throw new NotSupportedError(where, key);
      continue;
    }
    throw new UnknownOptionError(where, key, allowed, closestName(key, [...allowed, ...unsupported]));
  }
}

/**
 * Throw for an option that is accepted by Keras / tfjs but not implemented here yet, when it is
 * given (not undefined). Better a loud "not supported yet" than a setting that silently does nothing.
 */
export function rejectUnsupportedOptions(options: object | undefined, unsupported: readonly string[], where: string): void {
  if (options === null || typeof options !== 'object') return;
  for (const key of unsupported) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) throw new NotSupportedError(where, key);
  }
}

/** Booleans stay booleans: `shuffle: 'no'` is a mistake, not a truthy value. */
export function checkBooleanOption(value: unknown, name: string, where: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  throw new ArgumentError(`${where}: ${name} must be true or false, got ${describeValue(value)}`);
}
