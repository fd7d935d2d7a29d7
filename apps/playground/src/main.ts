import { describeKernels } from '@backprop/core';
import { loadModel, type Sequential, type WorkerPort } from '@backprop/layers';
import { drawConfusionTable } from './confusion-table';
import { predictDigit, trainDigitModel } from './digit-model';
import { DrawPad, showDigit } from './draw-pad';
import { LayerViews } from './layer-views';
import { LiveChart } from './live-chart';
import { drawNetwork } from './network-diagram';
import { type EpochReport, type TrainChoices, trainNetwork } from './network-trainer';
import { type DatasetName, loadTrainingData } from './training-data';
import { truncate3, workedForwardPass } from './worked-example';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

$('kernels').textContent = describeKernels();

// One training thread for the page (Vite bundles the worker script from this URL).
const worker: WorkerPort = new Worker(new URL('./training-worker.ts', import.meta.url), { type: 'module' });

// The worked example: input (0, 1) with its bias entry → hidden 0.899, 0.593, 0.378 → output 0.506.
const worked = workedForwardPass();
drawNetwork(
  $('worked-diagram'),
  [{ labels: ['0', '1', '1 (bias)'] }, { labels: worked.hidden.map(truncate3) }, { labels: [truncate3(worked.output)] }],
  worked.weights,
  `worked forward pass: hidden ${worked.hidden.map(truncate3).join(', ')}, output ${truncate3(worked.output)}`,
);

const lossChart = new LiveChart($('loss-chart'), 'loss');
const accuracyChart = new LiveChart($('accuracy-chart'), 'accuracy', [0, 1]);
const layerViews = new LayerViews($('layer-views'));
let stopTraining: (() => void) | null = null;
/** The last epoch on the charts: the final report repeats it (or is epoch 0 when stopped before the first). */
let chartedEpoch = 0;

function showEpoch(report: EpochReport, dataset: DatasetName, hidden: number): void {
  if (report.epoch > chartedEpoch) {
    lossChart.push(report.epoch, report.loss);
    accuracyChart.push(report.epoch, report.correct / report.total);
    chartedEpoch = report.epoch;
  }
  $('xor-accuracy').textContent = `${report.correct}/${report.total}`;
  layerViews.draw(report.layers, report.probeRows);
  const when = report.epoch === 0 ? 'before training' : `after epoch ${report.epoch}`;
  if (report.confusion.length > 2) drawConfusionTable($<HTMLTableElement>('confusion'), report.confusion, `Confusion matrix on the ${report.total} test digits ${when}`);
  // The node diagram only for a truth table (2 inputs); the digits' 64 or 784 inputs are in the heatmaps.
  if (dataset !== 'digits' && dataset !== 'mnist' && (report.epoch % 10 === 1 || report.correct === report.total)) {
    const layers = [{ labels: ['x₀', 'x₁'] }, { labels: Array.from({ length: hidden }, () => '') }, { labels: ['ŷ'] }];
    drawNetwork($('live-diagram'), layers, report.kernels, `trained weights at epoch ${report.epoch}`);
  }
}

$('xor-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $<HTMLButtonElement>('xor-train');
  const stop = $<HTMLButtonElement>('xor-stop');
  button.disabled = true;
  lossChart.reset();
  accuracyChart.reset();
  chartedEpoch = 0;
  const value = (id: string) => $<HTMLSelectElement>(id).value;
  const dataset = value('dataset') as DatasetName;
  const choices: TrainChoices = {
    hidden: Number(value('hidden')),
    // The select's options are valid names; the library still checks any string at run time.
    activation: value('activation') as TrainChoices['activation'],
    loss: value('loss') as TrainChoices['loss'],
    optimizer: value('optimizer') as TrainChoices['optimizer'],
  };
  const table = dataset !== 'digits' && dataset !== 'mnist';
  $('live-figure').hidden = !table;
  $('confusion').hidden = table;
  $('xor-accuracy-note').textContent = table ? '(the truth table’s four rows)' : '(held-out test digits)';
  // Stop works from the moment Train is pressed: a stop before the worker starts ends it before its first epoch.
  let stopRequested = false;
  stopTraining = () => {
    stopRequested = true;
  };
  stop.disabled = false;
  $('xor-status').textContent = 'loading data…';
  try {
    const data = await loadTrainingData(dataset);
    $('xor-status').textContent = 'training in a Web Worker…';
    const run = trainNetwork(worker, data, choices, (report) => showEpoch(report, dataset, choices.hidden));
    stopTraining = () => {
      stopRequested = true;
      run.stop();
    };
    if (stopRequested) run.stop();
    // The result's report (from the final weights) has been shown through the same callback.
    const last = await run.result;
    const ended = last.epoch === 0 ? 'before the first epoch' : `after ${last.epoch} epochs, loss ${last.loss.toFixed(4)}`;
    $('xor-status').textContent = `${stopRequested ? 'stopped' : 'done'} ${ended}`;
  } catch (error) {
    $('xor-status').textContent = `failed: ${(error as Error).message}`;
  } finally {
    stopTraining = null;
    stop.disabled = true;
    button.disabled = false;
  }
});

$('xor-stop').addEventListener('click', () => stopTraining?.());

let digitModel: Sequential | null = null;
const pad = new DrawPad($<HTMLCanvasElement>('pad'), () => predict());

function predict(): void {
  const pixels = pad.read();
  if (!pixels) return;
  showDigit($<HTMLCanvasElement>('preview'), pixels);
  if (!digitModel) {
    $('prediction').textContent = 'train or load a model first';
    return;
  }
  const p = predictDigit(digitModel, pixels);
  const best = p.indexOf(Math.max(...p));
  $('prediction').textContent = String(best);
  $('probabilities').replaceChildren(
    ...p.map((v, i) => {
      const item = document.createElement('li');
      item.textContent = `${(v * 100).toFixed(1)} %`;
      if (i === best) item.className = 'best';
      return item;
    }),
  );
}

$('clear').addEventListener('click', () => {
  pad.clear();
  $('prediction').textContent = '–';
  $('probabilities').replaceChildren();
});

$('mnist-train').addEventListener('click', async () => {
  const button = $<HTMLButtonElement>('mnist-train');
  button.disabled = true;
  $('mnist-status').textContent = 'loading the MNIST subset…';
  try {
    const { model, testAccuracy } = await trainDigitModel(worker, (epoch, loss) => {
      $('mnist-status').textContent = `training in a Web Worker: epoch ${epoch}/8, loss ${loss.toFixed(4)}`;
    });
    digitModel = model;
    $('mnist-status').textContent = `trained: ${(testAccuracy * 100).toFixed(1)} % on 500 test digits`;
    predict();
  } catch (error) {
    $('mnist-status').textContent = `training failed: ${(error as Error).message}`;
  } finally {
    button.disabled = false;
  }
});

$<HTMLInputElement>('model-files').addEventListener('change', async (event) => {
  const files = (event.target as HTMLInputElement).files;
  if (!files || files.length === 0) return;
  try {
    digitModel = await loadModel(files);
    $('mnist-status').textContent = `loaded ${[...files].map((f) => f.name).join(' + ')}: ${digitModel.countParams().toLocaleString()} parameters`;
    predict();
  } catch (error) {
    $('mnist-status').textContent = `could not load: ${(error as Error).message}`;
  }
});
