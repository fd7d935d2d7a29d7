import { parse } from 'node-html-parser';
import { confusionHeatmapSvg } from './confusion-heatmap';

function identityTimes(k: number, n: number): number[][] {
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? n : 0)));
}

describe('confusionHeatmapSvg', () => {
  const matrix = identityTimes(10, 90);
  matrix[3][5] = 10;
  const svg = parse(confusionHeatmapSvg(matrix, { title: 'scratch' })).querySelector('svg')!;

  it('draws one cell per (true, predicted) pair with its count written in it', () => {
    const cells = svg.querySelectorAll('rect.cell');
    expect(cells).toHaveLength(100);
    const cell = cells.find((c) => c.getAttribute('data-true') === '3' && c.getAttribute('data-predicted') === '5')!;
    expect(cell.getAttribute('data-count')).toBe('10');
    const counts = svg.querySelectorAll('text.count').map((t) => Number(t.text));
    expect(counts).toHaveLength(100);
    expect(counts[3 * 10 + 5]).toBe(10);
    expect(counts[3 * 10 + 3]).toBe(90);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(910);
  });

  it('lays rows out by true class and columns by predicted class', () => {
    const cells = svg.querySelectorAll('rect.cell');
    const at = (t: number, p: number) => cells[t * 10 + p];
    expect(Number(at(3, 5).getAttribute('y'))).toBeGreaterThan(Number(at(2, 5).getAttribute('y')));
    expect(Number(at(3, 5).getAttribute('x'))).toBeGreaterThan(Number(at(3, 4).getAttribute('x')));
    expect(at(3, 5).getAttribute('y')).toBe(at(3, 0).getAttribute('y'));
  });

  it('shades by the share of the row: the diagonal darkest, empty cells white', () => {
    const cells = svg.querySelectorAll('rect.cell');
    const darkness = (t: number, p: number) => {
      const [r, g, b] = cells[t * 10 + p].getAttribute('fill')!.match(/\d+/g)!.map(Number);
      return 765 - (r + g + b);
    };
    expect(darkness(0, 0)).toBeGreaterThan(darkness(3, 3));
    expect(darkness(3, 3)).toBeGreaterThan(darkness(3, 5));
    expect(darkness(3, 5)).toBeGreaterThan(0);
    expect(darkness(0, 1)).toBe(0);
  });

  it('labels both axes with titles and class ticks, and escapes the title', () => {
    expect(svg.querySelectorAll('text.axis-title').map((t) => t.text)).toEqual(['predicted', 'true']);
    expect(svg.querySelectorAll('text.tick').map((t) => t.text).sort()).toEqual(
      [...'0123456789', ...'0123456789'].sort(),
    );
    const custom = confusionHeatmapSvg(identityTimes(2, 1), { title: '<b>"x"', classNames: ['cat', 'dog'] });
    expect(custom).toContain('aria-label="Confusion matrix, &lt;b&gt;&quot;x&quot;"');
    expect(parse(custom).querySelectorAll('rect.cell')).toHaveLength(4);
    expect(parse(custom).querySelectorAll('text.tick').map((t) => t.text)).toEqual(['cat', 'dog', 'cat', 'dog']);
  });
});
