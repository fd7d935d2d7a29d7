import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMnist } from '@backprop/datasets';
import { main } from '../cli';

describe('backprop-mnist with the cnn preset: train, eval and predict take a [28, 28, 1] convnet', () => {
  it('trains on 600 images, saves Conv2D layers, evaluates the saved model and classifies a PGM image with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mnist-cnn-'));
    const lines: string[] = [];
    const log = jest.spyOn(console, 'log').mockImplementation((line) => lines.push(String(line)));
    try {
      expect(await main(['train', '--preset', 'cnn', '--limit', '600', '--epochs', '3', '--engines', 'scratch', '--verbose', '0', '--out', dir])).toBe(0);
      const json = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8'));
      const layers = json.modelTopology.config.layers as { class_name: string; config: Record<string, unknown> }[];
      expect(layers.map((l) => l.class_name)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dropout', 'Dense']);
      expect(layers[0].config.batch_input_shape).toEqual([null, 28, 28, 1]);

      // eval feeds the test images' 784 pixels per row: the row-major [28, 28, 1] image the convnet expects.
      expect(await main(['eval', join(dir, 'model.json'), '--limit', '300'])).toBe(0);
      const accuracy = Number(/accuracy ([\d.]+) %/.exec(lines.join('\n'))?.[1]);
      // Three epochs on 600 images (15 Adam steps): well above chance (10 %), far from trained.
      expect(accuracy).toBeGreaterThan(50);

      // predict: test image 0 of MNIST (a 7) as a binary PGM.
      const test = loadMnist({ subset: { train: 1, test: 1 } }).test;
      const pgm = join(dir, 'seven.pgm');
      writeFileSync(pgm, Buffer.concat([Buffer.from('P5\n28 28\n255\n'), Buffer.from(test.images.subarray(0, 784))]));
      lines.length = 0;
      expect(await main(['predict', join(dir, 'model.json'), pgm])).toBe(0);
      expect(lines.join('\n')).toMatch(/^predicted digit: \d \(p = [\d.]+\)$/m);
    } finally {
      log.mockRestore();
    }
  }, 300_000);
});
