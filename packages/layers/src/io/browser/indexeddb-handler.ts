import { ArgumentError, ModelFormatError } from '@backprop/core';
import type { ModelIOHandler } from '../model-io-handler';
import { fromStored, type TfjsStoredArtifacts, toStored } from './stored-artifacts';

/** tfjs-core's io/indexed_db.ts names, so both libraries read each other's saved models. */
const DATABASE_NAME = 'tensorflowjs';
const DATABASE_VERSION = 1;
const MODEL_STORE = 'models_store';
const INFO_STORE = 'model_info_store';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openDatabase(factory: IDBFactory): Promise<IDBDatabase> {
  const open = factory.open(DATABASE_NAME, DATABASE_VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore(MODEL_STORE, { keyPath: 'modelPath' });
    db.createObjectStore(INFO_STORE, { keyPath: 'modelPath' });
  };
  return request(open);
}

function completion(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/**
 * `indexeddb://<name>`: the model in the browser's IndexedDB, in tfjs's database layout. A save writes
 * the model and its info record in one transaction, so it is all-or-nothing.
 */
export function indexedDBHandler(name: string, factory: IDBFactory | undefined = globalThis.indexedDB): ModelIOHandler {
  if (!name) throw new ArgumentError('indexeddb:// needs a model name, e.g. "indexeddb://my-model", got ""');
  const source = `indexeddb://${name}`;
  const database = () => {
    if (!factory) throw new ArgumentError(`${source}: IndexedDB is not available in this runtime`);
    return openDatabase(factory);
  };
  return {
    async save(artifacts) {
      const db = await database();
      try {
        const tx = db.transaction([MODEL_STORE, INFO_STORE], 'readwrite');
        const done = completion(tx);
        const stored = toStored(artifacts);
        tx.objectStore(MODEL_STORE).put({ modelPath: name, modelArtifacts: stored });
        tx.objectStore(INFO_STORE).put({
          modelPath: name,
          modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: stored.weightData.byteLength },
        });
        await done;
      } finally {
        db.close();
      }
    },
    async load() {
      const db = await database();
      try {
        const tx = db.transaction(MODEL_STORE, 'readonly');
        const record = (await request(tx.objectStore(MODEL_STORE).get(name))) as { modelArtifacts?: TfjsStoredArtifacts } | undefined;
        if (!record?.modelArtifacts) throw new ModelFormatError(`${source}: no model saved under this name`);
        return fromStored(record.modelArtifacts, source);
      } finally {
        db.close();
      }
    },
  };
}
