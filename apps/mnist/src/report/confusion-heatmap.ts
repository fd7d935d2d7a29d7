import { escapeHtml } from './escape-html';

/**
 * A confusion matrix as an SVG heat map: one `<rect class="cell">` per (true, predicted) pair with
 * its count written in it; rows are true classes and columns predicted ones, as scikit-learn's
 * `ConfusionMatrixDisplay` draws them. Hand-written rather than charted so every cell is a plain,
 * countable element.
 */

const CELL = 40;
const MARGIN_LEFT = 64;
const MARGIN_TOP = 56;
const MARGIN_BOTTOM = 16;

/**
 * Shade of a cell from its share of the row (the fraction of that true class). The square root
 * lifts small error counts so off-diagonal mistakes stay visible next to a 98% diagonal.
 */
function cellFill(share: number): { fill: string; text: string } {
  const t = Math.sqrt(Math.min(Math.max(share, 0), 1));
  // White to a deep blue (#08306b, the dark end of ColorBrewer's Blues).
  const mix = (from: number, to: number) => Math.round(from + (to - from) * t);
  const fill = `rgb(${mix(255, 8)},${mix(255, 48)},${mix(255, 107)})`;
  return { fill, text: t > 0.55 ? '#ffffff' : '#1a1a1a' };
}

export interface ConfusionHeatmapOptions {
  /** Shown above the map and used as the SVG's accessible name, e.g. `scratch`. */
  readonly title: string;
  /** Class names along both axes; default `0`…`k-1`. */
  readonly classNames?: readonly string[];
}

export function confusionHeatmapSvg(matrix: readonly (readonly number[])[], options: ConfusionHeatmapOptions): string {
  const k = matrix.length;
  const names = options.classNames ?? matrix.map((_, i) => String(i));
  const width = MARGIN_LEFT + k * CELL + 8;
  const height = MARGIN_TOP + k * CELL + MARGIN_BOTTOM;
  const title = escapeHtml(options.title);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="confusion-matrix" width="${width}" height="${height}" ` +
      `viewBox="0 0 ${width} ${height}" role="img" aria-label="Confusion matrix, ${title}" ` +
      'font-family="sans-serif" font-size="12">',
    `<text class="axis-title" x="${MARGIN_LEFT + (k * CELL) / 2}" y="16" text-anchor="middle" font-weight="bold">predicted</text>`,
    `<text class="axis-title" x="14" y="${MARGIN_TOP + (k * CELL) / 2}" text-anchor="middle" font-weight="bold" ` +
      `transform="rotate(-90 14 ${MARGIN_TOP + (k * CELL) / 2})">true</text>`,
  ];
  for (let c = 0; c < k; c++) {
    const x = MARGIN_LEFT + c * CELL + CELL / 2;
    parts.push(`<text class="tick" x="${x}" y="${MARGIN_TOP - 8}" text-anchor="middle">${escapeHtml(names[c])}</text>`);
  }
  matrix.forEach((row, t) => {
    const total = row.reduce((a, b) => a + b, 0);
    const y = MARGIN_TOP + t * CELL;
    parts.push(
      `<text class="tick" x="${MARGIN_LEFT - 8}" y="${y + CELL / 2 + 4}" text-anchor="end">${escapeHtml(names[t])}</text>`,
    );
    row.forEach((count, p) => {
      const { fill, text } = cellFill(total === 0 ? 0 : count / total);
      const x = MARGIN_LEFT + p * CELL;
      parts.push(
        `<g class="cell-group"><title>true ${escapeHtml(names[t])}, predicted ${escapeHtml(names[p])}: ${count}</title>` +
          `<rect class="cell" data-true="${t}" data-predicted="${p}" data-count="${count}" x="${x}" y="${y}" ` +
          `width="${CELL}" height="${CELL}" fill="${fill}" stroke="#ffffff"/>` +
          `<text class="count" x="${x + CELL / 2}" y="${y + CELL / 2 + 4}" text-anchor="middle" fill="${text}">${count}</text></g>`,
      );
    });
  });
  parts.push('</svg>');
  return parts.join('\n');
}
