import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchData, BenchModel } from './bench-engine';

/** A native peer run by Python: PyTorch, or Keras 3 on JAX. */
export type PythonFramework = 'torch' | 'keras';

export interface PythonPeerTiming {
  readonly version: string;
  readonly msPerStep: number;
  readonly msInfer1: number;
  readonly msInfer1000: number;
}

/**
 * The peer's side: train the same dense stack (sigmoid hidden layers, softmax, categorical
 * cross-entropy, plain SGD), or with `cnn` the CNN of cnn-model.ts (PyTorch in its NCHW layout), on the same MNIST batches, read from a float32 file the bench writes, and
 * print the median ms per step and per inference call as JSON. One thread means the process is pinned
 * to one core (and torch.set_num_threads(1)), which also holds XLA's thread pool to one core.
 */
const SCRIPT = `
import json, os, sys, time
cfg = json.loads(sys.argv[1])
if cfg['threads'] == 1 and hasattr(os, 'sched_setaffinity'):
    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
import numpy as np
L, bs, nb, ni = cfg['layers'], cfg['batchSize'], cfg['batches'], cfg['inferenceRows']
raw = np.fromfile(cfg['file'], dtype=np.float32)
o = nb * bs * L[0]
xs = raw[:o].reshape(nb, bs, L[0])
ys = raw[o:o + nb * bs * L[-1]].reshape(nb, bs, L[-1])
inf = raw[o + nb * bs * L[-1]:].reshape(ni, L[0])
counter = [0]
def nxt():
    counter[0] += 1
    return (counter[0] - 1) % nb
def blas():
    # Debian's python3-torch links libblas.so.3, which the alternatives system points at OpenBLAS when
    # libopenblas0 is installed and otherwise at the netlib reference BLAS (about 15x slower here).
    try:
        maps = open('/proc/self/maps').read().lower()
    except OSError:
        return 'BLAS unknown'
    for key, name in (('openblas', 'OpenBLAS'), ('mkl', 'MKL'), ('blis', 'BLIS')):
        if key in maps: return name
    return 'reference BLAS' if '/blas/libblas' in maps else 'BLAS unknown'
def timed(fn, steps, warmup, repeats):
    for _ in range(warmup): fn()
    rounds = []
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(steps): fn()
        rounds.append((time.perf_counter() - t) * 1000 / steps)
    rounds.sort()
    h = len(rounds) // 2
    return rounds[h] if len(rounds) % 2 else (rounds[h - 1] + rounds[h]) / 2
if cfg['framework'] == 'torch':
    import torch
    torch.set_num_threads(cfg['threads'])
    nn = torch.nn
    if cfg['cnn']:
        net = nn.Sequential(nn.Unflatten(1, (1, 28, 28)), nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(1600, 10))
    else:
        mods = []
        for i in range(len(L) - 1):
            mods.append(nn.Linear(L[i], L[i + 1]))
            if i < len(L) - 2: mods.append(nn.Sigmoid())
        net = nn.Sequential(*mods)
    opt = torch.optim.SGD(net.parameters(), lr=cfg['learningRate'])
    lossf = torch.nn.CrossEntropyLoss()
    X = [torch.from_numpy(x) for x in xs]
    Y = [torch.from_numpy(y) for y in ys]
    XI = torch.from_numpy(inf)
    def step():
        i = nxt()
        opt.zero_grad()
        lossf(net(X[i]), Y[i]).backward()
        opt.step()
    def infer(n):
        with torch.no_grad(): torch.softmax(net(XI[:n]), dim=1)
    version = 'PyTorch ' + torch.__version__ + ' (' + blas() + ')'
else:
    os.environ.setdefault('KERAS_BACKEND', 'jax')
    import keras, jax
    K = keras.layers
    if cfg['cnn']:
        net = keras.Sequential([keras.Input((L[0],)), K.Reshape((28, 28, 1)), K.Conv2D(32, 3, activation='relu'), K.MaxPooling2D(2), K.Conv2D(64, 3, activation='relu'), K.MaxPooling2D(2), K.Flatten(), K.Dense(10, activation='softmax')])
    else:
        net = keras.Sequential([keras.Input((L[0],))] + [K.Dense(u, activation='sigmoid' if i < len(L) - 2 else 'softmax') for i, u in enumerate(L[1:])])
    net.compile(optimizer=keras.optimizers.SGD(cfg['learningRate']), loss='categorical_crossentropy')
    def step():
        i = nxt()
        net.train_on_batch(xs[i], ys[i])
    def infer(n): net.predict_on_batch(inf[:n])
    version = 'Keras %s on JAX %s (%s)' % (keras.__version__, jax.__version__, keras.backend.backend())
s = cfg['steps']
print(json.dumps({'version': version, 'msPerStep': timed(step, s, 5, cfg['repeats']),
    'msInfer1': timed(lambda: infer(1), 100, 5, cfg['repeats']), 'msInfer1000': timed(lambda: infer(1000), 5, 1, cfg['repeats'])}))
`;

const MODULES: Record<PythonFramework, string> = { torch: 'torch', keras: 'keras, jax' };

/**
 * Interpreters to try, in order: BACKPROP_BENCH_PYTHON (a list separated like PATH), else `python3`
 * then /usr/bin/python3 (Debian's python3-torch installs for the system Python, which a pyenv or
 * venv `python3` earlier on PATH hides).
 */
export function pythonCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = env.BACKPROP_BENCH_PYTHON;
  if (configured) return configured.split(path.delimiter).filter((p) => p.length > 0);
  return ['python3', '/usr/bin/python3'];
}

/** The first interpreter that imports the framework's modules, or null with the reason. */
export function findPython(framework: PythonFramework): { python: string } | { reason: string } {
  const candidates = pythonCandidates();
  for (const python of candidates) {
    const probe = spawnSync(python, ['-c', `import ${MODULES[framework]}`], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, KERAS_BACKEND: 'jax' } });
    if (probe.status === 0) return { python };
  }
  return { reason: `no Python with ${MODULES[framework]} among ${candidates.join(', ')} (set BACKPROP_BENCH_PYTHON)` };
}

/** Write the batches and the inference images to one float32 file: all x, then all y, then the images. */
export function writeBatchFile(data: BenchData, inferenceRows: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'backprop-bench-')), 'batches.f32');
  const parts = [...data.batches.map((b) => b.x), ...data.batches.map((b) => b.y), data.inference.subarray(0, inferenceRows * (data.inference.length / inferenceRows))];
  const fd = fs.openSync(file, 'w');
  try {
    for (const p of parts) fs.writeSync(fd, new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  } finally {
    fs.closeSync(fd);
  }
  return file;
}

/** Run one peer in its own Python process; throws with the interpreter's error output if it fails. */
export function runPythonPeer(
  python: string,
  framework: PythonFramework,
  threads: number,
  model: BenchModel,
  data: BenchData,
  file: string,
  timing: { steps: number; repeats: number },
  cnn = false,
): PythonPeerTiming {
  const inferenceRows = data.inference.length / model.layers[0];
  const cfg = { framework, threads, file, cnn, layers: model.layers, batchSize: model.batchSize, batches: data.batches.length, inferenceRows, learningRate: model.learningRate, ...timing };
  const run = spawnSync(python, ['-c', SCRIPT, JSON.stringify(cfg)], {
    encoding: 'utf8',
    timeout: 600_000,
    env: { ...process.env, KERAS_BACKEND: 'jax', OMP_NUM_THREADS: String(threads), OPENBLAS_NUM_THREADS: String(threads), MKL_NUM_THREADS: String(threads), TF_CPP_MIN_LOG_LEVEL: '3' },
  });
  const last = run.stdout?.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !last.startsWith('{')) {
    throw new Error(`${python} (${framework}) failed: ${(run.stderr || String(run.error ?? '')).trim().split('\n').slice(-3).join(' | ')}`);
  }
  return JSON.parse(last) as PythonPeerTiming;
}
