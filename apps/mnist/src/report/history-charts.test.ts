import { parse } from 'node-html-parser';
import { benchResultsFixture } from '../results/bench-results.fixture';
import { historyChartSpec, historyPoints, renderHistoryChart } from './history-charts';

describe('historyPoints', () => {
  it('has one point per engine, split and epoch, taken from the matching history series', () => {
    const results = benchResultsFixture().results;
    const points = historyPoints(results, 'loss');
    expect(points).toHaveLength(2 * 2 * 3);
    expect(points.filter((p) => p.engine === 'tfjs' && p.split === 'validation').map((p) => p.value)).toEqual(
      results[1].history.val_loss,
    );
    const accuracy = historyPoints(results, 'accuracy');
    expect(accuracy.filter((p) => p.engine === 'scratch' && p.split === 'train').map((p) => [p.epoch, p.value])).toEqual([
      [1, 0.7],
      [2, 0.85],
      [3, 0.9],
    ]);
  });
});

describe('renderHistoryChart', () => {
  it('draws one line per engine × split, titled axes, and both legends, as SVG', async () => {
    const svgText = await renderHistoryChart(benchResultsFixture().results, 'loss');
    expect(svgText.startsWith('<svg')).toBe(true);
    const svg = parse(svgText);
    const lines = svg.querySelectorAll('g.mark-line path');
    expect(lines).toHaveLength(4);
    const labels = lines.map((l) => l.getAttribute('aria-label')!);
    for (const engine of ['scratch', 'tfjs']) {
      for (const split of ['train', 'validation']) {
        expect(labels.filter((l) => l.includes(`engine: ${engine}`) && l.includes(`series: ${split}`))).toHaveLength(1);
      }
    }
    // Training solid, validation dashed.
    const dash = (l: (typeof lines)[number]) => l.getAttribute('stroke-dasharray');
    expect(new Set(lines.map(dash)).size).toBe(2);
    expect(svg.querySelectorAll('g.role-axis-title text').map((t) => t.text)).toEqual(['epoch', 'loss']);
    expect(svg.querySelector('g.role-title-text text')!.text).toBe('Loss per epoch');
    expect(svg.querySelectorAll('g.role-legend-title text').map((t) => t.text)).toEqual(['engine', 'series']);
    // The series legend shows visible solid and dashed strokes.
    const dashSymbols = svg.querySelectorAll('g.role-legend-symbol path').filter((p) => p.getAttribute('stroke-dasharray'));
    expect(dashSymbols.map((p) => p.getAttribute('stroke-dasharray'))).toEqual(['1,0', '4,2']);
    for (const symbol of dashSymbols) expect(symbol.getAttribute('stroke')).toBe('#333333');
  });

  it('draws an accuracy chart for a single engine', async () => {
    const svg = parse(await renderHistoryChart([benchResultsFixture().results[0]], 'accuracy'));
    expect(svg.querySelectorAll('g.mark-line path')).toHaveLength(2);
    expect(svg.querySelectorAll('g.role-axis-title text').map((t) => t.text)).toEqual(['epoch', 'accuracy']);
  });

  it('renders an empty history without failing', async () => {
    const result = benchResultsFixture().results[0];
    const empty = { ...result, epochs: 0, history: { epoch: [], loss: [], accuracy: [], val_loss: [], val_accuracy: [] } };
    const svg = parse(await renderHistoryChart([empty], 'loss'));
    expect(svg.querySelectorAll('g.mark-line path')).toHaveLength(0);
  });

  it('inlines its data so nothing is fetched', () => {
    const spec = historyChartSpec(benchResultsFixture().results, 'loss') as { data: { values?: unknown[]; url?: string } };
    expect(spec.data.url).toBeUndefined();
    expect(spec.data.values).toHaveLength(12);
  });
});
