/**
 * Small probes shared by the bad-input tests of several packages (they all depend on this package
 * for their fuzz targets): what a call threw, and how much memory the process has held at its peak.
 */

/** The error `fn` throws; fails the test when it does not throw. */
export function thrown(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

/** Peak resident set size of this process so far, in bytes (getrusage's ru_maxrss, reported in KiB). */
export const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
