export { accuracy } from './accuracy';
export { binaryAccuracy } from './binary-accuracy';
export { type ClassLabels, classLabels } from './class-labels';
export {
  type ClassificationReportOptions,
  type ClassScores,
  classificationReport,
  type PrecisionRecallF1,
  precisionRecallF1,
} from './classification-report';
export { confusionMatrix } from './confusion-matrix';
export { meanBiasError } from './mean-bias-error';
export type { Values as RegressionValues } from './paired-values';
export { meanAbsoluteError, meanSquaredError, rootMeanSquaredError } from './regression-metrics';
