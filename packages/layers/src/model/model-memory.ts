import { checkDenseMemory, type DenseMemoryEstimate, estimateDenseMemory, JS_MEMORY_LIMIT_BYTES, type OptimizerSpec, type OtherMemoryLayer, optimizerSlotCount } from '@backprop/core';
import type { BackendFactory } from '../backend/backend';
import { checkBatchSize } from './fit-options';
import type { DropoutPlan, ModelPlan } from './model-plan';
import { spatialMemoryLayers } from './spatial-memory';

/**
 * Throw `ModelSizeError` when the model cannot fit the backend's memory: its weights, gradients,
 * optimizer state (none when `optimizer` is null) and the activations of `batchRows`-row batches, against
 * the backend's `memoryLimit()` — for scratch, the kernel set's (the wasm heap's capacity, or the js
 * kernels' documented limit). The facade draws initial weights in JS for every backend, so a backend
 * without a limit of its own gets core's `JS_MEMORY_LIMIT_BYTES`.
 *
 * Runs from shapes alone, before the initial weights are drawn or the backend is created: a
 * `Dense(65536, { inputShape: [65536] })` is refused in milliseconds instead of allocating 17 GB.
 * Porting note: Keras lets the allocation fail (or the OS kill the process); tfjs throws whatever its
 * backend throws.
 */
export function checkModelMemory(plan: ModelPlan, backend: BackendFactory, optimizer: Required<OptimizerSpec> | null, batchRows: number): void {
  const estimate = estimateModelMemory(plan, optimizer, batchRows);
  const limit = backend.memoryLimit?.() ?? { bytes: JS_MEMORY_LIMIT_BYTES, what: `backend "${backend.name}" (JS_MEMORY_LIMIT_BYTES for weights drawn in JS)` };
  checkDenseMemory(estimate, limit.bytes, limit.what);
}

/**
 * Core's Dropout keeps its output and its mask, each as wide as its input, whatever stands before it: after
 * a Dense, or after convolutions (sized from the conv output, e.g. Flatten → Dropout(0.5) in Keras's
 * mnist_convnet) — counted per Dropout layer, not folded into the Dense before it (there may be none).
 */
function dropoutMemory({ layer, width }: DropoutPlan): OtherMemoryLayer {
  return { label: `Dropout "${layer.name}"`, params: 0, valuesPerRow: 2 * width };
}

/** What the scratch engine allocates for the model (core's `estimateDenseMemory`, with the image layers' and Dropout's buffers). */
export function estimateModelMemory(plan: ModelPlan, optimizer: Required<OptimizerSpec> | null, batchRows: number): DenseMemoryEstimate {
  return estimateDenseMemory({
    inputSize: plan.inputSize,
    layers: plan.dense.map((d) => ({ name: d.layer.name, units: d.layer.units, useBias: d.layer.useBias, inputs: d.inputs })),
    otherLayers: [...spatialMemoryLayers(plan.layers, plan.inputShape), ...plan.dropout.map(dropoutMemory)],
    outputSize: plan.outputUnits,
    batchSize: batchRows,
    optimizerSlots: optimizer === null ? 0 : optimizerSlotCount(optimizer),
  });
}

/** Rows of the largest batch `fit` will run: its batch size, or fewer when there are fewer samples. */
export function largestBatchRows(batchSize: number, ...sampleCounts: number[]): number {
  return Math.max(...sampleCounts.map((n) => Math.min(batchSize, n)));
}

/** Rows to assume before `fit` says: the default batch size of fit / evaluate / predict (Keras's 32). */
export function defaultBatchRows(): number {
  return checkBatchSize(undefined);
}
