import { macrotaskScheduler } from './macrotask';

/** Resolves with the order in which a timer-free microtask and the scheduler's turn ran. */
async function order(next: () => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  const turn = next().then(() => seen.push('macrotask'));
  queueMicrotask(() => seen.push('microtask'));
  await turn;
  return seen;
}

describe('macrotaskScheduler', () => {
  it('uses setImmediate in Node', async () => {
    const calls: string[] = [];
    const next = macrotaskScheduler({ setImmediate: (cb) => {
        calls.push('immediate');
        setImmediate(cb);
      }, MessageChannel, setTimeout });
    expect(await order(next)).toEqual(['microtask', 'macrotask']);
    expect(calls).toEqual(['immediate']);
  });

  it('uses a MessageChannel where there is no setImmediate (browsers, Web Workers)', async () => {
    let posted = 0;
    class CountingChannel extends MessageChannel {
      constructor() {
        super();
        const post = this.port2.postMessage.bind(this.port2);
        this.port2.postMessage = (message: unknown) => {
          posted += 1;
          post(message);
        };
      }
    }
    const next = macrotaskScheduler({ MessageChannel: CountingChannel, setTimeout });
    expect(await order(next)).toEqual(['microtask', 'macrotask']);
    expect(await order(next)).toEqual(['microtask', 'macrotask']);
    expect(posted).toBe(2);
  });

  it('falls back to setTimeout(0), then to a resolved promise', async () => {
    const delays: (number | undefined)[] = [];
    const next = macrotaskScheduler({ setTimeout: (cb, ms) => {
        delays.push(ms);
        setTimeout(cb, ms);
      },
    });
    expect(await order(next)).toEqual(['microtask', 'macrotask']);
    expect(delays).toEqual([0]);
    await expect(macrotaskScheduler({})()).resolves.toBeUndefined();
  });
});
