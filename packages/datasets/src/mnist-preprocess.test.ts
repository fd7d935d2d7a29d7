import { loadMnist } from './load-mnist';
import { preprocessDigit } from './mnist-preprocess';

function centreOfMass(pixels: Float32Array, side: number): [number, number] {
  let mass = 0;
  let mx = 0;
  let my = 0;
  pixels.forEach((v, i) => {
    mass += v;
    mx += v * (i % side);
    my += v * Math.floor(i / side);
  });
  return [mx / mass, my / mass];
}

function inkBox(pixels: Float32Array, side: number): { width: number; height: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  pixels.forEach((v, i) => {
    if (v > 0) {
      xs.push(i % side);
      ys.push(Math.floor(i / side));
    }
  });
  return { width: Math.max(...xs) - Math.min(...xs) + 1, height: Math.max(...ys) - Math.min(...ys) + 1 };
}

describe('preprocessDigit (MNIST’s normalisation)', () => {
  it('crops a stroke on a large canvas to its ink, fits it to 20 px keeping the aspect ratio, centres its mass', () => {
    // A 280×200 canvas with a 40 px wide, 160 px tall bar off to the upper left.
    const [w, h] = [280, 200];
    const canvas = new Uint8Array(w * h);
    for (let y = 10; y < 170; y++) for (let x = 30; x < 70; x++) canvas[y * w + x] = 255;
    const { pixels, empty } = preprocessDigit(canvas, w, h);
    expect(empty).toBe(false);
    expect(inkBox(pixels, 28)).toEqual({ width: 5, height: 20 });
    const [cx, cy] = centreOfMass(pixels, 28);
    expect(Math.abs(cx - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(cy - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.max(...pixels)).toBe(1);
  });

  it('leaves MNIST’s own test digits as they are (they were made this way; cosine similarity > 0.999)', () => {
    const { test } = loadMnist({ subset: { train: 1, test: 50 } });
    let agreement = 0;
    for (let i = 0; i < 50; i++) {
      const original = test.images.subarray(i * 784, (i + 1) * 784);
      const { pixels } = preprocessDigit(original, 28, 28);
      // Cosine similarity between the original (0..1) and the re-normalised image.
      let dot = 0;
      let a = 0;
      let b = 0;
      original.forEach((v, j) => {
        dot += (v / 255) * pixels[j];
        a += (v / 255) ** 2;
        b += pixels[j] ** 2;
      });
      agreement += dot / Math.sqrt(a * b) / 50;
    }
    expect(agreement).toBeGreaterThan(0.999);
  });

  it('returns an empty image for a blank canvas and checks its arguments', () => {
    expect(preprocessDigit(new Uint8Array(16), 4, 4)).toEqual({ pixels: new Float32Array(784), empty: true });
    expect(() => preprocessDigit(new Uint8Array(15), 4, 4)).toThrow('preprocessDigit: expected 4×4 = 16 pixels, got 15');
    expect(() => preprocessDigit(new Uint8Array(0), 0, 4)).toThrow('preprocessDigit: width and height must be positive integers, got 0×4');
  });
});
