import { readFileSync } from 'node:fs';
import { ModelFormatError } from '../errors';
import type { DenseNetwork } from '../network/dense-network';
import type { NeuralNetwork } from '../network/neural-network';
import { writeFileAtomic } from './atomic-write';
import { deserializeNetwork, serializeNetwork } from './network-file';

/** Save a trained network as versioned JSON, atomically (a crash never leaves a half-written file). */
export function saveNetwork(network: NeuralNetwork | DenseNetwork, path: string): void {
  writeFileAtomic(path, serializeNetwork(network));
}

/** Load a network saved by `saveNetwork`; corrupted, truncated or foreign files raise `ModelFormatError`. */
export function loadNetwork(path: string): NeuralNetwork | DenseNetwork {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ModelFormatError(`Cannot read model file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return deserializeNetwork(text, path);
}
