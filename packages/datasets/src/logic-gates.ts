/**
 * The four-row truth tables of XOR, AND and OR: the first problems of every backprop tutorial.
 * XOR is the classic case a single perceptron cannot learn (Minsky & Papert, "Perceptrons", 1969)
 * while AND and OR are linearly separable. Each call returns fresh arrays, so callers may mutate them.
 */

export interface LogicGateData {
  /** Inputs `[a, b]`, in the order 00, 01, 10, 11. */
  x: number[][];
  /** Targets, one column: `[a OP b]`. */
  y: number[][];
}

const INPUTS: readonly (readonly [number, number])[] = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];

function truthTable(op: (a: number, b: number) => number): LogicGateData {
  return { x: INPUTS.map(([a, b]) => [a, b]), y: INPUTS.map(([a, b]) => [op(a, b)]) };
}

/** `{ x: [[0,0],[0,1],[1,0],[1,1]], y: [[0],[1],[1],[0]] }` */
export function xor(): LogicGateData {
  return truthTable((a, b) => a ^ b);
}

/** `{ x: [[0,0],[0,1],[1,0],[1,1]], y: [[0],[0],[0],[1]] }` */
export function and(): LogicGateData {
  return truthTable((a, b) => a & b);
}

/** `{ x: [[0,0],[0,1],[1,0],[1,1]], y: [[0],[1],[1],[1]] }` */
export function or(): LogicGateData {
  return truthTable((a, b) => a | b);
}
