import { describeKernels } from '@backprop/core';
import { loadModel, type Sequential } from '@backprop/layers';
import { predictDigit, trainDigitModel } from './digit-model';
import { DrawPad, showDigit } from './draw-pad';
import { LiveChart } from './live-chart';
import { drawNetwork } from './network-diagram';
import { truncate3, workedForwardPass } from './worked-example';
import { trainTruthTable, type XorChoices } from './xor-trainer';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

$('kernels').textContent = describeKernels();

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

$('xor-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $<HTMLButtonElement>('xor-train');
  button.disabled = true;
  lossChart.reset();
  accuracyChart.reset();
  const value = (id: string) => $<HTMLSelectElement>(id).value;
  const choices: XorChoices = {
    dataset: value('dataset') as XorChoices['dataset'],
    hidden: Number(value('hidden')),
    // The select's options are valid names; the library still checks any string at run time.
    activation: value('activation') as XorChoices['activation'],
    loss: value('loss') as XorChoices['loss'],
    optimizer: value('optimizer') as XorChoices['optimizer'],
  };
  $('xor-status').textContent = 'training…';
  const last = await trainTruthTable(choices, (report) => {
    lossChart.push(report.epoch, report.loss);
    accuracyChart.push(report.epoch, report.correct / 4);
    $('xor-accuracy').textContent = `${report.correct}/4`;
    if (report.epoch % 10 === 1 || report.correct === 4) {
      const layers = [{ labels: ['x₀', 'x₁'] }, { labels: Array.from({ length: choices.hidden }, () => '') }, { labels: ['ŷ'] }];
      drawNetwork($('live-diagram'), layers, report.weights, `trained weights at epoch ${report.epoch}`);
    }
  });
  $('xor-status').textContent = `done after ${last.epoch} epochs, loss ${last.loss.toFixed(4)}`;
  button.disabled = false;
});

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
  const { model, testAccuracy } = await trainDigitModel((epoch, loss) => {
    $('mnist-status').textContent = `training: epoch ${epoch}/8, loss ${loss.toFixed(4)}`;
  });
  digitModel = model;
  $('mnist-status').textContent = `trained: ${(testAccuracy * 100).toFixed(1)} % on 500 test digits`;
  button.disabled = false;
  predict();
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
