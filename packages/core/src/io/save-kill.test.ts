import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DenseNetwork } from '../network/dense-network';
import { NeuralNetwork } from '../network/neural-network';
import { Rng } from '../random';
import { parseAtomicTempName } from './atomic-write';
import { serializeNetwork } from './network-file';
import { loadNetwork, saveNetwork } from './save-network';

const KILLS = 32;
const CHILD = resolve(__dirname, 'save-loop.child.ts');

/** A child that has loaded its script and waits for `go` (booted ahead, so boots overlap the rounds). */
function bootChild(args: string[]): { child: ChildProcess; line: (text: string) => Promise<void> } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  const waiting: { text: string; resolve: () => void; reject: (e: Error) => void }[] = [];
  const check = () => {
    for (const w of waiting.splice(0)) {
      if (out.includes(`${w.text}\n`)) w.resolve();
      else waiting.push(w);
    }
  };
  child.stdout!.on('data', (chunk) => {
    out += chunk;
    check();
  });
  child.on('exit', (code, signal) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`save loop exited (${code ?? signal}) before printing "${w.text}"`));
  });
  const line = (text: string) =>
    new Promise<void>((res, rej) => {
      waiting.push({ text, resolve: res, reject: rej });
      check();
    });
  return { child, line };
}

const describeOnce = process.env.BACKPROP_KERNELS === 'js' ? describe.skip : describe; // file IO only: one kernel set is enough

describeOnce('saveNetwork survives SIGKILL at any moment', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'backprop-kill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${KILLS} kills at seeded random moments: the file always loads as one of the two networks, and temp files never accumulate`, async () => {
    // Two networks of different kinds and shapes, ~150 KB each, so a kill often lands inside a write.
    const a = new NeuralNetwork([64, 128, 64, 10], { seed: 1 });
    const b = new DenseNetwork({ inputSize: 64, layers: [{ units: 160, activation: 'relu' }, { units: 100, activation: 'softmax' }], loss: 'categoricalCrossentropy', seed: 2 });
    const texts = [serializeNetwork(a), serializeNetwork(b)];
    const target = join(dir, 'net.json');
    saveNetwork(a, target);
    writeFileSync(join(dir, 'a.txt'), texts[0]);
    writeFileSync(join(dir, 'b.txt'), texts[1]);
    const args = [target, join(dir, 'a.txt'), join(dir, 'b.txt')];
    const rng = new Rng(9);
    const tally = { a: 0, b: 0, tempLeftByKill: 0 };
    let next = bootChild(args);
    for (let round = 0; round < KILLS; round++) {
      const { child, line } = next;
      await line('ready');
      next = bootChild(args);
      child.stdin!.write('go\n');
      await line('saved');
      await new Promise((r) => setTimeout(r, rng.uniform(0, 30)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      const text = serializeNetwork(loadNetwork(target));
      expect([texts[0], texts[1]]).toContain(text);
      tally[text === texts[0] ? 'a' : 'b']++;
      // The killed child's first save removed every earlier leftover; only its own may remain, at most one.
      const temps = readdirSync(dir).filter((name) => parseAtomicTempName(name));
      expect(temps.length).toBeLessThanOrEqual(1);
      for (const name of temps) expect(parseAtomicTempName(name)).toEqual({ target: 'net.json', pid: child.pid });
      tally.tempLeftByKill += temps.length;
    }
    next.child.kill('SIGKILL');
    saveNetwork(a, target);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.txt', 'net.json']);
    console.log(`saveNetwork kill test: ${KILLS} kills, loaded A ${tally.a}×, B ${tally.b}×, a temp file left by ${tally.tempLeftByKill} kills (all removed by the next save)`);
  }, 300_000);
});
