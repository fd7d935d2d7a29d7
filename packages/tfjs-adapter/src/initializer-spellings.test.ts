import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Matrix, UnknownNameError, NotSupportedError } from '@backprop/core';
import { Dense, type DenseLayer, initializers, type InitializerOption, loadModel, Sequential } from '@backprop/layers';
import * as tf from '@tensorflow/tfjs';
import './register';
import { initTfjs } from './tfjs-runtime';

// tfjs and Keras users name initializers in their own spellings and configure some with objects; each resolves
// through core's initializer descriptors. Draws come from the model's seed (so both engines start alike), so they
// are compared with tfjs's own initializers in distribution: mean, standard deviation and range.

const fanIn = 200;
const fanOut = 150;

function kernel(init: InitializerOption, backend = 'scratch'): Float32Array {
  const m = new Sequential({ seed: 1, layers: [Dense(fanOut, { inputShape: [fanIn], kernelInitializer: init })] });
  m.compile({ loss: 'mse', backend });
  return (m.getWeights()[0] as Matrix).data;
}

function stats(v: ArrayLike<number>): { mean: number; std: number; max: number } {
  const a = Array.from(v);
  const mean = a.reduce((s, x) => s + x, 0) / a.length;
  const std = Math.sqrt(a.reduce((s, x) => s + (x - mean) ** 2, 0) / a.length);
  return { mean, std, max: Math.max(...a.map(Math.abs)) };
}

beforeAll(async () => {
  await initTfjs({ backend: 'cpu' });
});

describe('initializer spellings and configs, against tfjs’s initializers', () => {
  it.each([
    ['leCunNormal', 'lecun_normal', () => tf.initializers.leCunNormal({})],
    ['leCunUniform', 'lecun_uniform', () => tf.initializers.leCunUniform({})],
    ['heUniform', 'he_uniform', () => tf.initializers.heUniform({})],
    ['glorotNormal', 'glorot_normal', () => tf.initializers.glorotNormal({})],
    ['varianceScaling', 'variance_scaling', () => tf.initializers.varianceScaling({})],
    ['randomUniform', 'random_uniform', () => tf.initializers.randomUniform({})],
  ] as const)('%s (Keras: %s) draws like tfjs’s', (tfjsName, kerasName, theirs) => {
    const ours = kernel(tfjsName as InitializerOption);
    expect(kernel(kerasName as InitializerOption)).toEqual(ours);
    const reference = tf.tidy(() => theirs().apply([fanIn, fanOut]).dataSync());
    const [a, b] = [stats(ours), stats(reference)];
    expect(Math.abs(a.mean)).toBeLessThan(0.01);
    // Same spread within 5 % (sampling error of 30 000 draws is ~0.5 %); tfjs's truncated normals lack Keras's
    // 0.8796 variance correction, so for those Keras's σ is checked instead (see below).
    if (tfjsName === 'leCunNormal' || tfjsName === 'glorotNormal' || tfjsName === 'varianceScaling') {
      const fan = tfjsName === 'glorotNormal' ? (fanIn + fanOut) / 2 : fanIn;
      expect(a.std / Math.sqrt(1 / fan)).toBeCloseTo(1, 1);
    } else {
      expect(a.std / b.std).toBeCloseTo(1, 1);
      expect(a.max).toBeLessThanOrEqual(b.max * 1.01);
    }
  });

  it('configured objects: initializers.randomNormal({ stddev }), tfjs objects, { className, config } — and tfjs loads the saved config', async () => {
    for (const init of [initializers.randomNormal({ mean: 0.5, stddev: 0.2 }), tf.initializers.randomNormal({ mean: 0.5, stddev: 0.2 }), { className: 'RandomNormal', config: { mean: 0.5, stddev: 0.2 } }]) {
      const s = stats(kernel(init as InitializerOption));
      expect(s.mean).toBeCloseTo(0.5, 2);
      expect(s.std).toBeCloseTo(0.2, 2);
    }
    const vs = stats(kernel({ className: 'VarianceScaling', config: { scale: 2, mode: 'fanAvg', distribution: 'uniform' } }));
    expect(vs.max).toBeLessThanOrEqual(Math.sqrt((3 * 2) / ((fanIn + fanOut) / 2)));
    expect(vs.std).toBeCloseTo(Math.sqrt(2 / ((fanIn + fanOut) / 2)), 2);
    const tn = stats(kernel(initializers.truncatedNormal({ stddev: 0.1 })));
    expect(tn.max).toBeLessThanOrEqual(0.2 + 1e-6);
    // Both engines start from the facade's draw.
    expect(kernel(initializers.randomNormal({ stddev: 0.2 }), 'tfjs')).toEqual(kernel(initializers.randomNormal({ stddev: 0.2 })));

    const dir = mkdtempSync(join(tmpdir(), 'backprop-init-'));
    try {
      const model = new Sequential({ layers: [Dense(4, { inputShape: [3], kernelInitializer: initializers.varianceScaling({ scale: 2, mode: 'fanOut', distribution: 'uniform' }) })] });
      await model.save(`file://${dir}`);
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      const written = json.modelTopology.config.layers[0].config.kernel_initializer;
      expect(written).toEqual({ class_name: 'VarianceScaling', config: { scale: 2, mode: 'fan_out', distribution: 'uniform', seed: null } });
      const theirs = await tf.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData: new ArrayBuffer(4 * 16) }));
      expect((theirs.layers[0].getConfig().kernelInitializer as { config: object }).config).toMatchObject({ scale: 2, mode: 'fanOut', distribution: 'uniform' });
      theirs.dispose();
      const back = await loadModel(`file://${dir}`);
      expect((back.layers[0] as DenseLayer).kernelInitializer).toEqual((model.layers[0] as DenseLayer).kernelInitializer);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('unknown names and classes, per-initializer seeds and bad configs are typed errors', () => {
    expect(() => Dense(3, { kernelInitializer: 'leCunNormall' as never })).toThrow(UnknownNameError);
    expect(() => Dense(3, { kernelInitializer: { className: 'Orthogonal', config: {} } })).toThrow(UnknownNameError);
    expect(() => Dense(3, { kernelInitializer: tf.initializers.randomNormal({ seed: 3 }) })).toThrow(NotSupportedError);
    expect(() => Dense(3, { kernelInitializer: initializers.randomNormal({ stddev: -1 }) })).toThrow('out of range');
    expect(() => Dense(3, { kernelInitializer: { className: 'VarianceScaling', config: { mode: 'fanSideways' } } })).toThrow('mode must be one of fan_in, fan_out, fan_avg');
  });
});
