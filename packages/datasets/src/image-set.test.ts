import { ShapeError } from '@backprop/core';
import { concatImageSets, pixelsPerImage, poolMnist } from './image-set';
import type { ImageSet } from './image-set';

function set(count: number, fill: number, rows = 2, cols = 2): ImageSet {
  return {
    images: new Uint8Array(count * rows * cols).fill(fill),
    labels: Uint8Array.from({ length: count }, (_, i) => (fill + i) % 10),
    count,
    rows,
    cols,
    numClasses: 10,
  };
}

describe('concatImageSets / poolMnist', () => {
  it('pools train then test into one set', () => {
    const pooled = poolMnist({ train: set(3, 1), test: set(2, 7) });
    expect(pooled).toMatchObject({ count: 5, rows: 2, cols: 2, numClasses: 10 });
    expect(Array.from(pooled.images)).toEqual([...new Array(12).fill(1), ...new Array(8).fill(7)]);
    expect(Array.from(pooled.labels)).toEqual([1, 2, 3, 7, 8]);
    expect(pixelsPerImage(pooled)).toBe(4);
  });

  it('copies, so the pooled set does not alias its inputs', () => {
    const train = set(1, 1);
    const pooled = concatImageSets([train]);
    pooled.images[0] = 200;
    expect(train.images[0]).toBe(1);
  });

  it('rejects sets of different image sizes and an empty list', () => {
    expect(() => concatImageSets([set(1, 0), set(1, 0, 3, 3)])).toThrow(ShapeError);
    expect(() => concatImageSets([set(1, 0), set(1, 0, 3, 3)])).toThrow('set 1 has 3x3 images and 10 classes, expected 2x2');
    expect(() => concatImageSets([])).toThrow('at least one ImageSet, got 0');
  });
});
