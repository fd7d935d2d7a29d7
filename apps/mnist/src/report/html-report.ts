import { join } from 'node:path';
import { type BenchResults, validateResults } from '../results/results-schema';
import { speedSentence } from '../results/speed-ratio';
import { ensureOutputDirectory, writeOutputFile } from '../write-output-file';
import { COMPARISON_COLUMNS, comparisonRow } from './comparison-table';
import { confusionHeatmapSvg } from './confusion-heatmap';
import { escapeHtml } from './escape-html';
import { renderHistoryCharts } from './history-charts';
import { misclassifiedGridHtml, type TestImages } from './misclassified-grid';
import { paritySentence } from '../results/parity-sentence';

/**
 * The bench's HTML report: one self-contained page (inline CSS and SVG, digits as PNG data URIs, no
 * scripts, nothing fetched) with the comparison table, loss and accuracy charts, a confusion-matrix
 * heat map, classification report and misclassified digits per engine, and the run's settings.
 */

export interface HtmlReportOptions {
  /** The test images the results' `misclassified` indices point into; without them the grid lists indices only. */
  readonly testImages?: TestImages;
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1a1a1a; }
h1 { margin-bottom: 0.2rem; } .meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.6rem; text-align: left; }
table.comparison td:nth-child(n+3) { text-align: right; font-variant-numeric: tabular-nums; }
.speed { font-size: 1.2rem; font-weight: bold; }
.charts { display: flex; flex-wrap: wrap; gap: 1rem; } figure { margin: 0; }
.engine { border-top: 2px solid #ddd; margin-top: 1.5rem; }
.engine-body { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
pre { background: #f6f6f6; padding: 0.6rem; overflow-x: auto; }
.misclassified-grid { display: flex; flex-wrap: wrap; gap: 0.4rem; }
.digit { text-align: center; font-size: 0.75rem; width: 64px; }
.digit img { image-rendering: pixelated; display: block; margin: 0 auto; background: #000; }
.digit .predicted { color: #b00020; font-weight: bold; } .digit .index { color: #777; }
`;

function keyValueTable(className: string, entries: readonly [string, unknown][]): string {
  const rows = entries.map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(displayValue(value))}</td></tr>`);
  return `<table class="${className}">${rows.join('')}</table>`;
}

function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (Array.isArray(value)) return value.join('-');
  return String(value);
}

function comparisonTableHtml(doc: BenchResults): string {
  const head = COMPARISON_COLUMNS.map((c) => `<th>${escapeHtml(c)}</th>`).join('');
  const rows = doc.results.map(
    (r) => `<tr data-engine="${escapeHtml(r.engine)}">${comparisonRow(r).map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`,
  );
  const speed =
    doc.speedRatio === null
      ? ''
      : `<p class="speed">${escapeHtml(speedSentence(doc.speedRatio, doc.environment.tfjsBackend))}</p>`;
  const parity = doc.parity ? `<p class="parity">${escapeHtml(paritySentence(doc.parity))}</p>` : '';
  return `<table class="comparison"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>${speed}${parity}`;
}

function engineSection(result: BenchResults['results'][number], testImages: TestImages | undefined): string {
  const engine = escapeHtml(result.engine);
  return [
    `<section class="engine" id="engine-${engine}" data-engine="${engine}">`,
    `<h2>${engine} <small>${escapeHtml(result.backend)}</small></h2>`,
    '<div class="engine-body">',
    `<figure class="heatmap"><figcaption>Confusion matrix (rows: true class)</figcaption>${confusionHeatmapSvg(result.confusionMatrix, { title: result.engine })}</figure>`,
    `<div><h3>Classification report</h3><pre class="classification-report">${escapeHtml(result.classificationReport)}</pre></div>`,
    '</div>',
    '<h3>Misclassified test digits (true → predicted, test-set index)</h3>',
    misclassifiedGridHtml(result.misclassified, testImages),
    '</section>',
  ].join('\n');
}

/** The whole page as a string; validates `results` first. */
export async function renderHtmlReport(results: BenchResults, options: HtmlReportOptions = {}): Promise<string> {
  const doc = validateResults(results);
  const charts = await renderHistoryCharts(doc.results);
  const engines = doc.results.map((r) => r.engine).join(' vs ');
  const title = `backprop MNIST benchmark: ${engines || 'no engines'}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<p class="meta">${escapeHtml(doc.createdAt)} · <code>${escapeHtml(doc.command)}</code></p>`,
    `<section id="comparison"><h2>Comparison</h2>${comparisonTableHtml(doc)}</section>`,
    '<section id="history"><h2>Training history</h2><div class="charts">',
    `<figure class="chart" id="loss-chart">${charts.loss}</figure>`,
    `<figure class="chart" id="accuracy-chart">${charts.accuracy}</figure>`,
    '</div><p>Solid lines: training; dashed: validation. scratch is drawn wide under a thin tfjs line, so where the engines agree the two coincide.</p></section>',
    ...doc.results.map((r) => engineSection(r, options.testImages)),
    '<section id="settings"><h2>Settings</h2>',
    keyValueTable('settings', Object.entries(doc.settings)),
    '<h2>Environment</h2>',
    keyValueTable('environment', Object.entries(doc.environment)),
    '</section>',
    '</body></html>',
    '',
  ].join('\n');
}

/**
 * Render the report and write it to `dir/index.html` atomically, creating `dir` if needed; returns
 * the file's path. The page is built in memory first, so a failure leaves no half-written file; an
 * unwritable directory throws `OutputWriteError`, e.g.
 * `Cannot write report to /x/index.html: EACCES (permission denied)`.
 */
export async function writeHtmlReport(dir: string, results: BenchResults, options: HtmlReportOptions = {}): Promise<string> {
  const html = await renderHtmlReport(results, options);
  const path = join(dir, 'index.html');
  ensureOutputDirectory('report', dir, path);
  writeOutputFile('report', path, html);
  return path;
}
