import { shapeSize } from '@backprop/core';
import type { Layer } from '../layers/layer';

// Porting note: the layout is tf.keras 2.x's (the one tfjs prints); Keras 3 draws a rich-text table.

/**
 * Keras's `model.summary()` for a Sequential model, in the layout of tf.keras 2.x
 * (keras/utils/layer_utils.py `print_summary`: line length 65, columns ending at 45 % and 85 %,
 * thousands separators in the totals):
 * ```
 * Model: "sequential"
 * _________________________________________________________________
 * Layer (type)                 Output Shape              Param #
 * =================================================================
 * dense (Dense)                (None, 256)               200960
 * _________________________________________________________________
 * …
 * =================================================================
 * Total params: 235,146
 * Trainable params: 235,146
 * Non-trainable params: 0
 * _________________________________________________________________
 * ```
 * Every row is padded to the full width, as Keras pads it.
 */
export function summaryLines(modelName: string, layers: readonly Layer[], inputShape: readonly number[]): string[] {
  const lineLength = 65;
  const positions = [0.45, 0.85, 1].map((p) => Math.floor(lineLength * p));
  const lines = [`Model: "${modelName}"`, '_'.repeat(lineLength), row(['Layer (type)', 'Output Shape', 'Param #'], positions), '='.repeat(lineLength)];
  let shape = inputShape;
  let total = 0;
  let trainable = 0;
  layers.forEach((layer, i) => {
    const params = layer.countParams(shape);
    // Keras counts a weight as trainable when it is and its layer is (a frozen layer's are all non-trainable).
    if (layer.trainable) for (const w of layer.weightSpecs(shape)) if (w.trainable) trainable += shapeSize(w.shape);
    shape = layer.outputShape(shape);
    total += params;
    lines.push(row([layer.toString(), `(None, ${shape.join(', ')})`, String(params)], positions));
    lines.push((i === layers.length - 1 ? '=' : '_').repeat(lineLength));
  });
  const count = (n: number) => n.toLocaleString('en-US');
  lines.push(`Total params: ${count(total)}`, `Trainable params: ${count(trainable)}`, `Non-trainable params: ${count(total - trainable)}`, '_'.repeat(lineLength));
  return lines;
}

/** Keras's `print_row`: each field cut at its column's end, padded to it, at least one space apart. */
function row(fields: readonly string[], positions: readonly number[]): string {
  let line = '';
  fields.forEach((field, i) => {
    if (i > 0) line = `${line.slice(0, -1)} `;
    line = (line + field).slice(0, positions[i]);
    line += ' '.repeat(positions[i] - line.length);
  });
  return line;
}
