const SVG = 'http://www.w3.org/2000/svg';

export interface DiagramLayer {
  /** Labels drawn in the nodes (activations), or empty strings. */
  readonly labels: readonly string[];
}

/**
 * Draw a fully connected network as SVG: columns of nodes, an edge per weight coloured by sign (blue +,
 * red −) with width ∝ |w|. `weights[l][i][j]` connects node i of layer l to node j of layer l + 1.
 */
export function drawNetwork(container: HTMLElement, layers: readonly DiagramLayer[], weights: readonly (readonly (readonly number[])[])[], title: string): void {
  const width = 360;
  const height = 220;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  const x = (l: number) => 40 + (l * (width - 80)) / Math.max(1, layers.length - 1);
  const y = (l: number, i: number) => ((i + 1) * height) / (layers[l].labels.length + 1);
  const largest = Math.max(1e-6, ...weights.flat(2).map(Math.abs));
  weights.forEach((matrix, l) => {
    matrix.forEach((row, i) => {
      row.forEach((w, j) => {
        if (j >= layers[l + 1].labels.length) return;
        const line = document.createElementNS(SVG, 'line');
        line.setAttribute('x1', String(x(l)));
        line.setAttribute('y1', String(y(l, i)));
        line.setAttribute('x2', String(x(l + 1)));
        line.setAttribute('y2', String(y(l + 1, j)));
        line.setAttribute('stroke', w >= 0 ? '#2b6cb0' : '#c53030');
        line.setAttribute('stroke-width', String(0.5 + (4 * Math.abs(w)) / largest));
        line.setAttribute('stroke-opacity', '0.7');
        svg.append(line);
      });
    });
  });
  layers.forEach((layer, l) => {
    layer.labels.forEach((label, i) => {
      const circle = document.createElementNS(SVG, 'circle');
      circle.setAttribute('cx', String(x(l)));
      circle.setAttribute('cy', String(y(l, i)));
      circle.setAttribute('r', '20');
      circle.setAttribute('fill', '#fff');
      circle.setAttribute('stroke', '#333');
      const text = document.createElementNS(SVG, 'text');
      text.setAttribute('x', String(x(l)));
      text.setAttribute('y', String(y(l, i) + 4));
      text.setAttribute('text-anchor', 'middle');
      text.textContent = label;
      svg.append(circle, text);
    });
  });
  container.replaceChildren(svg);
}
