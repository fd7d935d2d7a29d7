/**
 * Ctrl-C handling for long runs: the first SIGINT asks training to stop after the current batch (the
 * results gathered so far are still written); a second one exits at once.
 */
export class Interrupt {
  requested = false;
  private readonly listeners: (() => void)[] = [];
  private readonly onSigint = () => {
    if (this.requested) {
      process.stderr.write('\nSecond Ctrl-C: exiting without writing results.\n');
      process.exit(130);
    }
    this.requested = true;
    process.stderr.write('\nCtrl-C: stopping after the current batch and writing the results so far (Ctrl-C again to quit).\n');
    for (const listener of this.listeners) listener();
  };

  constructor() {
    process.on('SIGINT', this.onSigint);
  }

  /** Called when Ctrl-C is pressed (right away if it already was). */
  onInterrupt(listener: () => void): void {
    this.listeners.push(listener);
    if (this.requested) listener();
  }

  dispose(): void {
    process.off('SIGINT', this.onSigint);
  }
}
