/**
 * The loaders that read this package's or the user's files from disk (Node). The browser build swaps
 * in ./browser.ts: the same names, throwing PlatformError. Keep both files' exports identical.
 */
export { digitsPath, loadDigits, MAX_DIGITS_CSV_BYTES } from '../load-digits';
export { defaultMnistDir, loadMnist } from '../load-mnist';
