import { NonFiniteError } from '../errors';

/** Numeric CSV rows (no header, comma separated; blank lines skipped); every cell must be a finite number. */
export function parseCsvRows(text: string, source: string): number[][] {
  const rows: number[][] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    rows.push(
      line.split(',').map((cell, j) => {
        const v = Number(cell.trim());
        if (cell.trim() === '' || !Number.isFinite(v)) {
          throw new NonFiniteError(`${source} line ${i + 1} column ${j + 1}: expected a finite number, got ${JSON.stringify(cell)}`);
        }
        return v;
      }),
    );
  });
  return rows;
}
