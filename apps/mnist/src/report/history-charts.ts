import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import type { EngineResult } from '../results/results-schema';

/**
 * The report's two training charts, each an SVG string: loss and accuracy per epoch, training and
 * validation, for every engine on shared axes. Drawn with Vega-Lite compiled to Vega and rendered
 * headless (`renderer: 'none'` needs no canvas); the data is inlined, so nothing is fetched.
 */

export type HistoryMetric = 'loss' | 'accuracy';

/** One plotted point; the line is the (engine, split) pair, which is what Vega-Lite groups by. */
interface HistoryPoint {
  readonly epoch: number;
  readonly value: number;
  readonly engine: string;
  readonly split: 'train' | 'validation';
}

/** Keras's History keys for training and validation of a metric. */
const KEYS = {
  loss: { train: 'loss', validation: 'val_loss' },
  accuracy: { train: 'accuracy', validation: 'val_accuracy' },
} as const;

export function historyPoints(results: readonly EngineResult[], metric: HistoryMetric): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (const result of results) {
    for (const split of ['train', 'validation'] as const) {
      const values = result.history[KEYS[metric][split]];
      result.history.epoch.forEach((epoch, i) => {
        points.push({ epoch, value: values[i], engine: result.engine, split });
      });
    }
  }
  return points;
}

export function historyChartSpec(results: readonly EngineResult[], metric: HistoryMetric): TopLevelSpec {
  return {
    title: metric === 'loss' ? 'Loss per epoch' : 'Accuracy per epoch',
    width: 340,
    height: 240,
    background: 'white',
    data: { values: historyPoints(results, metric) },
    mark: { type: 'line', point: { size: 10 } },
    encoding: {
      x: { field: 'epoch', type: 'quantitative', title: 'epoch', axis: { tickMinStep: 1, format: 'd' } },
      y: { field: 'value', type: 'quantitative', title: metric, scale: { zero: false } },
      color: { field: 'engine', type: 'nominal', title: 'engine' },
      // The engines usually agree to many digits, so their lines coincide: draw scratch wide and tfjs
      // thin on top of it, so that both colours stay visible where the curves overlap.
      strokeWidth: { field: 'engine', type: 'ordinal', sort: ['scratch', 'tfjs'], scale: { domain: ['scratch', 'tfjs'], range: [5, 1.5] }, legend: null },
      strokeDash: {
        field: 'split',
        type: 'nominal',
        title: 'series',
        sort: ['train', 'validation'],
        // Show the dash pattern in the legend rather than the point symbol.
        legend: { symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 },
      },
      tooltip: [
        { field: 'engine', type: 'nominal' },
        { field: 'split', type: 'nominal', title: 'series' },
        { field: 'epoch', type: 'quantitative' },
        { field: 'value', type: 'quantitative', title: metric, format: '.4f' },
      ],
    },
  };
}

/**
 * Vega-Lite gives the dash legend's stroke symbols no stroke colour (the colour comes from the other
 * legend), so they would be invisible; draw them dark gray in the compiled Vega spec.
 */
function strokeDashLegendSymbols(spec: vega.Spec): void {
  for (const legend of spec.legends ?? []) {
    if (legend.strokeDash === undefined) continue;
    const symbols = legend.encode?.symbols ?? {};
    legend.encode = { ...legend.encode, symbols: { ...symbols, update: { ...symbols.update, stroke: { value: '#333333' } } } };
  }
}

/** Render one chart to a standalone `<svg>` string. */
export async function renderHistoryChart(results: readonly EngineResult[], metric: HistoryMetric): Promise<string> {
  const vegaSpec = compile(historyChartSpec(results, metric)).spec;
  strokeDashLegendSymbols(vegaSpec);
  const view = new vega.View(vega.parse(vegaSpec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Both charts, loss then accuracy. */
export async function renderHistoryCharts(results: readonly EngineResult[]): Promise<Record<HistoryMetric, string>> {
  return { loss: await renderHistoryChart(results, 'loss'), accuracy: await renderHistoryChart(results, 'accuracy') };
}
