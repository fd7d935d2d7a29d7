import { ArgumentError } from '@backprop/core';
import { modelJsonWithWeightsPath, type ModelIOHandler } from '../model-io-handler';

/**
 * `downloads://<name>`: the browser downloads `<name>.json` and `<name>.weights.bin` (default name
 * `model`), as tfjs-core's `browserDownloads` does; the JSON's manifest names the weights file, so the
 * two files load back with `loadModel([jsonFile, weightsFile])` or from any static server.
 */
export function browserDownloads(name = 'model', doc: Document | undefined = globalThis.document): ModelIOHandler {
  if (/[\\/]/.test(name)) throw new ArgumentError(`downloads:// takes a file name without a directory, got ${JSON.stringify(name)}`);
  return {
    async save({ modelJson, weightData }) {
      if (!doc) throw new ArgumentError(`downloads://${name}: needs a page with a document (not a worker or Node)`);
      const weightsName = `${name}.weights.bin`;
      const json = JSON.stringify(modelJsonWithWeightsPath(modelJson, `./${weightsName}`));
      const files: [string, Blob][] = [
        [`${name}.json`, new Blob([json], { type: 'application/json' })],
        [weightsName, new Blob([weightData.slice().buffer], { type: 'application/octet-stream' })],
      ];
      for (const [fileName, blob] of files) {
        const url = URL.createObjectURL(blob);
        const anchor = doc.createElement('a');
        anchor.download = fileName;
        anchor.href = url;
        anchor.click();
        // Revoked on the next turn: the click has started the download by then.
        setTimeout(() => URL.revokeObjectURL(url), 0);
      }
    },
  };
}
