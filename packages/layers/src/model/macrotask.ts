/** The scheduling functions a runtime may offer; injectable so tests can play a browser in Node. */
export interface MacrotaskGlobals {
  setImmediate?: (callback: () => void) => unknown;
  // biome-ignore lint/suspicious/noExplicitAny: the event is unused, and DOM and Node type it differently.
  MessageChannel?: new () => { port1: { onmessage: ((event: any) => void) | null; close(): void }; port2: { postMessage(message: unknown): void; close(): void } };
  setTimeout?: (callback: () => void, ms?: number) => unknown;
}

/**
 * A function that resolves on the next macrotask — after pending I/O, timers and UI events had a turn.
 * Node: `setImmediate` (runs right after I/O callbacks). Browsers and workers: a `MessageChannel` message,
 * which is not clamped to 4 ms as nested `setTimeout(0)` is (the HTML spec's timer nesting rule; React's
 * scheduler uses the same trick). Last resort: `setTimeout(0)`.
 */
export function macrotaskScheduler(globals: MacrotaskGlobals = globalThis as MacrotaskGlobals): () => Promise<void> {
  const { setImmediate: immediate, MessageChannel: Channel, setTimeout: timeout } = globals;
  if (typeof immediate === 'function') return () => new Promise((resolve) => immediate(resolve));
  if (typeof Channel === 'function') {
    return () =>
      new Promise((resolve) => {
        const channel = new Channel();
        channel.port1.onmessage = () => {
          channel.port1.close();
          resolve();
        };
        channel.port2.postMessage(null);
      });
  }
  if (typeof timeout === 'function') return () => new Promise((resolve) => timeout(resolve, 0));
  // Every JS runtime has at least setTimeout; a microtask keeps fit working without one.
  return () => Promise.resolve();
}
