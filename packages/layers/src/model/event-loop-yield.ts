import { macrotaskScheduler } from './macrotask';

const nextMacrotask = macrotaskScheduler();

/**
 * Lets the event loop run now and then during a long `fit`, so that signal handlers (Ctrl-C), timers
 * and I/O are served between batches. tfjs's `fit` does the same with `yieldEvery: 'auto'`
 * (tfjs-layers/src/base_callbacks.ts); here a macrotask turn is taken once `intervalMs` has passed,
 * which costs nothing measurable at one turn per 25 ms. In a browser the turn lets the page repaint and
 * handle input (see macrotask.ts for how a turn is taken without `setImmediate`).
 */
export class EventLoopYield {
  private last: number;

  /** `now` is the clock (milliseconds); tests pass their own so that they never depend on wall-clock time. */
  constructor(
    private readonly intervalMs = 25,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.last = now();
  }

  /** Resolves after one event-loop turn if the interval has passed, else returns null (no await needed). */
  maybeYield(): Promise<void> | null {
    const now = this.now();
    if (now - this.last < this.intervalMs) return null;
    this.last = now;
    return nextMacrotask();
  }
}
