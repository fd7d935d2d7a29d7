import type { TrainingParams } from './callback';
import { formatLogs, ProgressBar } from './progress-bar';

const params: TrainingParams = { epochs: 100, steps: 469, samples: 60000, batchSize: 128, verbose: 1, initialEpoch: 0, metrics: [] };

/** Drive a bar through one epoch with a fake clock: `ms` per step. */
function runEpoch(options: { isTTY: boolean; verbose?: 1 | 2; ms?: number }): string {
  let written = '';
  let now = 0;
  const bar = new ProgressBar({ verbose: options.verbose, stream: { write: (s) => (written += s), isTTY: options.isTTY }, now: () => now });
  bar.setParams(params);
  bar.onEpochBegin(0);
  for (let batch = 0; batch < 469; batch++) {
    now += options.ms ?? 4.3;
    bar.onBatchEnd(batch, { batch, size: 128, loss: 0.5 - batch / 2000, accuracy: 0.9 });
  }
  bar.onEpochEnd(0, { loss: 0.31, accuracy: 0.91, val_loss: 0.2, val_accuracy: 0.94 });
  return written;
}

describe('ProgressBar (Keras Progbar layout)', () => {
  it('prints one line per epoch when the stream is not a TTY', () => {
    expect(runEpoch({ isTTY: false })).toBe(
      'Epoch 1/100\n469/469 [==============================] - 2s 4ms/step - loss: 0.3100 - accuracy: 0.9100 - val_loss: 0.2000 - val_accuracy: 0.9400\n',
    );
  });

  it('redraws in place with \\r and an ETA on a TTY, then ends the line', () => {
    const out = runEpoch({ isTTY: true });
    const frames = out.split('\r');
    expect(frames[0]).toBe('Epoch 1/100\n');
    // Redraws at most every 50 ms: 4.3 ms per step gives one every 12 steps.
    expect(frames[1]).toBe('  1/469 [..............................] - ETA: 2s - loss: 0.5000 - accuracy: 0.9000');
    expect(frames[2]).toMatch(/^ 13\/469 \[\.{30}\] - ETA: 2s - loss: 0\.4940 - accuracy: 0\.9000$/);
    expect(frames.find((f) => f.startsWith(' 25/469'))).toMatch(/^ 25\/469 \[>\.{29}\]/);
    expect(frames.length).toBeGreaterThan(30);
    expect(frames[frames.length - 1]).toMatch(/^469\/469 \[={30}\] - 2s 4ms\/step - loss: 0\.3100 .*val_accuracy: 0\.9400 *\n$/);
  });

  it('verbose 2 prints Keras’s one-line form', () => {
    expect(runEpoch({ isTTY: true, verbose: 2, ms: 1500 })).toBe(
      'Epoch 1/100\n469/469 - 704s - loss: 0.3100 - accuracy: 0.9100 - val_loss: 0.2000 - val_accuracy: 0.9400 - 704s/epoch - 2s/step\n',
    );
  });

  it('formats values as Keras: 4 decimals, exponent form at or below 1e-3', () => {
    expect(formatLogs({ loss: 0.00012345, acc: 1, batch: 3, size: 32 })).toBe(' - loss: 1.2345e-04 - acc: 1.0000');
    expect(formatLogs({ loss: Number.NaN })).toBe(' - loss: nan');
  });
});
