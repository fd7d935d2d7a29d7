import type { ModelArtifacts } from '../model-io-handler';
import { weightSpecsOf } from '../model-io-handler';
import type { ModelJson, WeightsManifestEntry } from '../model-json';
import type { LoadedArtifacts } from '../model-io-handler';

/**
 * tfjs-core's `io.ModelArtifacts` as its IndexedDB and localStorage handlers store it: the topology,
 * the weight specs as one list, and all weights in one buffer. Stored in that shape so a model saved
 * by `tf.LayersModel.save('indexeddb://x')` loads here and the other way round.
 */
export interface TfjsStoredArtifacts {
  modelTopology: unknown;
  weightSpecs: WeightsManifestEntry[];
  weightData: ArrayBuffer;
  format?: string;
  generatedBy?: string;
  convertedBy?: string | null;
  /** A compiled model's loss, metrics and optimizer (tfjs keeps `trainingConfig` in both stores too). */
  trainingConfig?: unknown;
}

/** The one path our loaded artifacts give the weights. */
const STORED_WEIGHTS = 'weights.bin';

export function toStored(artifacts: ModelArtifacts): TfjsStoredArtifacts {
  const { modelJson, weightData } = artifacts;
  return {
    modelTopology: modelJson.modelTopology,
    weightSpecs: weightSpecsOf(modelJson),
    weightData: weightData.slice().buffer,
    format: modelJson.format,
    generatedBy: modelJson.generatedBy,
    convertedBy: modelJson.convertedBy,
    ...(modelJson.trainingConfig === undefined ? {} : { trainingConfig: modelJson.trainingConfig }),
  };
}

export function fromStored(stored: TfjsStoredArtifacts, source: string): LoadedArtifacts {
  const modelJson: Partial<ModelJson> & Record<string, unknown> = {
    modelTopology: stored.modelTopology as ModelJson['modelTopology'],
    weightsManifest: [{ paths: [STORED_WEIGHTS], weights: stored.weightSpecs }],
  };
  if (stored.format !== undefined) modelJson.format = stored.format as ModelJson['format'];
  if (stored.trainingConfig !== undefined && stored.trainingConfig !== null) modelJson.trainingConfig = stored.trainingConfig as ModelJson['trainingConfig'];
  return { modelJson, weightFiles: new Map([[STORED_WEIGHTS, new Uint8Array(stored.weightData)]]), source };
}
