import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileAccessError, removeStaleTempFiles, writeFileAtomic } from '@backprop/core';

/**
 * The file protocol of a model folder: `model.json` plus one weights file, replaced all-or-nothing.
 *
 * A folder is only ever read through its model.json, whose weightsManifest names the weights file
 * (tfjs-core `io.ModelJSON`), so each save writes its weights under a new name, `weights.<hash>.bin`, and
 * then atomically replaces model.json to name them. Killed or out of disk at any moment, the folder holds
 * either the old model.json with the old weights, or the new model.json with the new weights; weights
 * files no model.json names any more are removed afterwards, and by the next save if a crash came first.
 * One process saves into a folder at a time (as with tfjs): a save removes weights files no model.json names,
 * which another process's save in flight would be writing. Temp files of a live process are never removed.
 * Porting note: tfjs-node writes `weights.bin` in place, and a crash between its two writes can leave a
 * folder that does not load; `tf.loadLayersModel` reads our folders all the same, as it follows the
 * manifest's paths.
 */

export const MODEL_JSON = 'model.json';

/** Our weights file names: `weights.` + the first 16 hex digits of the bytes' SHA-256 + `.bin`. */
const WEIGHTS_NAME = /^weights\.[0-9a-f]{16}\.bin$/;

/** The weights file name for these bytes; saving the same weights again writes the same name. */
export function weightsFileName(bin: Uint8Array): string {
  return `weights.${createHash('sha256').update(bin).digest('hex').slice(0, 16)}.bin`;
}

/**
 * Write `json` (whose manifest names `weightsFileName(bin)`) and `bin` into `dir`, all-or-nothing (see
 * above). Creates `dir` if needed. File-system failures are FileAccessErrors naming the path; the previous
 * model then still loads. Files this save does not own are never touched: only temp files of model.json and
 * of our weights names, our orphaned `weights.<hash>.bin`, and the `.bin` files the replaced model.json named.
 */
export function writeModelFolder(dir: string, json: unknown, bin: Uint8Array, weightsFile: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw fileAccessError(error, dir, 'Cannot create model directory', 'a directory path (or one that can be created) to save the model into');
  }
  const jsonPath = join(dir, MODEL_JSON);
  const previous = weightsNamedBy(jsonPath);
  try {
    // Leftovers of an interrupted save go first: they may be what filled the disk.
    removeStaleTempFiles(dir, (target) => target === MODEL_JSON || WEIGHTS_NAME.test(target));
  } catch (error) {
    throw fileAccessError(error, dir, 'Cannot clean model directory', 'a readable, writable directory');
  }
  writeFileAtomic(join(dir, weightsFile), bin, { what: 'weights file' });
  try {
    writeFileAtomic(jsonPath, `${JSON.stringify(json, null, 2)}\n`, { what: 'model.json' });
  } catch (error) {
    // Unless the rename went through (and a later step, the directory's fsync, failed), model.json still
    // names the previous weights: the new ones are nobody's (and may be what filled the disk), so they go.
    try {
      if (!weightsNamedBy(jsonPath).includes(weightsFile)) rmSync(join(dir, weightsFile), { force: true });
    } catch {
      // Reported below is the failure that matters; the next save removes these weights.
    }
    throw error;
  }
  // model.json now names the new weights; what it named before, and orphans of crashed saves, can go.
  let path = dir;
  try {
    const orphans = new Set(previous.filter((name) => name !== weightsFile));
    for (const name of readdirSync(dir)) if (WEIGHTS_NAME.test(name) && name !== weightsFile) orphans.add(name);
    for (const name of orphans) {
      path = join(dir, name);
      rmSync(path, { force: true });
    }
  } catch (error) {
    throw fileAccessError(error, path, 'The model was saved, but cannot remove the old weights file', 'a writable directory');
  }
}

/**
 * The weights files an existing model.json names that a save may delete once it is replaced: plain `.bin`
 * file names in the folder (tfjs's `weights.bin`, the converter's `group1-shard1of1.bin`, ours). Anything
 * else — other paths, an unreadable or foreign model.json — is left alone.
 */
function weightsNamedBy(jsonPath: string): string[] {
  let manifest: unknown;
  try {
    manifest = (JSON.parse(readFileSync(jsonPath, 'utf8')) as { weightsManifest?: unknown })?.weightsManifest;
  } catch {
    return []; // no previous model (or not one of ours to clean up after): nothing to delete
  }
  if (!Array.isArray(manifest)) return [];
  return manifest
    .flatMap((group) => (Array.isArray(group?.paths) ? (group.paths as unknown[]) : []))
    .filter((path): path is string => typeof path === 'string' && /^[^/\\]+\.bin$/.test(path) && !path.startsWith('.'));
}
