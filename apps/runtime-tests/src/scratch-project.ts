import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PACKAGES = ['core', 'layers', 'datasets', 'tfjs-adapter'] as const;
const repo = resolve(__dirname, '..', '..', '..');

/**
 * A project outside the repository with `node_modules/@backprop/<name>` linked to each package
 * directory, as an install would lay them out: Node and bundlers resolve the packages only through
 * their package.json `exports` (their dependencies resolve from the packages' own node_modules).
 */
export function createScratchProject(): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-scratch-'));
  mkdirSync(join(dir, 'node_modules', '@backprop'), { recursive: true });
  for (const name of PACKAGES) symlinkSync(join(repo, 'packages', name), join(dir, 'node_modules', '@backprop', name), 'dir');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
