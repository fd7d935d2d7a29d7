import { ArgumentError, ModelFormatError } from '@backprop/core';
import type { ModelIOHandler } from '../model-io-handler';
import { fromStored, toStored } from './stored-artifacts';

/** tfjs-core's io/local_storage.ts key layout, so both libraries read each other's saved models. */
const PREFIX = 'tensorflowjs_models';

function keys(name: string) {
  const base = `${PREFIX}/${name}`;
  return { info: `${base}/info`, topology: `${base}/topology`, weightSpecs: `${base}/weight_specs`, weightData: `${base}/weight_data`, metadata: `${base}/model_metadata` };
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function fromBase64(base64: string): Uint8Array {
  const text = atob(base64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

/**
 * `localstorage://<name>`: the model in `localStorage` (about 5 MB per origin), weights base64-encoded.
 * A save that hits the quota puts back what was stored under the name before, so a failed save leaves
 * the previous model loadable and never a half-saved one.
 */
export function localStorageHandler(name: string, storage: Storage | undefined = globalThis.localStorage): ModelIOHandler {
  if (!name) throw new ArgumentError('localstorage:// needs a model name, e.g. "localstorage://my-model", got ""');
  const source = `localstorage://${name}`;
  const k = keys(name);
  const store = () => {
    if (!storage) throw new ArgumentError(`${source}: localStorage is not available in this runtime`);
    return storage;
  };
  return {
    async save(artifacts) {
      const s = store();
      const stored = toStored(artifacts);
      const entries: [string, string][] = [
        [k.topology, JSON.stringify(stored.modelTopology)],
        [k.weightSpecs, JSON.stringify(stored.weightSpecs)],
        [k.weightData, toBase64(new Uint8Array(stored.weightData))],
        // tfjs-core io/local_storage.ts keeps trainingConfig in the metadata entry too.
        [k.metadata, JSON.stringify({ format: stored.format, generatedBy: stored.generatedBy, convertedBy: stored.convertedBy, trainingConfig: stored.trainingConfig })],
        [k.info, JSON.stringify({ dateSaved: new Date(), modelTopologyType: 'JSON', weightDataBytes: stored.weightData.byteLength })],
      ];
      const previous = entries.map(([key]) => [key, s.getItem(key)] as const);
      try {
        for (const [key, value] of entries) s.setItem(key, value);
      } catch (error) {
        for (const [key] of entries) s.removeItem(key);
        for (const [key, value] of previous) if (value !== null) s.setItem(key, value);
        throw new ArgumentError(`${source}: could not save (${(error as Error).message}); localStorage holds about 5 MB per origin — try indexeddb://`);
      }
    },
    async load() {
      const s = store();
      const topology = s.getItem(k.topology);
      const specs = s.getItem(k.weightSpecs);
      const data = s.getItem(k.weightData);
      if (topology === null || specs === null || data === null) throw new ModelFormatError(`${source}: no model saved under this name`);
      const metadata = JSON.parse(s.getItem(k.metadata) ?? '{}') as { format?: string; trainingConfig?: unknown };
      const weightData = fromBase64(data).buffer as ArrayBuffer;
      return fromStored({ modelTopology: JSON.parse(topology), weightSpecs: JSON.parse(specs), weightData, format: metadata.format, trainingConfig: metadata.trainingConfig }, source);
    },
  };
}
