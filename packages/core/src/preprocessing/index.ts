export { argMaxRows, type RowMajor } from './arg-max-rows';
export { MinMaxScaler, type MinMaxScaleOptions, minMaxScale, scaleMinMax } from './min-max-scale';
export { ClassLabelError, oneHot, oneHotInto } from './one-hot';
export {
  type LabelArray,
  type TrainTestSplit,
  type TrainTestSplitOptions,
  trainTestSplit,
} from './train-test-split';
