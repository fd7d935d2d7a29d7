import { Callback } from '@backprop/layers';

/**
 * Seconds spent training in each epoch: from the first batch's start to the last batch's end, so the
 * validation pass after the epoch is not counted (the speed comparison is about training).
 */
export class EpochTimer extends Callback {
  readonly seconds: number[] = [];
  private start = 0n;
  private last = 0n;

  override onEpochBegin(): void {
    this.start = process.hrtime.bigint();
    this.last = this.start;
  }

  override onBatchEnd(): void {
    this.last = process.hrtime.bigint();
  }

  override onEpochEnd(): void {
    this.seconds.push(Number(this.last - this.start) / 1e9);
  }

  /** Mean seconds per completed epoch; 0 before any. */
  get secondsPerEpoch(): number {
    return this.seconds.length === 0 ? 0 : this.seconds.reduce((a, b) => a + b, 0) / this.seconds.length;
  }
}
