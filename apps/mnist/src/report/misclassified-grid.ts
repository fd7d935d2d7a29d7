import { ArgumentError } from '@backprop/core';
import type { EngineResult } from '../results/results-schema';
import { grayscalePngDataUri } from './digit-png';
import { escapeHtml } from './escape-html';

/** The test images, concatenated row-major: image i is bytes [i·rows·cols, (i+1)·rows·cols). */
export interface TestImages {
  readonly images: Uint8Array;
  readonly rows: number;
  readonly cols: number;
}

/** The most digits one grid shows, to keep the page small (each is a ~200-byte PNG). */
export const MAX_GRID_DIGITS = 100;

/**
 * A grid of misclassified test digits, each captioned `7 → 2` (true → predicted) with its test-set
 * index. Without the images, the same entries are listed as text so the report still says which
 * samples were wrong.
 */
export function misclassifiedGridHtml(
  misclassified: EngineResult['misclassified'],
  testImages: TestImages | undefined,
): string {
  const shown = misclassified.slice(0, MAX_GRID_DIGITS);
  if (shown.length === 0) return '<p class="misclassified-none">No misclassified test digits.</p>';
  const size = testImages ? testImages.rows * testImages.cols : 0;
  const count = testImages ? Math.floor(testImages.images.length / size) : 0;
  const figures = shown.map(({ index, label, predicted }) => {
    const caption =
      `<figcaption><span class="label">${escapeHtml(label)}</span> → ` +
      `<span class="predicted">${escapeHtml(predicted)}</span> <span class="index">#${escapeHtml(index)}</span></figcaption>`;
    const data = `data-index="${index}" data-label="${label}" data-predicted="${predicted}"`;
    if (!testImages) return `<figure class="digit" ${data}>${caption}</figure>`;
    if (index >= count) {
      throw new ArgumentError(`misclassified test index ${index} is outside the ${count} test images given to the report`);
    }
    const pixels = testImages.images.subarray(index * size, (index + 1) * size);
    const src = grayscalePngDataUri(pixels, testImages.cols, testImages.rows);
    const alt = `test digit #${index}: true ${label}, predicted ${predicted}`;
    return (
      `<figure class="digit" ${data}><img src="${src}" width="${testImages.cols * 2}" height="${testImages.rows * 2}" ` +
      `alt="${escapeHtml(alt)}">${caption}</figure>`
    );
  });
  const more =
    misclassified.length > shown.length ? `<p class="misclassified-more">Showing the first ${shown.length}.</p>` : '';
  return `<div class="misclassified-grid">${figures.join('')}</div>${more}`;
}
