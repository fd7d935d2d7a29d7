import { drawHeatmap } from './heatmap';
import type { LayerView } from './layer-probe';

/**
 * One row per Dense layer: its kernel, the gradient of the loss with respect to it on the probe batch,
 * and its activations for the probe rows, each a heatmap (inputs down, units across; probe rows down).
 * Rebuilt only when the architecture changes, redrawn every epoch.
 */
export class LayerViews {
  private canvases: HTMLCanvasElement[][] = [];
  private shape = '';

  constructor(private readonly container: HTMLElement) {}

  draw(layers: readonly LayerView[], probeRows: number): void {
    const shape = layers.map((l) => `${l.inputs}x${l.units}`).join(',');
    if (shape !== this.shape) this.build(layers);
    layers.forEach((layer, i) => {
      const [kernel, gradient, activations] = this.canvases[i];
      drawHeatmap(kernel, layer.kernel, layer.inputs, layer.units, `${layer.name} weights`);
      drawHeatmap(gradient, layer.kernelGradient, layer.inputs, layer.units, `${layer.name} weight gradients`);
      drawHeatmap(activations, layer.activations, probeRows, layer.units, `${layer.name} activations`);
    });
  }

  private build(layers: readonly LayerView[]): void {
    this.shape = layers.map((l) => `${l.inputs}x${l.units}`).join(',');
    this.canvases = [];
    const rows = layers.map((layer) => {
      const row = document.createElement('div');
      row.className = 'layer-view';
      const title = document.createElement('h4');
      title.textContent = `${layer.name}: ${layer.inputs} → ${layer.units}`;
      const canvases = ['weights', 'gradient ∂loss/∂w', 'activations'].map((caption) => {
        const figure = document.createElement('figure');
        const text = document.createElement('figcaption');
        text.textContent = caption;
        const canvas = document.createElement('canvas');
        canvas.className = 'heatmap';
        figure.append(text, canvas);
        row.append(figure);
        return canvas;
      });
      this.canvases.push(canvases);
      row.prepend(title);
      return row;
    });
    this.container.replaceChildren(...rows);
  }
}
