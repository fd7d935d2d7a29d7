/**
 * @backprop/datasets: the data the backprop tutorials train on. MNIST through an IDX reader
 * (plain or gzip), the 8x8 digits, and the XOR/AND/OR truth tables.
 */
export { DatasetFormatError, DatasetNotFoundError, DatasetReadError, IdxFormatError, IdxSizeError } from './dataset-errors';
export { encodeIdx } from './encode-idx';
export type { Float32Matrix, IndexRange, Selection } from './image-batch';
export { imagesToFloat32, labelsToOneHot, oneHotLabels, toFloat32Batch } from './image-batch';
export type { ImageSet, Mnist } from './image-set';
export { concatImageSets, pixelsPerImage, poolMnist } from './image-set';
export type { Digits, LoadDigitsOptions } from './load-digits';
export { digitsPath, loadDigits, MAX_DIGITS_CSV_BYTES } from './load-digits';
export type { LoadMnistOptions } from './load-mnist';
export { candidateFileNames, defaultMnistDir, loadMnist, MNIST_CLASSES, MNIST_FILES } from './load-mnist';
export type { LogicGateData } from './logic-gates';
export { and, or, xor } from './logic-gates';
export type { IdxArray, ReadIdxOptions } from './read-idx';
export { formatMagic, IDX_UNSIGNED_BYTE, isGzip, readIdx } from './read-idx';
// The generic preprocessing steps live in core; re-exported so a dataset script needs one import.
export type { MinMaxScaleOptions, TrainTestSplit, TrainTestSplitOptions } from '@backprop/core';
export { minMaxScale, oneHot, trainTestSplit } from '@backprop/core';
