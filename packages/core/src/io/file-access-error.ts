import { BackpropError, FileAccessError } from '../errors';

/** What a system error code means, in the words of an error message (Linux / POSIX errno names, as Node reports them). */
const MEANINGS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EEXIST: 'a file of that name already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is too large',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  EBUSY: 'the resource is busy',
  EIO: 'an input/output error',
};

/**
 * A FileAccessError for a failed file-system call: `Cannot write model file "/m/x.json": ENOSPC (no space
 * left on the device); expected a writable directory with room for the file`. Typed errors pass through
 * unchanged, so a caller can wrap a block that mixes its own checks with file calls.
 */
export function fileAccessError(error: unknown, path: string, action: string, expected: string): BackpropError {
  if (error instanceof BackpropError) return error;
  const errno = error as NodeJS.ErrnoException | undefined;
  const code = typeof errno?.code === 'string' ? errno.code : 'UNKNOWN';
  const meaning = MEANINGS[code] ?? (error instanceof Error ? error.message : String(error));
  return new FileAccessError(path, code, `${action} ${JSON.stringify(path)}: ${code} (${meaning}); expected ${expected}`);
}
