import type { ModelJson } from './model-json';

/**
 * A model as a save writes it: the tfjs layers format's model.json and the bytes of its one weights
 * file (little-endian float32, manifest order). tfjs-core's `io.ModelArtifacts`, reduced to what a
 * Sequential of Dense layers needs.
 */
export interface ModelArtifacts {
  readonly modelJson: ModelJson;
  readonly weightData: Uint8Array;
}

/** A model as a load finds it: the parsed model.json and the weight files its manifest names. */
export interface LoadedArtifacts {
  /** Parsed model.json, validated by `modelFromArtifacts`. */
  readonly modelJson: unknown;
  /** Weight files by the path the manifest gives (`weights.bin`, `./model.weights.bin`, …). */
  readonly weightFiles: ReadonlyMap<string, Uint8Array>;
  /** Where it came from, for error messages (`indexeddb://my-model`, a URL, a file name). */
  readonly source: string;
}

/**
 * Where a model is saved to or loaded from — the shape of tfjs-core's `io.IOHandler`. The built-in
 * handlers are chosen by URL scheme (`indexeddb://`, `localstorage://`, `downloads://`, `http(s)://`);
 * pass your own object to `model.save(handler)` / `loadModel(handler)` for any other store.
 */
export interface ModelIOHandler {
  save?(artifacts: ModelArtifacts): Promise<void>;
  load?(): Promise<LoadedArtifacts>;
}

/** The weights manifest as one flat list, for stores that keep the specs apart (tfjs's `weightSpecs`). */
export function weightSpecsOf(modelJson: ModelJson): ModelJson['weightsManifest'][number]['weights'] {
  return modelJson.weightsManifest.flatMap((group) => group.weights);
}

/** model.json text whose manifest names one weights file at `weightsPath` (as tfjs's handlers write it). */
export function modelJsonWithWeightsPath(modelJson: ModelJson, weightsPath: string): ModelJson {
  return { ...modelJson, weightsManifest: [{ paths: [weightsPath], weights: weightSpecsOf(modelJson) }] };
}
