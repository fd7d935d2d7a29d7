import { readFileSync } from 'node:fs';
import { DatasetNotFoundError, DatasetReadError } from './dataset-errors';

/** Plain-language reasons for the errno codes a dataset read meets most. */
const REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a parent of it is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
};

/**
 * Read a whole dataset file. A missing one is a `DatasetNotFoundError` (`what` not found: expected a
 * file at …); any other file-system failure a `DatasetReadError` naming the path, code and what was expected.
 */
export function readDatasetFile(path: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DatasetNotFoundError(`${what} not found: expected a file at ${path}`, [path]);
    if (typeof code !== 'string') throw error;
    throw new DatasetReadError(path, code, `a readable ${what}`, REASONS[code] ?? (error as Error).message);
  }
}
