import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileAccessError } from '../errors';
import { atomicTempName, parseAtomicTempName, removeStaleTempFiles, writeFileAtomic } from './atomic-write';

// The module object itself (a namespace import would be a copy): spying on it reaches writeFileAtomic's calls.
const fs: typeof import('node:fs') = require('node:fs');

/** A temp name as a process that no longer exists would have left it (a pid from a finished child). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}

describe('writeFileAtomic', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'backprop-atomic-'));
  });
  afterEach(() => {
    jest.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('temp names name their target and writer, and nothing else parses as one', () => {
    const name = atomicTempName('weights.0123.bin');
    expect(parseAtomicTempName(name)).toEqual({ target: 'weights.0123.bin', pid: process.pid });
    for (const other of ['model.json', '.model.json', '.model.json.tmp', 'model.json.12.ab.tmp', '.model.json.x.ab.tmp']) {
      expect(parseAtomicTempName(other)).toBeNull();
    }
  });

  it('removes the temp files an interrupted write of the same target left, and no other file', () => {
    const dead = deadPid();
    const mine = [`.model.json.${dead}.1764640000000.tmp`, `.model.json.${dead}.a1b2c3.tmp`, `.model.json.${process.pid}.ffff.tmp`];
    // Not ours: another target's temp, a temp of a live process (this test's parent), user files.
    const others = [`.other.json.${dead}.abc.tmp`, `.model.json.${process.ppid}.abc.tmp`, 'notes.txt', '.model.json.bak', 'model.json.tmp'];
    for (const name of [...mine, ...others]) writeFileSync(join(dir, name), 'x');
    writeFileAtomic(join(dir, 'model.json'), '{"v":2}');
    expect(readdirSync(dir).sort()).toEqual([...others, 'model.json'].sort());
    expect(readFileSync(join(dir, 'model.json'), 'utf8')).toBe('{"v":2}');
    // The predicate decides which targets belong to a caller (layers' saveModel: model.json and weights files).
    expect(removeStaleTempFiles(dir, (target) => target === 'other.json')).toEqual([`.other.json.${dead}.abc.tmp`]);
  });

  it('ENOSPC while writing (injected): a FileAccessError naming the path, the old file intact, no temp file left', () => {
    const path = join(dir, 'net.json');
    writeFileAtomic(path, 'old');
    jest.spyOn(fs, 'writeSync').mockImplementation(() => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    });
    let caught: unknown;
    try {
      writeFileAtomic(path, 'new content', { what: 'model file' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FileAccessError);
    expect(caught).toMatchObject({ path, code: 'ENOSPC' });
    expect((caught as Error).message).toBe(
      `Cannot write model file ${JSON.stringify(path)}: ENOSPC (no space left on the device); expected a file path in an existing, writable directory with room for 11 bytes (the previous file, if any, is unchanged)`,
    );
    jest.restoreAllMocks();
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['net.json']);
  });

  it('EACCES, EISDIR and ENOTDIR are FileAccessErrors with the path and code', () => {
    jest.spyOn(fs, 'openSync').mockImplementationOnce(() => {
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    });
    expect(() => writeFileAtomic(join(dir, 'a.json'), 'x')).toThrow(/Cannot write file ".*a.json": EACCES \(permission denied\)/);
    mkdirSync(join(dir, 'taken'));
    expect(() => writeFileAtomic(join(dir, 'taken'), 'x')).toThrow(expect.objectContaining({ name: 'FileAccessError', code: 'EISDIR', path: join(dir, 'taken') }));
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => writeFileAtomic(join(dir, 'plain', 'net.json'), 'x')).toThrow(expect.objectContaining({ name: 'FileAccessError', code: 'ENOTDIR' }));
    expect(() => writeFileAtomic(join(dir, 'missing', 'net.json'), 'x')).toThrow(/ENOENT \(it does not exist\)/);
    expect(readdirSync(dir).sort()).toEqual(['plain', 'taken']);
    expect(readdirSync(join(dir, 'taken'))).toEqual([]);
  });

  it('a real full disk (64 KB tmpfs): ENOSPC as a FileAccessError, the previous file intact', () => {
    const mount = join(dir, 'tiny');
    mkdirSync(mount);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      console.log('skipped: cannot mount a tmpfs here (needs root); the injected ENOSPC test above covers the logic');
      return;
    }
    try {
      const path = join(mount, 'net.json');
      writeFileAtomic(path, 'a'.repeat(20_000));
      expect(() => writeFileAtomic(path, 'b'.repeat(200_000))).toThrow(expect.objectContaining({ name: 'FileAccessError', code: 'ENOSPC', path }));
      expect(readFileSync(path, 'utf8')).toBe('a'.repeat(20_000));
      expect(readdirSync(mount)).toEqual(['net.json']);
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});
