import { mkdirSync } from 'node:fs';
import { writeFileAtomic } from '@backprop/core';
import { OutputWriteError } from './mnist-app-errors';

/** Plain words for the errno codes a user can fix; anything else keeps Node's own message. */
const REASONS: Record<string, string> = {
  ENOENT: 'directory does not exist',
  ENOTDIR: 'a parent path is not a directory',
  EISDIR: 'the path is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
};

/** Turn a failed fs call into a one-line `OutputWriteError`; rethrow anything that is not an fs error. */
export function toOutputWriteError(what: string, path: string, error: unknown): OutputWriteError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string') throw error;
  const message = (error as Error).message.split('\n')[0];
  return new OutputWriteError(what, path, code, REASONS[code] ?? message);
}

/**
 * Write `data` to `path` atomically (readers see the old file or the whole new one, and no temporary
 * file is left behind on failure). `what` names the output in the error, e.g. `results`.
 */
export function writeOutputFile(what: string, path: string, data: string | Uint8Array): void {
  try {
    writeFileAtomic(path, data);
  } catch (error) {
    throw toOutputWriteError(what, path, error);
  }
}

/** Create `dir` and its parents if missing; failure is reported against `forPath`, the file to be written. */
export function ensureOutputDirectory(what: string, dir: string, forPath: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw toOutputWriteError(what, forPath, error);
  }
}
