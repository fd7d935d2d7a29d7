import { AllocationCapError, withAllocationCap } from './allocation-cap';
import type { Mutated } from './byte-mutations';
import type { RandomSource } from './random-source';

/**
 * Runs a seeded fuzz campaign against one target and tallies each case as loaded (the input was
 * accepted), typed (it threw one of the library's typed errors) or other (any other throw, or a
 * case over the time or memory bound): the last is always a bug. Case `i` of seed `s` uses its own
 * generator `rng(s * 1_000_003 + i)` (core's `Rng`, passed in), so any case can be replayed alone.
 */

type ErrorClass = abstract new (...args: never[]) => Error;

export interface FuzzTarget<T> {
  /** Shown in the tally, e.g. `readIdx`. */
  readonly name: string;
  /** Valid inputs the mutations start from. */
  readonly seeds: readonly T[];
  /** Mutate one seed (chosen by the runner). */
  mutate(seed: T, rng: RandomSource): Mutated<T>;
  /** Feed the input to the code under test; return normally when it was accepted. */
  run(input: T): unknown;
  /** Error classes that count as typed: `BackpropError` from core, plus any a package has of its own. */
  readonly typedErrors: readonly ErrorClass[];
  /** The seeded generator, e.g. `(seed) => new Rng(seed)` with core's `Rng`. */
  readonly rng: (seed: number) => RandomSource;
}

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** A case slower than this is a failure (default 5000 ms: generous for a loaded 2-core machine). */
  maxCaseMs?: number;
  /** Largest single typed-array allocation a case may make (default 256 MiB). */
  maxAllocationBytes?: number;
  /** A case whose RSS grows more than this is a failure (default 512 MiB). */
  maxRssGrowthBytes?: number;
  /** Keep at most this many distinct failures (default 20). */
  maxFailures?: number;
}

export interface FuzzFailure {
  readonly caseIndex: number;
  readonly mutation: string;
  readonly kind: 'untyped error' | 'allocation over the cap' | 'too slow' | 'too much memory';
  readonly errorClass: string;
  readonly message: string;
  /** The first stack frames outside the fuzzer, to locate the throw. */
  readonly where: string;
}

export interface FuzzTally {
  readonly target: string;
  readonly seed: number;
  readonly cases: number;
  readonly loaded: number;
  readonly typed: number;
  readonly other: number;
  /** Distinct failures (by kind, class and message with numbers blanked), first occurrence of each. */
  readonly failures: readonly FuzzFailure[];
  readonly slowestCaseMs: number;
  readonly largestRssGrowthBytes: number;
}

const MiB = 1024 * 1024;

/**
 * Errors are read by shape, not `instanceof Error`: under jest the code under test runs in its own
 * realm, and errors Node's fs creates come from another one.
 */
function errorField(error: unknown, field: 'stack' | 'message'): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const value = (error as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : undefined;
}

function errorClassOf(error: unknown): string {
  if (error === null || typeof error !== 'object') return typeof error;
  return (error as { constructor?: { name?: string } }).constructor?.name ?? 'object';
}

function whereThrown(error: unknown): string {
  const stack = errorField(error, 'stack') ?? '';
  const frames = stack
    .split('\n')
    .slice(1)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('at ') && !line.includes('allocation-cap') && !line.includes('fuzz-runner'));
  // The library's own frames say where to fix it; Node's internals (node:fs) only where it surfaced.
  const own = frames.filter((line) => !line.includes('(node:') && !line.startsWith('at node:'));
  return (own.length > 0 ? own : frames).slice(0, 3).join(' <- ');
}

/** The error's message, shortened: a hostile 5000-character path should not flood the report. */
function messageOf(error: unknown): string {
  const message = errorField(error, 'message') ?? String(error);
  return message.length > 300 ? `${message.slice(0, 300)}...(${message.length} chars)` : message;
}

export async function runFuzz<T>(target: FuzzTarget<T>, options: FuzzOptions): Promise<FuzzTally> {
  const maxCaseMs = options.maxCaseMs ?? 5000;
  const cap = options.maxAllocationBytes ?? 256 * MiB;
  const maxRss = options.maxRssGrowthBytes ?? 512 * MiB;
  const maxFailures = options.maxFailures ?? 20;
  const { typedErrors } = target;
  let loaded = 0;
  let typed = 0;
  let other = 0;
  let slowestCaseMs = 0;
  let largestRssGrowthBytes = 0;
  const failures: FuzzFailure[] = [];
  const seen = new Set<string>();
  const fail = (failure: FuzzFailure) => {
    other++;
    const key = `${failure.kind}|${failure.errorClass}|${failure.message.replace(/\d+/g, 'N').slice(0, 120)}`;
    if (seen.has(key) || failures.length >= maxFailures) return;
    seen.add(key);
    failures.push(failure);
  };
  for (let i = 0; i < options.cases; i++) {
    const rng = target.rng(options.seed * 1_000_003 + i);
    const seedInput = target.seeds[rng.int(target.seeds.length)];
    let mutation: Mutated<T>;
    try {
      mutation = target.mutate(seedInput, rng);
    } catch (error) {
      throw new Error(`fuzz target ${target.name}: mutate() threw on case ${i}: ${messageOf(error)}`);
    }
    const rssBefore = process.memoryUsage.rss();
    const started = performance.now();
    let outcome: 'loaded' | 'typed' | unknown = 'loaded';
    let violation: AllocationCapError | undefined;
    try {
      await withAllocationCap(cap, () => target.run(mutation.value), (error) => {
        violation ??= error;
      });
    } catch (error) {
      outcome = typedErrors.some((c) => error instanceof c) ? 'typed' : error;
    }
    // An allocation over the cap is a failure even when the code caught it and threw a typed error instead.
    if (violation !== undefined) outcome = violation;
    const ms = performance.now() - started;
    const rssGrowth = process.memoryUsage.rss() - rssBefore;
    slowestCaseMs = Math.max(slowestCaseMs, ms);
    largestRssGrowthBytes = Math.max(largestRssGrowthBytes, rssGrowth);
    const base = { caseIndex: i, mutation: mutation.description };
    if (outcome !== 'loaded' && outcome !== 'typed') {
      const capped = outcome instanceof AllocationCapError;
      fail({
        ...base,
        kind: capped ? 'allocation over the cap' : 'untyped error',
        errorClass: errorClassOf(outcome),
        message: messageOf(outcome),
        where: whereThrown(outcome),
      });
    } else if (ms > maxCaseMs) {
      fail({ ...base, kind: 'too slow', errorClass: '-', message: `took ${Math.round(ms)} ms, bound ${maxCaseMs} ms`, where: '' });
    } else if (rssGrowth > maxRss) {
      fail({ ...base, kind: 'too much memory', errorClass: '-', message: `RSS grew ${Math.round(rssGrowth / MiB)} MiB, bound ${maxRss / MiB} MiB`, where: '' });
    } else if (outcome === 'loaded') loaded++;
    else typed++;
  }
  return { target: target.name, seed: options.seed, cases: options.cases, loaded, typed, other, failures, slowestCaseMs, largestRssGrowthBytes };
}

/** The one-line tally and, below it, each distinct failure. */
export function formatTally(tally: FuzzTally): string {
  const lines = [
    `fuzz ${tally.target} (seed ${tally.seed}): ${tally.cases} cases / ${tally.loaded} loaded / ${tally.typed} typed errors / ${tally.other} other` +
      ` (slowest case ${Math.round(tally.slowestCaseMs)} ms, largest RSS growth ${Math.round(tally.largestRssGrowthBytes / MiB)} MiB)`,
  ];
  for (const f of tally.failures) {
    lines.push(`  case ${f.caseIndex} [${f.kind}] ${f.errorClass}: ${f.message}`);
    lines.push(`    mutation: ${f.mutation.slice(0, 300)}`);
    if (f.where) lines.push(`    at: ${f.where}`);
  }
  return lines.join('\n');
}
