import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OutputWriteError, ResultsValidationError } from '../mnist-app-errors';
import { benchResultsFixture } from './bench-results.fixture';
import { validateResults } from './results-schema';
import { writeResultsJson } from './write-results';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'mnist-results-'));
});
afterEach(() => {
  chmodSync(dir, 0o700);
  rmSync(dir, { recursive: true, force: true });
});

function writeError(path: string, doc = benchResultsFixture()): unknown {
  try {
    writeResultsJson(path, doc);
  } catch (error) {
    return error;
  }
  throw new Error('expected writeResultsJson to throw');
}

describe('writeResultsJson', () => {
  it('writes indented JSON that reads back as a valid document, leaving no temporary file', () => {
    const path = join(dir, 'results.json');
    writeResultsJson(path, benchResultsFixture());
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 1,');
    expect(validateResults(JSON.parse(text))).toEqual(benchResultsFixture());
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('replaces an existing file whole', () => {
    const path = join(dir, 'results.json');
    writeFileSync(path, 'x'.repeat(1_000_000));
    writeResultsJson(path, benchResultsFixture());
    expect(JSON.parse(readFileSync(path, 'utf8')).schemaVersion).toBe(1);
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('validates before writing: an invalid document leaves the old file untouched', () => {
    const path = join(dir, 'results.json');
    writeFileSync(path, 'old');
    const doc = benchResultsFixture();
    doc.results[0].testAccuracy = 2;
    const error = writeError(path, doc);
    expect(error).toBeInstanceOf(ResultsValidationError);
    expect((error as Error).message).toContain('results[0].testAccuracy');
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('reports a missing directory in one line', () => {
    const path = join(dir, 'nope', 'y.json');
    const error = writeError(path);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toBe(`Cannot write results to ${path}: ENOENT (directory does not exist)`);
    expect((error as OutputWriteError).code).toBe('ENOENT');
  });

  it('reports a parent that is a file', () => {
    writeFileSync(join(dir, 'file'), '');
    const path = join(dir, 'file', 'y.json');
    expect((writeError(path) as Error).message).toBe(
      `Cannot write results to ${path}: ENOTDIR (a parent path is not a directory)`,
    );
  });

  const isRoot = process.getuid?.() === 0;
  (isRoot ? it.skip : it)('reports a read-only directory and leaves nothing in it', () => {
    const ro = join(dir, 'ro');
    mkdirSync(ro);
    chmodSync(ro, 0o500);
    const path = join(ro, 'y.json');
    expect((writeError(path) as Error).message).toBe(`Cannot write results to ${path}: EACCES (permission denied)`);
    expect(readdirSync(ro)).toEqual([]);
  });

  it('reports a target that is a directory, and cleans up its temporary file', () => {
    const path = join(dir, 'taken');
    mkdirSync(path);
    mkdirSync(join(path, 'inner'));
    const error = writeError(path) as OutputWriteError;
    expect(error).toBeInstanceOf(OutputWriteError);
    expect(error.message).toMatch(new RegExp(`^Cannot write results to ${path}: E[A-Z]+ \\(`));
    expect(readdirSync(dir)).toEqual(['taken']);
  });
});
