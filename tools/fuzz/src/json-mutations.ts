import type { RandomSource as Rng } from './random-source';
import type { Mutated } from './byte-mutations';

/**
 * Structured mutations of a parsed JSON document (model.json, a network file): one value somewhere
 * in the tree is replaced by a hostile one, or its key is deleted. Manifest paths get the hostile
 * paths a model folder must never let out of itself.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Paths a weights manifest might name to escape the model folder or confuse the file system. */
export const HOSTILE_PATHS: readonly string[] = [
  '../x',
  '../../../../etc/passwd',
  '/etc/passwd',
  '.',
  '..',
  '',
  'weights.bin/',
  '%2e%2e/x',
  '..\\x',
  'C:\\Windows\\win.ini',
  'weights.bin\u0000.txt',
  'file:///etc/passwd',
  'a'.repeat(5000),
  `${'d/'.repeat(300)}weights.bin`,
];

/** Numbers that break size arithmetic or validation. */
export const HOSTILE_NUMBERS: readonly number[] = [0xffffffff, 0x7fffffff, 2 ** 53, 1e308, 1e21, -1, -(2 ** 31), 0, 0.5, -0];

/** Values of the wrong type. */
const WRONG_TYPES: readonly Json[] = [null, true, 'x', '1', 'NaN', 'Infinity', [], {}, [1, 2, 3], { length: 1e9 }];

type Step = { key: string | number; parent: Json[] | { [key: string]: Json } };

/** Every (parent, key) in the tree, root excluded. */
function slots(root: Json): Step[] {
  const out: Step[] = [];
  const visit = (node: Json) => {
    if (Array.isArray(node)) node.forEach((child, i) => { out.push({ key: i, parent: node }); visit(child); });
    else if (node !== null && typeof node === 'object') {
      for (const key of Object.keys(node)) {
        out.push({ key, parent: node });
        visit(node[key]);
      }
    }
  };
  visit(root);
  return out;
}

function pickFrom<T>(items: readonly T[], rng: Rng): T {
  return items[rng.int(items.length)];
}

function describe(value: Json): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...(${text.length} chars)` : text;
}

/**
 * Replace one value, or delete one key, of a deep copy of `doc`. `pathKeys` names keys whose
 * string values are file paths; those get `HOSTILE_PATHS` more often.
 */
export function mutateJson(doc: unknown, rng: Rng, options: { pathKeys?: readonly string[] } = {}): Mutated<unknown> {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  const all = slots(copy);
  if (all.length === 0) return { value: pickFrom(WRONG_TYPES, rng), description: 'replace the root' };
  const pathKeys = new Set(options.pathKeys ?? ['paths']);
  // Bias towards path slots so hostile manifest paths are tried often enough to matter.
  const pathSlots = all.filter(({ parent, key }) => {
    const owner = Array.isArray(parent) ? null : key;
    return (owner !== null && pathKeys.has(String(owner))) || (Array.isArray(parent) && typeof parent[key as number] === 'string');
  });
  const slot = pathSlots.length > 0 && rng.uniform() < 0.2 ? pickFrom(pathSlots, rng) : pickFrom(all, rng);
  const { parent, key } = slot;
  const old = (parent as Record<string, Json>)[key as string];
  const where = `at ${typeof key === 'number' ? `[${key}]` : `"${key}"`} (was ${describe(old)})`;
  const op = rng.int(5);
  let next: Json;
  if (op === 0 && !Array.isArray(parent)) {
    delete parent[key as string];
    return { value: copy, description: `delete key "${key}" (was ${describe(old)})` };
  }
  if (op === 1 || (op === 0 && Array.isArray(parent))) next = pickFrom(HOSTILE_NUMBERS, rng);
  else if (op === 2) next = pickFrom(WRONG_TYPES, rng);
  else if (op === 3) next = pickFrom(HOSTILE_PATHS, rng);
  else if (typeof old === 'number') next = old * (rng.uniform() < 0.5 ? -1 : 1000);
  else if (Array.isArray(old)) next = rng.uniform() < 0.5 ? [] : [...old, ...old];
  else next = pickFrom(HOSTILE_NUMBERS, rng);
  (parent as Record<string, Json>)[key as string] = next;
  return { value: copy, description: `set ${where} to ${describe(next)}` };
}
