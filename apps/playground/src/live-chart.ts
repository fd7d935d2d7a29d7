import uPlot from 'uplot';

/** A line chart (uPlot, built for streaming updates) that grows by one point per epoch. */
export class LiveChart {
  private readonly plot: uPlot;
  private readonly xs: number[] = [];
  private readonly ys: number[] = [];

  constructor(container: HTMLElement, label: string, range?: [number, number]) {
    this.plot = new uPlot(
      {
        width: 420,
        height: 200,
        scales: { x: { time: false }, y: range ? { range } : {} },
        series: [{ label: 'epoch' }, { label, stroke: '#0a66d8', width: 2 }],
        legend: { show: true },
      },
      [[], []],
      container,
    );
  }

  reset(): void {
    this.xs.length = 0;
    this.ys.length = 0;
    this.plot.setData([[], []]);
  }

  push(x: number, y: number): void {
    this.xs.push(x);
    this.ys.push(y);
    this.plot.setData([this.xs, this.ys]);
  }
}
