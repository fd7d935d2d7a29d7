import { preprocessDigit } from '@backprop/datasets';

/**
 * A black canvas to draw a white digit on (pointer events: mouse, pen, touch). `read()` returns the
 * drawing as MNIST would have it: @backprop/datasets' `preprocessDigit` (crop to the ink, fit 20×20,
 * centre by mass in 28×28), the same function `backprop-mnist predict` uses for images of any size.
 */
export class DrawPad {
  private readonly context: CanvasRenderingContext2D;
  private drawing = false;
  private last: [number, number] | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly onStroke: () => void,
  ) {
    this.context = canvas.getContext('2d', { willReadFrequently: true })!;
    this.clear();
    canvas.addEventListener('pointerdown', (event) => {
      this.drawing = true;
      this.last = this.point(event);
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!this.drawing) return;
      const next = this.point(event);
      this.line(this.last ?? next, next);
      this.last = next;
    });
    const end = () => {
      if (!this.drawing) return;
      this.drawing = false;
      this.last = null;
      this.onStroke();
    };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
  }

  clear(): void {
    this.context.fillStyle = '#000';
    this.context.fillRect(0, 0, this.canvas.width, this.canvas.height);
  }

  /** The drawing as a 28×28 MNIST input in 0..1, or null while the pad is empty. */
  read(): Float32Array | null {
    const { width, height } = this.canvas;
    const rgba = this.context.getImageData(0, 0, width, height).data;
    const gray = new Uint8Array(width * height);
    for (let i = 0; i < gray.length; i++) gray[i] = rgba[i * 4];
    const digit = preprocessDigit(gray, width, height, 255, { inkThreshold: 8 });
    return digit.empty ? null : digit.pixels;
  }

  private point(event: PointerEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [((event.clientX - rect.left) * this.canvas.width) / rect.width, ((event.clientY - rect.top) * this.canvas.height) / rect.height];
  }

  private line(from: [number, number], to: [number, number]): void {
    const c = this.context;
    c.strokeStyle = '#fff';
    c.lineWidth = 20;
    c.lineCap = 'round';
    c.beginPath();
    c.moveTo(...from);
    c.lineTo(...to);
    c.stroke();
  }
}

/** Show a 28×28 image (0..1) scaled up on a canvas. */
export function showDigit(canvas: HTMLCanvasElement, pixels: Float32Array): void {
  const small = new ImageData(28, 28);
  pixels.forEach((v, i) => small.data.set([v * 255, v * 255, v * 255, 255], i * 4));
  const context = canvas.getContext('2d')!;
  const scratch = new OffscreenCanvas(28, 28);
  scratch.getContext('2d')!.putImageData(small, 0, 0);
  context.imageSmoothingEnabled = false;
  context.drawImage(scratch, 0, 0, canvas.width, canvas.height);
}
