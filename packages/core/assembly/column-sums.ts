// out[j] (+)= Σᵢ a[i,j], the bias gradient: rows are added in order, four columns at a time, so the
// float32 rounding matches the js kernel's loop exactly.

import { loadTail, storeTail } from './vector-tail';

export function columnSums(a: usize, out: usize, rows: i32, cols: i32, accumulate: bool): void {
  if (!accumulate) memory.fill(out, 0, <usize>cols * 4);
  const full = cols & ~3;
  const tail = cols - full;
  for (let r = 0; r < rows; r++) {
    const row = a + <usize>(r * cols) * 4;
    for (let j = 0; j < full; j += 4) {
      const o = <usize>j * 4;
      v128.store(out + o, f32x4.add(v128.load(out + o), v128.load(row + o)));
    }
    if (tail) {
      const o = <usize>full * 4;
      storeTail(out + o, f32x4.add(loadTail(out + o, tail, 0), loadTail(row + o, tail, 0)), tail);
    }
  }
}
