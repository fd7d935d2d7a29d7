import { readFileSync } from 'node:fs';
import type { DenseNetwork } from '../network/dense-network';
import type { NeuralNetwork } from '../network/neural-network';
import { writeFileAtomic } from './atomic-write';
import { fileAccessError } from './file-access-error';
import { deserializeNetwork, serializeNetwork } from './network-file';

/**
 * Save a trained network as versioned JSON, atomically: after a crash or a full disk at any moment, the
 * path holds the previous file or the new one, and the temporary files of an interrupted save are removed
 * by the next save of the same path. Non-finite weights are a NonFiniteWeightError before any file is
 * touched; file-system failures are FileAccessErrors naming the path.
 */
export function saveNetwork(network: NeuralNetwork | DenseNetwork, path: string): void {
  writeFileAtomic(path, serializeNetwork(network), { what: 'model file' });
}

/**
 * Load a network saved by `saveNetwork`. A path that cannot be read is a FileAccessError (ENOENT, EISDIR,
 * EACCES, …); corrupted, truncated or foreign content is a ModelFormatError.
 */
export function loadNetwork(path: string): NeuralNetwork | DenseNetwork {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw fileAccessError(error, path, 'Cannot read model file', 'a network file written by saveNetwork');
  }
  return deserializeNetwork(text, path);
}
