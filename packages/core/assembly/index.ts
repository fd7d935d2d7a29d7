// Entry point of the backprop WebAssembly kernels: every function the TypeScript loader
// (src/kernels/wasm-kernels.ts) calls. Pointers are byte offsets into the imported memory.
export { gemm, gemmBlock, gemmWorkspaceBytes } from './gemm';
export { activationBackward, biasActivation } from './activations';
export { columnSums } from './column-sums';
export { col2im, im2col } from './convolution';
export { avgPool, avgPoolBackward, maxPool, maxPoolBackward } from './pooling';
export { softmaxCrossEntropy } from './softmax-cross-entropy';
export { adamUpdate, momentumUpdate, rmspropUpdate, sgdUpdate } from './optimizers';
export { adadeltaUpdate, adagradUpdate, adamaxUpdate, nadamUpdate } from './adaptive-optimizers';

/** First byte of linear memory that the module's own static data does not use. */
export function heapBase(): usize {
  return __heap_base;
}
