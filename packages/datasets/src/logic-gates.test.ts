import { and, or, xor } from './logic-gates';

describe('logic gates', () => {
  const X = [
    [0, 0],
    [0, 1],
    [1, 0],
    [1, 1],
  ];

  it('xor', () => {
    expect(xor()).toEqual({ x: X, y: [[0], [1], [1], [0]] });
  });

  it('and', () => {
    expect(and()).toEqual({ x: X, y: [[0], [0], [0], [1]] });
  });

  it('or', () => {
    expect(or()).toEqual({ x: X, y: [[0], [1], [1], [1]] });
  });

  it('returns fresh arrays each call', () => {
    const a = xor();
    a.x[0][0] = 9;
    a.y[0][0] = 9;
    expect(xor().x[0][0]).toBe(0);
    expect(xor().y[0][0]).toBe(0);
  });
});
