import { EventLoopYield } from './event-loop-yield';

describe('EventLoopYield', () => {
  it('gives the event loop a turn once the interval has passed, and not before', async () => {
    // A clock of our own: a loaded CI machine may pause for any time between two statements.
    let clock = 1000;
    const yielder = new EventLoopYield(20, () => clock);
    clock += 19;
    expect(yielder.maybeYield()).toBeNull();
    let timerRan = false;
    setImmediate(() => {
      timerRan = true;
    });
    clock += 1;
    const turn = yielder.maybeYield();
    expect(turn).not.toBeNull();
    // The turn is a macrotask: a timer queued before it has run once it resolves.
    await turn;
    expect(timerRan).toBe(true);
    clock += 19;
    expect(yielder.maybeYield()).toBeNull();
    clock += 1;
    expect(yielder.maybeYield()).not.toBeNull();
  });
});
