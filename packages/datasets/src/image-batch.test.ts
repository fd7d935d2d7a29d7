import { ArgumentError, Matrix, ShapeError } from '@backprop/core';
import { imagesToFloat32, labelsToOneHot, oneHotLabels, toFloat32Batch } from './image-batch';
import type { ImageSet } from './image-set';

/** Four 2x2 images whose bytes scale to easy values (51/255 = 0.2, 102/255 = 0.4). */
function fourImages(): ImageSet {
  return {
    images: Uint8Array.from([
      0, 255, 51, 102, // image 0
      1, 2, 3, 4, // image 1
      255, 255, 255, 255, // image 2
      10, 20, 30, 40, // image 3
    ]),
    labels: Uint8Array.from([3, 0, 9, 3]),
    count: 4,
    rows: 2,
    cols: 2,
    numClasses: 10,
  };
}

describe('toFloat32Batch', () => {
  it('scales bytes to [0, 1] by dividing by 255', () => {
    const batch = toFloat32Batch(fourImages(), { start: 0, end: 1 });
    expect(batch).toBeInstanceOf(Float32Array);
    expect(Array.from(batch)).toEqual([0, 1, Math.fround(0.2), Math.fround(0.4)]);
  });

  it('takes a contiguous range [start, end)', () => {
    const batch = toFloat32Batch(fourImages(), { start: 1, end: 3 });
    expect(batch.length).toBe(8);
    expect(batch[0]).toBeCloseTo(1 / 255, 7);
    expect(Array.from(batch.subarray(4))).toEqual([1, 1, 1, 1]);
  });

  it('takes arbitrary indices in the given order, repeats allowed', () => {
    const batch = toFloat32Batch(fourImages(), [2, 0, 2]);
    expect(Array.from(batch)).toEqual([1, 1, 1, 1, 0, 1, Math.fround(0.2), Math.fround(0.4), 1, 1, 1, 1]);
    const typed = toFloat32Batch(fourImages(), Uint32Array.from([3]));
    expect(typed[3]).toBeCloseTo(40 / 255, 7);
  });

  it('writes into a reused buffer and returns that same buffer', () => {
    const set = fourImages();
    const out = new Float32Array(8).fill(-1);
    const first = toFloat32Batch(set, [2, 2], out);
    expect(first).toBe(out);
    expect(Array.from(out)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    const second = toFloat32Batch(set, { start: 0, end: 2 }, out);
    expect(second).toBe(out);
    expect(out[0]).toBe(0);
    expect(out[1]).toBe(1);
    expect(out[4]).toBeCloseTo(1 / 255, 7);
  });

  it('returns a prefix view when the buffer is larger (a short last batch)', () => {
    const out = new Float32Array(12).fill(-1);
    const batch = toFloat32Batch(fourImages(), { start: 3, end: 4 }, out);
    expect(batch.length).toBe(4);
    expect(batch.buffer).toBe(out.buffer);
    expect(out[0]).toBeCloseTo(10 / 255, 7);
    expect(out[4]).toBe(-1);
  });

  it('rejects a buffer that is too small, saying expected vs given', () => {
    expect(() => toFloat32Batch(fourImages(), [0, 1], new Float32Array(7))).toThrow(ShapeError);
    expect(() => toFloat32Batch(fourImages(), [0, 1], new Float32Array(7))).toThrow('out needs at least 8 floats, got 7');
  });

  it('rejects indices and ranges outside the set', () => {
    expect(() => toFloat32Batch(fourImages(), [0, 4])).toThrow(ArgumentError);
    expect(() => toFloat32Batch(fourImages(), [0, 4])).toThrow('index 1 is 4, expected an integer in 0..3');
    expect(() => toFloat32Batch(fourImages(), [1.5])).toThrow('index 0 is 1.5');
    expect(() => toFloat32Batch(fourImages(), { start: 2, end: 5 })).toThrow('0 <= start <= end <= 4, got [2, 5)');
    expect(() => toFloat32Batch(fourImages(), { start: 3, end: 2 })).toThrow(ArgumentError);
    expect(() => toFloat32Batch(fourImages(), null as unknown as number[])).toThrow('expected an index array or { start, end }, got object');
  });

  it('returns an empty batch for an empty selection', () => {
    expect(toFloat32Batch(fourImages(), []).length).toBe(0);
    expect(toFloat32Batch(fourImages(), { start: 2, end: 2 }).length).toBe(0);
  });
});

describe('oneHotLabels', () => {
  it('sets one 1 per row at the label column', () => {
    const out = oneHotLabels(Uint8Array.from([3, 0, 9, 3]), { start: 0, end: 2 }, 10);
    expect(out.length).toBe(20);
    expect(Array.from(out.subarray(0, 10))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(Array.from(out.subarray(10, 20))).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('clears a reused buffer before writing', () => {
    const labels = [0, 1, 2];
    const out = new Float32Array(6).fill(7);
    expect(oneHotLabels(labels, [1, 2], 3, out)).toBe(out);
    expect(Array.from(out)).toEqual([0, 1, 0, 0, 0, 1]);
    oneHotLabels(labels, [0, 0], 3, out);
    expect(Array.from(out)).toEqual([1, 0, 0, 1, 0, 0]);
  });

  it('rejects labels outside 0..numClasses-1 and bad class counts', () => {
    expect(() => oneHotLabels([0, 5], [1], 5)).toThrow('label at index 1 is 5, expected an integer in 0..4');
    expect(() => oneHotLabels([0], [0], 0)).toThrow('expected numClasses to be a positive integer, got 0');
    expect(() => oneHotLabels([0], [0], 2, new Float32Array(1))).toThrow(ShapeError);
  });
});

describe('full-set conversions', () => {
  it('imagesToFloat32 gives a [count, pixels] matrix that Matrix.from wraps without copying', () => {
    const set = fourImages();
    const full = imagesToFloat32(set);
    expect(full.shape).toEqual([4, 4]);
    expect(full.data[1]).toBe(1);
    expect(full.data[15]).toBeCloseTo(40 / 255, 7);
    const m = Matrix.from(full);
    expect(m.shape).toEqual([4, 4]);
    expect(m.data).toBe(full.data);
  });

  it('labelsToOneHot gives a [count, numClasses] matrix', () => {
    const y = labelsToOneHot(fourImages());
    expect(y.shape).toEqual([4, 10]);
    expect(y.data[3]).toBe(1);
    expect(y.data[29]).toBe(1);
    expect(y.data.reduce((a, b) => a + b, 0)).toBe(4);
  });
});
