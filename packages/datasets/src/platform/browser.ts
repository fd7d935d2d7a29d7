import { PlatformError } from '@backprop/core';
import type * as node from './node';

const SERVE = 'serve the files yourself, fetch them and pass the bytes to readIdx';

/** The browser build's replacement for ./node.ts. */
export const loadMnist: typeof node.loadMnist = () => {
  throw new PlatformError('loadMnist', SERVE);
};
export const defaultMnistDir: typeof node.defaultMnistDir = () => {
  throw new PlatformError('defaultMnistDir', SERVE);
};
export const loadDigits: typeof node.loadDigits = () => {
  throw new PlatformError('loadDigits', 'serve data/digits.csv(.gz) and parse its rows (64 pixels 0..16 and a label per line)');
};
/** The Node loader's limit, restated for the shared signature (loadDigits itself throws here). */
export const MAX_DIGITS_CSV_BYTES: typeof node.MAX_DIGITS_CSV_BYTES = 64 * 1024 * 1024;
export const digitsPath: typeof node.digitsPath = () => {
  throw new PlatformError('digitsPath', 'serve data/digits.csv(.gz) from your own origin');
};
