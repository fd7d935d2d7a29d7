import { InvalidArgumentError } from 'commander';

/**
 * Parsers for option values, in commander's `argParser` shape. A bad value throws commander's
 * `InvalidArgumentError`, which commander turns into
 * `option '--epochs <n>' argument '0' is invalid. Expected a positive integer.`
 */

export type EngineName = 'scratch' | 'tfjs';
export const engineNames: readonly EngineName[] = ['scratch', 'tfjs'];

export type TfjsBackendName = 'node' | 'wasm' | 'cpu';
export const tfjsBackendNames: readonly TfjsBackendName[] = ['node', 'wasm', 'cpu'];

/** 0 quiet (results only), 1 one line per epoch, 2 also per-batch progress. */
export type Verbosity = 0 | 1 | 2;

const DIGITS = /^\d+$/;

function integer(value: string, min: number, expected: string): number {
  const n = DIGITS.test(value) ? Number(value) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min) throw new InvalidArgumentError(`Expected ${expected}.`);
  return n;
}

/** `1`, `2`, … (no sign, no decimals, no exponent). */
export function parsePositiveInteger(value: string): number {
  return integer(value, 1, 'a positive integer');
}

/** `0`, `1`, … */
export function parseNonNegativeInteger(value: string): number {
  return integer(value, 0, 'a non-negative integer');
}

/** A finite decimal above 0: `0.01`, `1e-3`. */
export function parsePositiveNumber(value: string): number {
  const n = /^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim()) ? Number(value) : Number.NaN;
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('Expected a number greater than 0.');
  return n;
}

/** A comma-separated list of engines, e.g. `scratch,tfjs`; duplicates collapse, order is kept. */
export function parseEngineList(value: string): EngineName[] {
  const names = value.split(',').map((s) => s.trim());
  const engines: EngineName[] = [];
  for (const name of names) {
    if (!(engineNames as readonly string[]).includes(name)) {
      const shown = name === '' ? 'an empty name' : `"${name}"`;
      throw new InvalidArgumentError(`Expected engines from ${engineNames.join(', ')} separated by commas, got ${shown}.`);
    }
    if (!engines.includes(name as EngineName)) engines.push(name as EngineName);
  }
  return engines;
}

export function parseVerbosity(value: string): Verbosity {
  if (value !== '0' && value !== '1' && value !== '2') throw new InvalidArgumentError('Expected 0, 1 or 2.');
  return Number(value) as Verbosity;
}
