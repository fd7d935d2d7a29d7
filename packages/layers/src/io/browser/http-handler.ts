import { ModelFormatError } from '@backprop/core';
import { modelJsonWithWeightsPath, type ModelIOHandler } from '../model-io-handler';

async function fetchOk(url: string, init?: RequestInit): Promise<Response> {
  const response = await fetch(url, init);
  if (!response.ok) throw new ModelFormatError(`${url}: the server answered ${response.status} ${response.statusText}`);
  return response;
}

/**
 * `http://` / `https://`, through `fetch` (tfjs-core's io/http.ts): load reads model.json at the URL
 * (or `<url>/model.json`) and each weights file its manifest names, relative to it; save POSTs a
 * multipart form with `model.json` and `model.weights.bin`, the fields tfjs's `http()` handler sends.
 */
export function httpHandler(url: string, init: RequestInit = {}): ModelIOHandler {
  const jsonUrl = /\.json(\?|#|$)/.test(url) ? url : `${url.replace(/\/$/, '')}/model.json`;
  return {
    async save({ modelJson, weightData }) {
      const form = new FormData();
      form.append('model.json', new Blob([JSON.stringify(modelJsonWithWeightsPath(modelJson, './model.weights.bin'))], { type: 'application/json' }), 'model.json');
      form.append('model.weights.bin', new Blob([weightData.slice().buffer], { type: 'application/octet-stream' }), 'model.weights.bin');
      await fetchOk(url, { method: 'POST', ...init, body: form });
    },
    async load() {
      const text = await (await fetchOk(jsonUrl, init)).text();
      let modelJson: unknown;
      try {
        modelJson = JSON.parse(text);
      } catch (error) {
        throw new ModelFormatError(`${jsonUrl}: not valid JSON (${(error as Error).message})`);
      }
      const manifest = (modelJson as { weightsManifest?: unknown })?.weightsManifest;
      const paths = Array.isArray(manifest) ? manifest.flatMap((group) => (Array.isArray(group?.paths) ? group.paths.map(String) : [])) : [];
      const weightFiles = new Map<string, Uint8Array>();
      for (const path of paths) {
        const response = await fetchOk(new URL(path, new URL(jsonUrl, globalThis.location?.href)).href, init);
        weightFiles.set(path, new Uint8Array(await response.arrayBuffer()));
      }
      return { modelJson, weightFiles, source: jsonUrl };
    },
  };
}
