import type { ProgressStream } from './progress-bar';

/**
 * Where progress goes when no stream is given: Node's `process.stdout` (a bar redrawn in place on a
 * TTY), elsewhere — browsers, Web Workers — `console.log`, one call per finished line, since a console
 * has no carriage return.
 */
export function defaultProgressStream(): ProgressStream {
  const stdout = typeof process === 'object' ? (process as { stdout?: ProgressStream }).stdout : undefined;
  if (stdout && typeof stdout.write === 'function') return stdout;
  return consoleLineStream((line) => console.log(line));
}

/** A stream that hands complete lines (without their `\n`) to `log`; partial text waits for its newline. */
export function consoleLineStream(log: (line: string) => void): ProgressStream {
  let pending = '';
  return {
    isTTY: false,
    write(chunk: string) {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) log(line);
      return true;
    },
  };
}
