/**
 * Node's file system for CSVLogger: the package's browser build replaces this module with
 * ./browser-text-file.ts (same exports, stubs that throw PlatformError). Keep both files' exports identical.
 */
import { appendFile, readFile, writeFile } from 'node:fs/promises';

export const textFile = {
  /** Whether `path` exists and its first line is not empty (Keras's CSVLogger check before appending a header). */
  async hasFirstLine(path: string): Promise<boolean> {
    try {
      const text = await readFile(path, 'utf8');
      return text.split(/\r?\n/, 1)[0].length > 0;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw error;
    }
  },
  /** Create or truncate `path`. */
  truncate: (path: string): Promise<void> => writeFile(path, ''),
  append: (path: string, text: string): Promise<void> => appendFile(path, text),
};
