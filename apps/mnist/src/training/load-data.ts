import { Rng } from '@backprop/core';
import { loadMnist, poolMnist } from '@backprop/datasets';
import type { TrainingSettings } from '../cli-options';
import { MnistSource } from './mnist-source';

export interface MnistData {
  train: MnistSource;
  test: MnistSource;
  /** Where the images came from, for the report. */
  dataDir: string | null;
}

/**
 * The training and test data a run asks for: the distributed 60,000/10,000 split, or (pyimagesearch)
 * all 70,000 images pooled and split 75/25 with the seed, as the tutorial's `train_test_split` does.
 * `limit` keeps the first n images of each part (of the pool for a pooled split).
 */
export function loadData(settings: Pick<TrainingSettings, 'split' | 'seed' | 'limit' | 'dataDir' | 'layers'>): MnistData {
  const mnist = loadMnist(settings.dataDir ? { dataDir: settings.dataDir } : {});
  const limit = (n: number) => (settings.limit === null ? n : Math.min(n, settings.limit));
  if (settings.split.kind === 'pooled') {
    const pool = poolMnist(mnist);
    const order = new Rng(settings.seed).permutation(pool.count).subarray(0, limit(pool.count));
    const testCount = Math.ceil(order.length * settings.split.testFraction);
    return {
      train: new MnistSource(pool, order.subarray(testCount)),
      test: new MnistSource(pool, order.subarray(0, testCount)),
      dataDir: settings.dataDir,
    };
  }
  const first = (n: number) => Uint32Array.from({ length: limit(n) }, (_, i) => i);
  return {
    train: new MnistSource(mnist.train, first(mnist.train.count)),
    test: new MnistSource(mnist.test, first(mnist.test.count)),
    dataDir: settings.dataDir,
  };
}
