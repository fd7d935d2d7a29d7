import { ArgumentError } from '@backprop/core';
import { parse } from 'node-html-parser';
import { MAX_GRID_DIGITS, misclassifiedGridHtml } from './misclassified-grid';

const images = (count: number) => ({ images: new Uint8Array(count * 784).map((_, i) => i % 251), rows: 28, cols: 28 });

describe('misclassifiedGridHtml', () => {
  const wrong = [
    { index: 4, label: 7, predicted: 2 },
    { index: 9, label: 3, predicted: 8 },
  ];

  it('shows each digit as an image captioned true → predicted with its index', () => {
    const root = parse(misclassifiedGridHtml(wrong, images(10)));
    const figures = root.querySelectorAll('.misclassified-grid figure.digit');
    expect(figures).toHaveLength(2);
    expect(figures[0].querySelector('figcaption')!.text).toBe('7 → 2 #4');
    expect(figures[1].querySelector('.label')!.text).toBe('3');
    expect(figures[1].querySelector('.predicted')!.text).toBe('8');
    const img = figures[0].querySelector('img')!;
    expect(img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(img.getAttribute('alt')).toBe('test digit #4: true 7, predicted 2');
  });

  it('lists the entries as text when no images are given', () => {
    const root = parse(misclassifiedGridHtml(wrong, undefined));
    expect(root.querySelectorAll('figure.digit')).toHaveLength(2);
    expect(root.querySelectorAll('img')).toHaveLength(0);
  });

  it(`shows at most ${MAX_GRID_DIGITS} digits and says so`, () => {
    const many = Array.from({ length: 150 }, (_, index) => ({ index, label: 1, predicted: 7 }));
    const root = parse(misclassifiedGridHtml(many, images(150)));
    expect(root.querySelectorAll('img')).toHaveLength(MAX_GRID_DIGITS);
    expect(root.querySelector('.misclassified-more')!.text).toBe('Showing the first 100.');
  });

  it('says when nothing was misclassified', () => {
    expect(parse(misclassifiedGridHtml([], images(1))).text).toBe('No misclassified test digits.');
  });

  it('rejects an index beyond the given images', () => {
    expect(() => misclassifiedGridHtml([{ index: 10, label: 1, predicted: 2 }], images(10))).toThrow(ArgumentError);
    expect(() => misclassifiedGridHtml([{ index: 10, label: 1, predicted: 2 }], images(10))).toThrow(
      'misclassified test index 10 is outside the 10 test images given to the report',
    );
  });
});
