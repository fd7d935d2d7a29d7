import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './find-chromium';

export type ChromiumStep =
  | { goto: string }
  | { waitFor: string; timeout?: number }
  | { evaluate: string; name: string }
  | { screenshot: string; fullPage?: boolean }
  | { click: string }
  | { press: string }
  | { drag: string; points: [number, number][] }
  | { upload: string; files: string[] };

export interface ChromiumRun {
  /** Each `evaluate` step's value, by name. */
  readonly results: Record<string, unknown>;
  /** Page errors, console.error lines, failed requests, and a failed step. */
  readonly errors: string[];
}

/** Run the steps in one headless-Chromium page (scripts/chromium-driver.mjs, a child process). */
export function runInChromium(executablePath: string, steps: ChromiumStep[], viewport?: { width: number; height: number }): Promise<ChromiumRun> {
  const driver = join(__dirname, '..', 'scripts', 'chromium-driver.mjs');
  return new Promise((resolve, reject) => {
    const child = execFile(process.execPath, [driver], { maxBuffer: 16 * 1024 * 1024, timeout: 170_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`chromium driver failed: ${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as ChromiumRun);
    });
    child.stdin!.end(JSON.stringify({ executablePath, args: CHROMIUM_ARGS, steps, viewport }));
  });
}
