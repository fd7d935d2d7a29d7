import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type HTMLElement, parse } from 'node-html-parser';
import { OutputWriteError, ResultsValidationError } from '../mnist-app-errors';
import { benchResultsFixture } from '../results/bench-results.fixture';
import { writeHtmlReport } from './html-report';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mnist-report-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const testImages = { images: new Uint8Array(200 * 784).map((_, i) => (i * 13) % 256), rows: 28 as const, cols: 28 as const };

describe('writeHtmlReport', () => {
  let root: HTMLElement;
  let html: string;
  let reportDir: string;

  beforeAll(async () => {
    reportDir = join(dir, 'nested', 'report');
    const doc = benchResultsFixture();
    doc.command = 'backprop-mnist bench --json "<script>alert(1)</script>"';
    const path = await writeHtmlReport(reportDir, doc, { testImages });
    expect(path).toBe(join(reportDir, 'index.html'));
    html = readFileSync(path, 'utf8');
    root = parse(html);
  });

  it('creates the directory and writes only index.html', () => {
    expect(readdirSync(reportDir)).toEqual(['index.html']);
    expect(html.startsWith('<!doctype html>')).toBe(true);
  });

  it('is self-contained: no scripts, stylesheets or remote resources', () => {
    expect(root.querySelectorAll('script')).toHaveLength(0);
    expect(root.querySelectorAll('link')).toHaveLength(0);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(html).not.toMatch(/url\(\s*['"]?https?:/);
    for (const img of root.querySelectorAll('img')) expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
  });

  it('escapes text it puts into the page', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(root.querySelector('.meta code')!.text).toBe('backprop-mnist bench --json "<script>alert(1)</script>"');
  });

  it('has the comparison table with one row per engine and the speed line', () => {
    const headers = root.querySelectorAll('table.comparison th').map((th) => th.text);
    expect(headers).toEqual(['engine', 'backend', 'epochs', 's/epoch', 'samples/s', 'train loss', 'test loss', 'test acc', 'macro F1']);
    const rows = root.querySelectorAll('table.comparison tbody tr');
    expect(rows.map((r) => r.querySelectorAll('td')[0].text)).toEqual(['scratch', 'tfjs']);
    expect(rows[1].querySelectorAll('td')[7].text).toBe('87.50%');
    expect(root.querySelector('.speed')!.text).toBe('scratch is 52.3× faster than tfjs (wasm)');
  });

  it('has a loss chart and an accuracy chart, each with one line per engine × split and titled axes', () => {
    for (const [id, metric] of [
      ['loss-chart', 'loss'],
      ['accuracy-chart', 'accuracy'],
    ]) {
      const svg = root.querySelector(`#${id} svg`)!;
      expect(svg).not.toBeNull();
      const lines = svg.querySelectorAll('g.mark-line path');
      expect(lines).toHaveLength(4);
      const labels = lines.map((l) => /engine: (\w+); series: (\w+)/.exec(l.getAttribute('aria-label')!)!.slice(1).join('/'));
      expect(labels.sort()).toEqual([
        'scratch/train',
        'scratch/validation',
        'tfjs/train',
        'tfjs/validation',
      ]);
      expect(svg.querySelectorAll('g.role-axis-title text').map((t) => t.text)).toEqual(['epoch', metric]);
    }
  });

  it('has a 10×10 heat map with counts for each engine', () => {
    const doc = benchResultsFixture();
    for (const [i, engine] of ['scratch', 'tfjs'].entries()) {
      const section = root.querySelector(`#engine-${engine}`)!;
      const cells = section.querySelectorAll('svg.confusion-matrix rect.cell');
      expect(cells).toHaveLength(100);
      const counts = section.querySelectorAll('svg.confusion-matrix text.count').map((t) => Number(t.text));
      expect(counts).toEqual(doc.results[i].confusionMatrix.flat());
    }
  });

  it('has the classification report of each engine verbatim in a <pre>', () => {
    const doc = benchResultsFixture();
    const reports = root.querySelectorAll('pre.classification-report').map((p) => p.text);
    expect(reports).toEqual(doc.results.map((r) => r.classificationReport));
    expect(reports[0]).toContain('macro avg');
  });

  it('has a grid of misclassified digits per engine, labelled true → predicted', () => {
    const doc = benchResultsFixture();
    for (const [i, engine] of ['scratch', 'tfjs'].entries()) {
      const figures = root.querySelectorAll(`#engine-${engine} .misclassified-grid figure.digit`);
      expect(figures).toHaveLength(doc.results[i].misclassified.length);
      const first = doc.results[i].misclassified[0];
      expect(figures[0].querySelector('figcaption')!.text).toBe(`${first.label} → ${first.predicted} #${first.index}`);
      expect(figures[0].querySelector('img')).not.toBeNull();
    }
  });

  it('has the settings and environment tables', () => {
    const table = (cls: string) =>
      Object.fromEntries(root.querySelectorAll(`table.${cls} tr`).map((tr) => [tr.querySelector('th')!.text, tr.querySelector('td')!.text]));
    expect(table('settings')).toMatchObject({ preset: 'modern', layers: '784-256-128-10', dataDir: '—', batchSize: '128' });
    expect(table('environment')).toMatchObject({ node: 'v20.20.2', cpus: '2', tfjsBackend: 'wasm' });
  });

  it('stays small', () => {
    expect(html.length).toBeLessThan(400_000);
  });
});

describe('writeHtmlReport failures', () => {
  it('rejects an invalid document before creating anything', async () => {
    const doc = benchResultsFixture();
    doc.results[1].confusionMatrix = [];
    const target = join(dir, 'invalid');
    await expect(writeHtmlReport(target, doc)).rejects.toThrow(ResultsValidationError);
    expect(readdirSync(dir)).not.toContain('invalid');
  });

  it('reports a directory that cannot be created in one line', async () => {
    writeFileSync(join(dir, 'a-file'), '');
    const target = join(dir, 'a-file', 'report');
    const error = await writeHtmlReport(target, benchResultsFixture()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputWriteError);
    expect((error as Error).message).toBe(`Cannot write report to ${join(target, 'index.html')}: ENOTDIR (a parent path is not a directory)`);
  });

  it('keeps an existing report whole when the new one fails, and leaves no temporary file', async () => {
    const target = join(dir, 'existing');
    mkdirSync(target);
    writeFileSync(join(target, 'index.html'), 'old report');
    const doc = benchResultsFixture();
    doc.results[0].misclassified = [{ index: 5000, label: 1, predicted: 2 }];
    await expect(writeHtmlReport(target, doc, { testImages })).rejects.toThrow('outside the 200 test images');
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toBe('old report');
    expect(readdirSync(target)).toEqual(['index.html']);
  });

  it('writes a report without test images, listing the misclassified indices', async () => {
    const path = await writeHtmlReport(join(dir, 'no-images'), benchResultsFixture());
    const root = parse(readFileSync(path, 'utf8'));
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expect(root.querySelectorAll('figure.digit').length).toBeGreaterThan(0);
  });
});
