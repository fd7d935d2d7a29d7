import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';

/**
 * Test support: a Python with Keras 3 and JAX, to check files against Keras itself. Interpreters tried in
 * order: BACKPROP_KERAS_PYTHON (a list separated like PATH; .ci/run sets it to the venv it makes), else
 * `python3` and /usr/bin/python3. Null with the reason when none imports keras and jax — the tests that
 * need it are then skipped, saying so.
 */
export function findKerasPython(env: NodeJS.ProcessEnv = process.env): { python: string } | { reason: string } {
  const configured = env.BACKPROP_KERAS_PYTHON;
  const candidates = configured ? configured.split(delimiter).filter(Boolean) : ['python3', '/usr/bin/python3'];
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', 'import keras, jax'], { encoding: 'utf8', timeout: 120_000, env: kerasEnv() });
    if (probe.status === 0) return { python };
  }
  return { reason: `no Python with keras and jax among ${candidates.join(', ')} (set BACKPROP_KERAS_PYTHON; .ci/run installs one)` };
}

/** The scripts of tools/keras-fixtures. */
export const KERAS_TOOLS_DIR = resolve(__dirname, '../../../../../tools/keras-fixtures');

function kerasEnv(): NodeJS.ProcessEnv {
  return { ...process.env, KERAS_BACKEND: 'jax', JAX_PLATFORMS: 'cpu', TF_CPP_MIN_LOG_LEVEL: '3' };
}

/** Run a tools/keras-fixtures script with a JSON argument file; its last stdout line parsed as JSON. */
export function runKerasScript<T>(python: string, script: string, args: readonly string[], input: unknown): T {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-keras-'));
  const inputFile = join(dir, 'input.json');
  writeFileSync(inputFile, JSON.stringify(input));
  const run = spawnSync(python, [join(KERAS_TOOLS_DIR, script), ...args, inputFile], { encoding: 'utf8', timeout: 600_000, env: kerasEnv(), maxBuffer: 256 * 1024 * 1024 });
  const last = run.stdout?.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    throw new Error(`${python} ${script} failed (status ${run.status}): ${(run.stderr || String(run.error ?? '')).trim().split('\n').slice(-5).join(' | ')}`);
  }
  return JSON.parse(last) as T;
}
