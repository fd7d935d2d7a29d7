import { writeOutputFile } from '../write-output-file';
import { type BenchResults, validateResults } from './results-schema';

/**
 * Validate `results` against the schema, then write it as indented JSON (with a final newline) to
 * `path` atomically. An invalid document throws `ResultsValidationError` before anything is
 * written; a missing or unwritable directory throws `OutputWriteError`, e.g.
 * `Cannot write results to /x/y.json: ENOENT (directory does not exist)`. The directory is not
 * created: a mistyped `--json` path should fail rather than scatter directories.
 */
export function writeResultsJson(path: string, results: BenchResults): void {
  const valid = validateResults(results);
  writeOutputFile('results', path, `${JSON.stringify(valid, null, 2)}\n`);
}
