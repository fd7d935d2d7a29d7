import { existsSync } from 'node:fs';

/**
 * The Chromium to drive: `CHROMIUM_PATH` if set, else Debian's `chromium` (installed by .ci/run when
 * missing). Null when there is none, and the browser tests skip with a message saying so.
 */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path)) ?? null;
}

/** Flags for headless runs as root in a container (no sandbox there), with no network use of its own. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking'];
