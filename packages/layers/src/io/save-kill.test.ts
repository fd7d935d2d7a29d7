import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Matrix, parseAtomicTempName, Rng } from '@backprop/core';
import { clearSession, Dense, Dropout, loadModel, type Sequential, Sequential as SequentialModel } from '../index';
import { weightsFileName } from './model-folder';
import { modelArtifacts } from './model-json';

const KILLS = 32;
const CHILD = resolve(__dirname, 'save-loop.child.ts');
const ROOT = resolve(__dirname, '../../../..');

/** A child that has loaded its script and waits for `go` (booted ahead, so boots overlap the rounds). */
function bootChild(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; line: (text: string) => Promise<void> } {
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', CHILD, ...args], { stdio: ['pipe', 'pipe', 'inherit'], env });
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

function flatWeights(model: Sequential): number[] {
  return model.getWeights().flatMap((w) => Array.from(w instanceof Matrix ? w.data : w));
}

const describeOnce = process.env.BACKPROP_KERNELS === 'js' ? describe.skip : describe; // file IO only: one kernel set is enough

describeOnce('model.save survives SIGKILL at any moment', () => {
  let dir: string;
  beforeAll(() => {
    clearSession();
    dir = mkdtempSync(join(tmpdir(), 'backprop-kill-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`${KILLS} kills at seeded random moments: the folder always loads as one of the two models, and no leftovers accumulate`, async () => {
    // Two models of different shapes (~150 KB of weights each): their model.json and weights never mix.
    const a = new SequentialModel({ seed: 1, layers: [Dense(128, { inputShape: [200], activation: 'relu' }), Dropout(0.2), Dense(10)] });
    const b = new SequentialModel({ seed: 2, layers: [Dense(160, { inputShape: [200], activation: 'tanh' }), Dense(64), Dense(10)] });
    const models = [a, b].map((m) => ({ layers: m.layers.map(String), weights: flatWeights(m) }));
    const model = join(dir, 'model');
    await a.save(model);
    const args = [model];
    for (const [i, m] of [a, b].entries()) {
      const { json, bin } = modelArtifacts(m.name, m.layers, m.plan(), m.getWeights(), weightsFileName);
      const file = join(dir, `artifacts-${i}.json`);
      writeFileSync(file, JSON.stringify({ json, bin: Buffer.from(bin).toString('base64'), weightsFile: json.weightsManifest[0].paths[0] }));
      args.push(file);
    }
    // The child resolves @backprop/core to its sources, as jest does here (no build of core is needed), and
    // to the file-IO part model-folder.ts uses only, which halves each child's start-up. Should model-folder
    // need more of core, the child fails to start and this test says so ("save loop exited").
    const core = join(dir, 'core-io.ts');
    writeFileSync(core, ['atomic-write', 'file-access-error'].map((m) => `export * from ${JSON.stringify(join(ROOT, 'packages/core/src/io', m))};\n`).join(''));
    const tsconfig = join(dir, 'tsconfig.json');
    writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { paths: { '@backprop/core': [core] } } }));
    const env = { ...process.env, TSX_TSCONFIG_PATH: tsconfig };
    const names = [a, b].map((m) => weightsFileName(modelArtifacts(m.name, m.layers, m.plan(), m.getWeights()).bin));

    const rng = new Rng(11);
    const tally = { a: 0, b: 0, tempLeftByKill: 0, bothWeightsPresent: 0 };
    let next = bootChild(args, env);
    for (let round = 0; round < KILLS; round++) {
      const { child, line } = next;
      await line('ready');
      next = bootChild(args, env);
      child.stdin!.write('go\n');
      await line('saved');
      await new Promise((r) => setTimeout(r, rng.uniform(0, 30)));
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));

      clearSession();
      const loaded = await loadModel(model);
      const state = { layers: loaded.layers.map(String), weights: flatWeights(loaded) };
      expect([models[0], models[1]]).toContainEqual(state);
      tally[state.layers[0] === models[0].layers[0] ? 'a' : 'b']++;
      // Only what the killed save was doing may be left: at most one temp file, its own, and the other weights.
      const files = readdirSync(model);
      const temps = files.filter((name) => parseAtomicTempName(name));
      expect(temps.length).toBeLessThanOrEqual(1);
      for (const name of temps) expect(parseAtomicTempName(name)!.pid).toBe(child.pid);
      expect(files.filter((name) => !temps.includes(name)).every((name) => name === 'model.json' || names.includes(name))).toBe(true);
      tally.tempLeftByKill += temps.length;
      if (names.every((name) => files.includes(name))) tally.bothWeightsPresent++;
    }
    next.child.kill('SIGKILL');
    await a.save(model);
    expect(readdirSync(model).sort()).toEqual(['model.json', names[0]]);
    console.log(
      `model.save kill test: ${KILLS} kills, loaded A ${tally.a}×, B ${tally.b}×; a temp file left by ${tally.tempLeftByKill} kills, both weights files present after ${tally.bothWeightsPresent} (all removed by the next save)`,
    );
  }, 300_000);
});
