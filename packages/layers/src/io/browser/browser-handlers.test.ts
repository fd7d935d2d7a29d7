import { resolveObjectURL } from 'node:buffer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentError, Matrix, ModelFormatError } from '@backprop/core';
import { clearSession, Dense, loadModel, Sequential } from '../../index';
import { browserDownloads } from './downloads-handler';
import { indexedDBHandler } from './indexeddb-handler';
import { localStorageHandler } from './local-storage-handler';

// fake-indexeddb is ESM-first; its CommonJS build is what jest (CommonJS) loads.
const { IDBFactory } = require('fake-indexeddb') as { IDBFactory: new () => globalThis.IDBFactory };

const x = new Matrix(5, 3, Float32Array.from({ length: 15 }, (_, i) => Math.cos(i * 0.9)));

function model(seed: number): Sequential {
  const m = new Sequential({ seed });
  m.add(Dense(4, { inputShape: [3], activation: 'tanh' }));
  m.add(Dense(2, { activation: 'softmax' }));
  return m;
}

const predictions = (m: Sequential) => Array.from((m.predict(x) as Matrix).data);

/** A Storage over a Map that refuses writes past `quotaChars`, like a browser's ~5 MB localStorage. */
function memoryStorage(quotaChars = Number.POSITIVE_INFINITY): Storage {
  const map = new Map<string, string>();
  const used = () => [...map.values()].reduce((n, v) => n + v.length, 0);
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (map.get(k)?.length ?? 0) + v.length > quotaChars) throw new Error('QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
    clear: () => map.clear(),
  };
}

describe('browser IO handlers (run here on Node 20 globals: fetch, File, Blob; fake IndexedDB)', () => {
  beforeEach(() => clearSession());

  it('localstorage:// round-trips in tfjs’s key layout, and a save over quota keeps the previous model', async () => {
    const storage = memoryStorage();
    const saved = model(1);
    await saved.save(localStorageHandler('xor', storage));
    expect(JSON.parse(storage.getItem('tensorflowjs_models/xor/weight_specs')!).map((s: { name: string }) => s.name)).toEqual(['dense/kernel', 'dense/bias', 'dense_1/kernel', 'dense_1/bias']);
    expect(predictions(await loadModel(localStorageHandler('xor', storage)))).toEqual(predictions(saved));

    const small = memoryStorage(storage.getItem('tensorflowjs_models/xor/weight_data')!.length + 3000);
    await saved.save(localStorageHandler('xor', small));
    const bigger = new Sequential({ seed: 2, layers: [Dense(64, { inputShape: [3] }), Dense(2)] });
    await expect(bigger.save(localStorageHandler('xor', small))).rejects.toThrow(/localstorage:\/\/xor: could not save \(QuotaExceededError\)/);
    expect(predictions(await loadModel(localStorageHandler('xor', small)))).toEqual(predictions(saved));
    await expect(loadModel(localStorageHandler('nothing', storage))).rejects.toThrow(new ModelFormatError('localstorage://nothing: no model saved under this name'));
  });

  it('indexeddb:// round-trips in tfjs’s database layout', async () => {
    const factory = new IDBFactory();
    const saved = model(3);
    await saved.save(indexedDBHandler('digits', factory));
    const loaded = await loadModel(indexedDBHandler('digits', factory));
    expect(predictions(loaded)).toEqual(predictions(saved));
    expect(loaded.layers.map((l) => l.name)).toEqual(['dense', 'dense_1']);
    // The record tfjs's BrowserIndexedDB reads: { modelPath, modelArtifacts: { modelTopology, weightSpecs, weightData } }.
    const db = await new Promise<IDBDatabase>((resolve) => {
      const open = factory.open('tensorflowjs', 1);
      open.onsuccess = () => resolve(open.result);
    });
    const record = await new Promise<{ modelArtifacts: { weightSpecs: unknown[]; weightData: ArrayBuffer } }>((resolve) => {
      const get = db.transaction('models_store').objectStore('models_store').get('digits');
      get.onsuccess = () => resolve(get.result);
    });
    db.close();
    expect(record.modelArtifacts.weightSpecs).toHaveLength(4);
    expect(record.modelArtifacts.weightData.byteLength).toBe((3 * 4 + 4 + 4 * 2 + 2) * 4);
    await expect(loadModel(indexedDBHandler('missing', factory))).rejects.toThrow('indexeddb://missing: no model saved under this name');
  });

  // tfjs keeps `trainingConfig` in both stores (tfjs-core io/local_storage.ts: in the model_metadata entry).
  it('localstorage:// and indexeddb:// keep the training config and the optimizer state', async () => {
    const saved = model(4);
    saved.compile({ loss: 'categorical_crossentropy', optimizer: 'adam', metrics: ['accuracy'] });
    const y = new Matrix(5, 2, Float32Array.from({ length: 10 }, (_, i) => i % 2));
    await saved.fit(x, y, { epochs: 2, batchSize: 5, verbose: 0 });
    const state = await saved.getOptimizerState();
    for (const handler of [localStorageHandler('trained', memoryStorage()), indexedDBHandler('trained', new IDBFactory())]) {
      await saved.save(handler, { includeOptimizer: true });
      const loaded = await loadModel(handler);
      expect(loaded.compileConfig?.optimizer).toEqual(saved.compileConfig?.optimizer);
      expect(await loaded.getOptimizerState()).toEqual(state);
    }
  });

  it('downloads:// hands the page model.json + model.weights.bin, which load back as File objects', async () => {
    const clicked: { download: string; href: string }[] = [];
    const doc = { createElement: () => ({ download: '', href: '', click(this: { download: string; href: string }) { clicked.push({ download: this.download, href: this.href }); } }) };
    const saved = model(4);
    await saved.save(browserDownloads('my-net', doc as unknown as Document));
    expect(clicked.map((c) => c.download)).toEqual(['my-net.json', 'my-net.weights.bin']);
    const files = await Promise.all(clicked.map(async (c) => new File([await resolveObjectURL(c.href)!.arrayBuffer()], c.download)));
    expect(JSON.parse(await files[0].text()).weightsManifest[0].paths).toEqual(['./my-net.weights.bin']);
    expect(predictions(await loadModel(files))).toEqual(predictions(saved));
    await expect(loadModel([files[0]])).rejects.toThrow('my-net.json: weights file "my-net.weights.bin" was not among the selected files (none)');
    await expect(loadModel([files[1]])).rejects.toThrow(ArgumentError);
  });

  describe('http(s):// through fetch', () => {
    let server: Server;
    let base: string;
    let dir: string;
    const posted: Record<string, ArrayBuffer> = {};
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'backprop-http-'));
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', async () => {
          if (req.method === 'POST') {
            const form = await new Response(Buffer.concat(chunks), { headers: { 'content-type': String(req.headers['content-type']) } }).formData();
            for (const [key, value] of form) posted[key] = await (value as Blob).arrayBuffer();
            res.end('ok');
            return;
          }
          try {
            res.end(readFileSync(join(dir, req.url!.slice(1))));
          } catch {
            res.statusCode = 404;
            res.end();
          }
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('loads model.json and its weights relative to the URL, and POSTs tfjs’s two form fields', async () => {
      const saved = model(5);
      await saved.save(dir);
      expect(predictions(await loadModel(`${base}/model.json`))).toEqual(predictions(saved));
      expect(predictions(await loadModel(base))).toEqual(predictions(saved));
      await expect(loadModel(`${base}/nope/model.json`)).rejects.toThrow(`${base}/nope/model.json: the server answered 404 Not Found`);

      await saved.save(`${base}/upload`);
      expect(Object.keys(posted).sort()).toEqual(['model.json', 'model.weights.bin']);
      const files = [new File([posted['model.json']], 'model.json'), new File([posted['model.weights.bin']], 'model.weights.bin')];
      expect(predictions(await loadModel(files))).toEqual(predictions(saved));
    });
  });
});
