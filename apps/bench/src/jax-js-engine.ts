import * as fs from 'node:fs';
import * as path from 'node:path';
import type { BenchData, BenchEngine, BenchModel } from './bench-engine';

/** The installed version (the package's exports map does not expose its package.json). */
function jaxJsVersion(): string {
  const entry = require.resolve('@jax-js/jax');
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/**
 * jax-js (npm `@jax-js/jax`) on its wasm device: the same model written as a JAX program, the whole
 * SGD step (forward, grad, update) under one `jit`, as a jax-js user would write it. jax-js follows
 * JAX's ownership rules: every call consumes its array arguments, `.ref` keeps one alive. Its wasm
 * device runs multi-threaded only where a global `Worker` and SharedArrayBuffer exist — not in Node
 * 20, so one thread here.
 */
export async function createJaxJsEngine(model: BenchModel, data: BenchData): Promise<BenchEngine> {
  const jax = await import('@jax-js/jax');
  const { numpy: np, nn, tree } = jax;
  await jax.init('wasm');
  jax.defaultDevice('wasm');
  const { layers, batchSize, learningRate } = model;
  if (model.activation !== 'sigmoid') throw new Error(`jax-js engine: only sigmoid hidden layers, got "${model.activation}"`);

  type Params = { w: InstanceType<typeof np.Array>; b: InstanceType<typeof np.Array> }[];
  // Glorot-uniform kernels and zero biases, as Keras's Dense defaults (the speed does not depend on the draw).
  let seed = model.seed;
  const uniform = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  let params: Params = [];
  for (let l = 0; l + 1 < layers.length; l++) {
    const limit = Math.sqrt(6 / (layers[l] + layers[l + 1]));
    const w = new Float32Array(layers[l] * layers[l + 1]).map(() => (2 * uniform() - 1) * limit);
    params.push({ w: np.array(w).reshape([layers[l], layers[l + 1]]), b: np.zeros([layers[l + 1]]) });
  }

  const forward = (p: Params, x: InstanceType<typeof np.Array>) => {
    let h = x;
    p.forEach((layer, l) => {
      h = np.dot(h, layer.w).add(layer.b);
      if (l < p.length - 1) h = nn.sigmoid(h);
    });
    return h;
  };
  const loss = (p: Params, x: InstanceType<typeof np.Array>, y: InstanceType<typeof np.Array>) =>
    nn.logSoftmax(forward(p, x), -1).mul(y).sum().mul(-1 / batchSize);
  const step = jax.jit((p: Params, x: InstanceType<typeof np.Array>, y: InstanceType<typeof np.Array>) => {
    const g = jax.grad(loss)(tree.ref(p), x, y);
    return tree.map((w: InstanceType<typeof np.Array>, dw: InstanceType<typeof np.Array>) => w.sub(dw.mul(learningRate)), p, g as Params) as Params;
  });
  const predict = jax.jit((p: Params, x: InstanceType<typeof np.Array>) => nn.softmax(forward(p, x), -1));

  const xs = data.batches.map((b) => b.x);
  const ys = data.batches.map((b) => b.y);
  let index = 0;
  return {
    name: 'jax-js-wasm',
    description: `jax-js ${jaxJsVersion()} (wasm, step under jit)`,
    trainStep: async () => {
      const i = index++ % xs.length;
      params = step(params, np.array(xs[i]).reshape([batchSize, layers[0]]), np.array(ys[i]).reshape([batchSize, layers[layers.length - 1]]));
      // Wait for the update to be computed, as the other engines' steps do.
      await jax.blockUntilReady(params);
    },
    infer: async (rows) => {
      const out = predict(tree.ref(params), np.array(data.inference.subarray(0, rows * layers[0])).reshape([rows, layers[0]]));
      await out.data();
    },
    dispose: () => {
      tree.dispose(params);
      step.dispose();
      predict.dispose();
    },
  };
}
