import { argMaxRows, classificationReport, confusionMatrix, precisionRecallF1 } from '@backprop/core';
import type { Sequential } from '@backprop/layers';
import type { TrainingSettings } from '../cli-options';
import type { EngineName, Verbosity } from '../cli-value-parsers';
import { MAX_MISCLASSIFIED, type EngineResult } from '../results/results-schema';
import { buildModel } from './build-model';
import { EpochTimer } from './epoch-timer';
import type { Interrupt } from './interrupt';
import type { MnistData } from './load-data';

export type { EngineName };

export interface EngineRun {
  result: EngineResult;
  model: Sequential;
}

/**
 * Train one engine with the facade's loop (same seed, same initial weights, same batch order for every
 * engine), then score it on the test data: loss, accuracy, macro F1, confusion matrix, the report in
 * scikit-learn's layout, and the first misclassified digits.
 */
export async function trainEngine(
  engine: EngineName,
  backendDescription: string,
  settings: TrainingSettings,
  data: MnistData,
  options: { verbose: Verbosity; interrupt: Interrupt; log: (line: string) => void },
): Promise<EngineRun> {
  const model = buildModel(settings, engine);
  await model.ready();
  const timer = new EpochTimer();
  options.interrupt.onInterrupt(() => {
    model.stopTraining = true;
  });
  options.log(`\n${engine}: ${backendDescription} — ${settings.epochs} epochs of ${data.train.size} images, batch ${settings.batchSize}`);
  const history = await model.fit(data.train, {
    epochs: settings.epochs,
    batchSize: settings.batchSize,
    validationData: data.test,
    seed: settings.seed,
    verbose: options.verbose,
    callbacks: [timer],
  });
  const probabilities = await model.predictAsync(data.test, { batchSize: 1000 });
  const predicted = argMaxRows(probabilities);
  const truth = Array.from({ length: data.test.size }, (_, i) => data.test.label(i));
  const evaluated = await model.evaluate(data.test, { batchSize: 1000 });
  const [testLoss, testAccuracy] = evaluated as number[];
  const misclassified: EngineResult['misclassified'] = [];
  for (let i = 0; i < truth.length && misclassified.length < MAX_MISCLASSIFIED; i++) {
    if (predicted[i] !== truth[i]) misclassified.push({ index: i, label: truth[i], predicted: predicted[i] });
  }
  const h = history.history;
  const epochs = history.epoch.length;
  return {
    model,
    result: {
      engine,
      backend: backendDescription,
      epochs,
      secondsPerEpoch: timer.secondsPerEpoch,
      samplesPerSecond: timer.secondsPerEpoch > 0 ? data.train.size / timer.secondsPerEpoch : 0,
      trainLoss: epochs > 0 ? h.loss[epochs - 1] : Number.NaN,
      testLoss,
      testAccuracy,
      macroF1: precisionRecallF1(truth, predicted, 10).macroAvg.f1,
      history: {
        epoch: history.epoch.map((e) => e + 1),
        loss: h.loss ?? [],
        accuracy: h.accuracy ?? [],
        val_loss: h.val_loss ?? [],
        val_accuracy: h.val_accuracy ?? [],
      },
      confusionMatrix: confusionMatrix(truth, predicted, 10),
      classificationReport: classificationReport(truth, predicted, { digits: 4 }),
      misclassified,
      interrupted: options.interrupt.requested,
    },
  };
}
