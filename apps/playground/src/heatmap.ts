/**
 * Draw a rows × cols matrix as a heatmap on a canvas, one pixel per value, scaled up by CSS
 * (`image-rendering: pixelated`): blue for positive, red for negative, white for zero, the colour's
 * strength ∝ |v| / max |v| of this matrix, so each picture shows its own pattern.
 */
export function drawHeatmap(canvas: HTMLCanvasElement, values: Float32Array, rows: number, cols: number, label: string): void {
  canvas.width = cols;
  canvas.height = rows;
  canvas.setAttribute('role', 'img');
  let largest = 0;
  for (const v of values) largest = Math.max(largest, Math.abs(v));
  canvas.setAttribute('aria-label', `${label}: ${rows}×${cols}, largest |value| ${largest.toPrecision(3)}`);
  const image = new ImageData(cols, rows);
  const scale = largest > 0 ? 1 / largest : 0;
  for (let i = 0; i < rows * cols; i++) {
    const t = Math.min(1, Math.abs(values[i]) * scale);
    const lerp = (to: number) => Math.round(255 + (to - 255) * t);
    // Positive: white → #2b6cb0 (blue); negative: white → #c53030 (red), as the network diagram's edges.
    const [r, g, b] = values[i] >= 0 ? [lerp(43), lerp(108), lerp(176)] : [lerp(197), lerp(48), lerp(48)];
    image.data.set([r, g, b, 255], i * 4);
  }
  canvas.getContext('2d')!.putImageData(image, 0, 0);
}
