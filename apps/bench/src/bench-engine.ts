import type { ActivationName } from '@backprop/core';

/** One contender of the benchmark, set up with its model and random data, ready to be timed. */
export interface BenchEngine {
  /** `scratch-wasm`, `scratch-js`, `tfjs-wasm`, `tfjs-cpu`, `tfjs-node`. */
  readonly name: string;
  /** What actually runs (kernel set, tfjs version and backend). */
  readonly description: string;
  /** One SGD step on a batch. */
  trainStep(): unknown | Promise<unknown>;
  /** Predict a batch of `rows` images (1 or 1000 in the report). */
  infer(rows: number): unknown | Promise<unknown>;
  dispose(): void | Promise<void>;
}

export interface BenchData {
  /** Training batches, used in turn. */
  readonly batches: readonly { readonly x: Float32Array; readonly y: Float32Array }[];
  /** Images for inference (at least 1000 rows). */
  readonly inference: Float32Array;
}

export interface BenchModel {
  readonly layers: readonly number[];
  readonly activation: ActivationName;
  readonly batchSize: number;
  readonly learningRate: number;
  readonly seed: number;
}
