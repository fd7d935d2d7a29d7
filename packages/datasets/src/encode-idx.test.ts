import { ArgumentError, ShapeError } from '@backprop/core';
import { encodeIdx } from './encode-idx';
import { readIdx } from './read-idx';

describe('encodeIdx', () => {
  it('writes the header byte for byte', () => {
    const bytes = encodeIdx([2, 1], Uint8Array.from([9, 8]));
    expect(Array.from(bytes)).toEqual([0, 0, 8, 2, 0, 0, 0, 2, 0, 0, 0, 1, 9, 8]);
  });

  it('round-trips through readIdx', () => {
    const data = Uint8Array.from({ length: 3 * 4 * 5 }, (_, i) => (i * 37) & 0xff);
    const back = readIdx(encodeIdx([3, 4, 5], data));
    expect(back.dims).toEqual([3, 4, 5]);
    expect(back.data).toEqual(data);
  });

  it('rejects a data length that does not match the dimensions', () => {
    expect(() => encodeIdx([2, 2], new Uint8Array(3))).toThrow(ShapeError);
    expect(() => encodeIdx([2, 2], new Uint8Array(3))).toThrow('need 4 bytes, got 3');
  });

  it('rejects bad dimension lists', () => {
    expect(() => encodeIdx([], new Uint8Array(0))).toThrow(ArgumentError);
    expect(() => encodeIdx([1, 1, 1, 1, 1], new Uint8Array(1))).toThrow('expected 1..4 dimensions, got 5');
    expect(() => encodeIdx([1.5], new Uint8Array(1))).toThrow(ArgumentError);
  });
});
