import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FileAccessError, ModelFormatError, NonFiniteWeightError } from '../errors';
import { DenseNetwork } from '../network/dense-network';
import { NeuralNetwork } from '../network/neural-network';
import { deserializeNetwork, serializeNetwork } from './network-file';
import { loadNetwork, saveNetwork } from './save-network';

const X = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

describe('save / load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-save-'));

  it('NeuralNetwork: save → load gives identical predictions', () => {
    const nn = new NeuralNetwork([2, 2, 1], { alpha: 0.5, seed: 3 });
    nn.fit(X, [0, 1, 1, 0], { epochs: 500, logger: () => {} });
    const path = join(dir, 'xor.json');
    saveNetwork(nn, path);
    const loaded = loadNetwork(path);
    expect(loaded).toBeInstanceOf(NeuralNetwork);
    expect(String(loaded)).toBe('NeuralNetwork: 2-2-1');
    expect((loaded as NeuralNetwork).predict(X).data).toEqual(nn.predict(X).data);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('DenseNetwork: save → load keeps activations, biases and loss', () => {
    const net = new DenseNetwork({
      inputSize: 2,
      layers: [{ units: 3, activation: { name: 'elu', alpha: 0.7 } }, { units: 2, activation: 'softmax' }],
      loss: 'categoricalCrossentropy',
      seed: 4,
    });
    const loaded = deserializeNetwork(serializeNetwork(net)) as DenseNetwork;
    expect(loaded.layers.map((l) => l.activation)).toEqual(net.layers.map((l) => l.activation));
    expect(loaded.loss.name).toBe('categoricalCrossentropy');
    const x = Float32Array.from(X.flat());
    expect(loaded.forward(x, 4).slice(0, 8)).toEqual(net.forward(x, 4).slice(0, 8));
  });

  it('rejects corrupted, truncated, foreign and newer files', () => {
    const text = serializeNetwork(new NeuralNetwork([2, 2, 1], { seed: 1 }));
    expect(() => deserializeNetwork(text.slice(0, 100))).toThrow(ModelFormatError);
    expect(() => deserializeNetwork(text.slice(0, 100))).toThrow(/not valid JSON/);
    const file = JSON.parse(text);
    expect(() => deserializeNetwork(JSON.stringify({ ...file, format: 'keras' }))).toThrow(/expected format "backprop-network", got "keras"/);
    expect(() => deserializeNetwork(JSON.stringify({ ...file, version: 2 }))).toThrow(/expected version 1, got 2/);
    const truncated = structuredClone(file);
    truncated.weights[0].kernel.data = truncated.weights[0].kernel.data.slice(0, 8);
    expect(() => deserializeNetwork(JSON.stringify(truncated))).toThrow(/must hold 9 float32 values \(36 bytes\), got 6 bytes/);
    const reshaped = structuredClone(file);
    reshaped.weights[1].kernel.shape = [1, 3];
    expect(() => deserializeNetwork(JSON.stringify(reshaped))).toThrow(/must have shape \[3,1\], got \[1,3\]/);
    const nan = structuredClone(file);
    nan.weights[1].kernel.data = Buffer.from(new Float32Array([1, Number.NaN, 2]).buffer).toString('base64');
    expect(() => deserializeNetwork(JSON.stringify(nan))).toThrow(/value 1 must be finite, got NaN/);
    expect(() => loadNetwork(join(dir, 'missing.json'))).toThrow(/Cannot read model file ".*missing.json": ENOENT \(it does not exist\)/);
  });

  it('refuses to save non-finite weights, naming the layer and weight, before the file is touched', () => {
    const net = new DenseNetwork({ inputSize: 2, layers: [{ units: 3, activation: 'relu' }, { units: 1, activation: 'sigmoid' }], loss: 'mse', seed: 5 });
    const path = join(dir, 'diverged.json');
    saveNetwork(net, path);
    const before = readFileSync(path, 'utf8');
    // What a diverged training leaves in the weight buffers (setWeights itself refuses non-finite values).
    net.layers[1].kernel[2] = Number.NaN;
    net.layers[1].kernel[0] = Number.POSITIVE_INFINITY;
    expect(() => saveNetwork(net, path)).toThrow(NonFiniteWeightError);
    expect(() => saveNetwork(net, path)).toThrow(
      'Cannot save weight "kernel" of layer 1: value 0 is Infinity (2 values are not finite); expected finite weights (training probably diverged). Nothing was written',
    );
    expect(readFileSync(path, 'utf8')).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('diverged'))).toEqual(['diverged.json']);
  });

  it('file-system failures on load and save are FileAccessErrors naming the path and code', () => {
    const nn = new NeuralNetwork([2, 2, 1], { seed: 1 });
    mkdirSync(join(dir, 'a-directory.json'));
    expect(() => loadNetwork(join(dir, 'a-directory.json'))).toThrow(expect.objectContaining({ name: 'FileAccessError', code: 'EISDIR' }));
    expect(() => loadNetwork(join(dir, 'a-directory.json'))).toThrow(/Cannot read model file ".*a-directory.json": EISDIR \(it is a directory\); expected a network file/);
    writeFileSync(join(dir, 'plain.txt'), 'x');
    expect(() => loadNetwork(join(dir, 'plain.txt', 'net.json'))).toThrow(expect.objectContaining({ name: 'FileAccessError', code: 'ENOTDIR' }));
    expect(() => saveNetwork(nn, join(dir, 'plain.txt', 'net.json'))).toThrow(FileAccessError);
    expect(() => saveNetwork(nn, join(dir, 'a-directory.json'))).toThrow(expect.objectContaining({ code: 'EISDIR', path: join(dir, 'a-directory.json') }));
  });

  it('the next save removes the temp files an interrupted save of the same path left', () => {
    const path = join(dir, 'resumed.json');
    // What a save killed after creating its temp file leaves (the pid of a process that has ended).
    const dead = execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).trim();
    writeFileSync(join(dir, `.resumed.json.${dead}.1764640000000.tmp`), '{"half": ');
    writeFileSync(join(dir, `.other.json.${dead}.1764640000000.tmp`), 'not ours');
    saveNetwork(new NeuralNetwork([2, 2, 1], { seed: 1 }), path);
    expect(readdirSync(dir).filter((f) => f.includes('resumed') || f.includes('other'))).toEqual([`.other.json.${dead}.1764640000000.tmp`, 'resumed.json']);
  });

  it('the inference script predicts from a saved model without training code', () => {
    const nn = new NeuralNetwork([2, 2, 1], { alpha: 0.5, seed: 3 });
    nn.fit(X, [0, 1, 1, 0], { epochs: 20000, logger: () => {} });
    const model = join(dir, 'xor-cli.json');
    saveNetwork(nn, model);
    const inputs = join(dir, 'inputs.csv');
    writeFileSync(inputs, '0,0\n0,1\n1,0\n1,1\n');
    const script = resolve(__dirname, '../bin/predict.ts');
    const tsx = require.resolve('tsx/cli');
    const out = execFileSync(process.execPath, [tsx, script, model, inputs, '--step'], { encoding: 'utf8' });
    expect(out.trim().split('\n')).toEqual(['0', '1', '1', '0']);
    const source = readFileSync(script, 'utf8');
    expect(source).not.toMatch(/fit|trainStep|optimizer/i);
    let stderr = '';
    try {
      execFileSync(process.execPath, [tsx, script, join(dir, 'missing.json'), inputs], { encoding: 'utf8', stdio: 'pipe' });
    } catch (error) {
      stderr = String((error as { stderr: string }).stderr);
    }
    expect(stderr).toMatch(/^backprop-predict: Cannot read model file/);
  });
});
