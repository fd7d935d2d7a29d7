import { EventLoopYield } from './event-loop-yield';

describe('EventLoopYield', () => {
  it('gives the event loop a turn once the interval has passed, and not before', async () => {
    const yielder = new EventLoopYield(20);
    expect(yielder.maybeYield()).toBeNull();
    let timerRan = false;
    setImmediate(() => {
      timerRan = true;
    });
    const start = performance.now();
    while (performance.now() - start < 25) {
      // busy, as a training step is
    }
    const turn = yielder.maybeYield();
    expect(turn).not.toBeNull();
    await turn;
    expect(timerRan).toBe(true);
    expect(yielder.maybeYield()).toBeNull();
  });
});
