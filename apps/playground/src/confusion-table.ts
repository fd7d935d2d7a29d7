/**
 * A confusion matrix as an accessible table: rows are the true classes, columns the predicted ones,
 * each cell shaded by its share of the row (the diagonal is what the model gets right).
 */
export function drawConfusionTable(table: HTMLTableElement, matrix: readonly (readonly number[])[], caption: string): void {
  const head = document.createElement('tr');
  head.append(cell('th', 'true ↓ / predicted →', 'col'));
  matrix.forEach((_, c) => head.append(cell('th', String(c), 'col')));
  const rows = matrix.map((counts, r) => {
    const row = document.createElement('tr');
    row.append(cell('th', String(r), 'row'));
    const total = counts.reduce((a, b) => a + b, 0);
    counts.forEach((count, c) => {
      const td = cell('td', String(count));
      const share = total > 0 ? count / total : 0;
      td.style.background = r === c ? `rgba(43, 108, 176, ${share})` : `rgba(197, 48, 48, ${share})`;
      if (share > 0.5) td.style.color = '#fff';
      row.append(td);
    });
    return row;
  });
  const title = document.createElement('caption');
  title.textContent = caption;
  table.replaceChildren(title, head, ...rows);
}

function cell(tag: 'th' | 'td', text: string, scope?: 'row' | 'col'): HTMLTableCellElement {
  const element = document.createElement(tag);
  element.textContent = text;
  if (scope) element.scope = scope;
  return element;
}
