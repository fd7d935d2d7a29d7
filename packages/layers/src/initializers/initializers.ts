import { type InitializerSpec, initializerFromObject } from '@backprop/core';

type VarianceScalingArgs = { scale?: number; mode?: 'fanIn' | 'fanOut' | 'fanAvg' | 'fan_in' | 'fan_out' | 'fan_avg'; distribution?: 'normal' | 'uniform' | 'truncatedNormal' | 'truncated_normal' | 'untruncated_normal' };

const spec = (className: string, config: object, where: string) => initializerFromObject({ className, config }, where) as InitializerSpec;

/**
 * tfjs's `tf.initializers` factories for the initializers that take a config (Keras 3's defaults when an argument
 * is left out): `Dense(64, { kernelInitializer: initializers.randomNormal({ stddev: 0.01 }) })`. The parameterless
 * ones are given by name (`'heNormal'`, `'leCunUniform'`, …).
 */
export const initializers = {
  randomNormal: (config: { mean?: number; stddev?: number } = {}) => spec('RandomNormal', config, 'initializers.randomNormal'),
  randomUniform: (config: { minval?: number; maxval?: number } = {}) => spec('RandomUniform', config, 'initializers.randomUniform'),
  truncatedNormal: (config: { mean?: number; stddev?: number } = {}) => spec('TruncatedNormal', config, 'initializers.truncatedNormal'),
  varianceScaling: (config: VarianceScalingArgs = {}) => spec('VarianceScaling', config, 'initializers.varianceScaling'),
};
