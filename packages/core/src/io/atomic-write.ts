import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileAccessError } from './file-access-error';

/**
 * Temporary files are named `.<target>.<pid>.<token>.tmp`: hidden, next to the file they will become, and
 * naming the process that writes them. The name is what lets a later write recognise the leftovers of an
 * interrupted one (SIGKILL, power loss) as its own and remove them, without touching any other file.
 */
const TEMP_NAME = /^\.(.+)\.(\d+)\.([0-9a-z]+)\.tmp$/;

export interface AtomicWriteOptions {
  /** What the file is, for error messages: `model file`, `weights file`; default `file`. */
  readonly what?: string;
}

/** The temporary name `writeFileAtomic` uses for a target file name. */
export function atomicTempName(target: string): string {
  return `.${target}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
}

/** The target and writer of a temporary file name from `atomicTempName`, or null for any other name. */
export function parseAtomicTempName(name: string): { target: string; pid: number } | null {
  const match = TEMP_NAME.exec(name);
  return match ? { target: match[1], pid: Number(match[2]) } : null;
}

/**
 * Remove the temporary files an interrupted `writeFileAtomic` left in `dir` for targets that `belongs`
 * accepts. A temp file of another process that is still running is left alone (it may be writing now);
 * one of this process is stale, as writes here are synchronous. Returns the names removed.
 */
export function removeStaleTempFiles(dir: string, belongs: (target: string) => boolean): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    const temp = parseAtomicTempName(name);
    if (!temp || !belongs(temp.target) || isOtherLiveProcess(temp.pid)) continue;
    rmSync(join(dir, name), { force: true });
    removed.push(name);
  }
  return removed;
}

/**
 * Write a file so that readers see either the old content or the whole new one, never a half-written
 * file, even after a crash: write a temporary sibling, flush it to disk, rename it over the target (atomic
 * within one file system) and flush the directory so the rename itself survives a power loss. Temporary
 * files an earlier interrupted write of the same target left behind are removed first. Any file-system
 * failure (ENOSPC, EACCES, ENOTDIR, …) is a FileAccessError naming the target; the old file is then intact.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  const dir = dirname(path);
  const target = basename(path);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = join(dir, atomicTempName(target));
  let fd: number | null = null;
  let created = false;
  try {
    removeStaleTempFiles(dir, (name) => name === target);
    fd = openSync(tmp, 'wx');
    created = true;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(tmp, path);
    created = false;
    fsyncDirectory(dir);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    if (created) rmSync(tmp, { force: true });
    throw fileAccessError(
      error,
      path,
      `Cannot write ${options.what ?? 'file'}`,
      `a file path in an existing, writable directory with room for ${bytes.length} bytes (the previous file, if any, is unchanged)`,
    );
  }
}

/**
 * Flush a directory's entries (the rename) to disk: POSIX makes a rename durable only once its directory is
 * fsynced. Windows cannot open a directory this way; there the rename is all we can do.
 */
export function fsyncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch (error) {
    if (process.platform !== 'win32') throw error;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function isOtherLiveProcess(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0); // signal 0 only checks that the process exists
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, but belongs to another user
  }
}
