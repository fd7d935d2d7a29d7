import { type OtherMemoryLayer, shapeSize } from '@backprop/core';
import { Conv2DLayer } from '../layers/conv2d';
import type { Layer } from '../layers/layer';
import { MaxPooling2DLayer, Pooling2DLayer } from '../layers/pooling-2d';
import { GlobalAveragePooling2DLayer, ZeroPadding2DLayer } from '../layers/spatial-layers';

/**
 * The memory of the image layers of a model, by core's layouts (the `bufferWidths` of core's Conv2D,
 * pooling and padding layers): Conv2D keeps its patch matrix (outH·outW rows of kh·kw·cin, reused for
 * their gradient), z, y and ∂z (outH·outW·filters each) and ∂input; MaxPooling2D its output, argmax
 * and ∂input; the other layers their output and ∂input. Per sample, from shapes alone.
 */
export function spatialMemoryLayers(layers: readonly Layer[], inputShape: readonly number[]): OtherMemoryLayer[] {
  const out: OtherMemoryLayer[] = [];
  let shape = inputShape;
  for (const layer of layers) {
    const next = layer.outputShape(shape);
    const label = `${layer.className} "${layer.name}"`;
    const inputs = shapeSize(shape);
    const outputs = shapeSize(next);
    if (layer instanceof Conv2DLayer) {
      const patch = layer.kernelSize[0] * layer.kernelSize[1] * shape[shape.length - 1];
      const pixels = next[0] * next[1];
      out.push({ label, params: layer.countParams(shape), valuesPerRow: pixels * patch + 3 * outputs + inputs });
    } else if (layer instanceof Pooling2DLayer) {
      out.push({ label, params: 0, valuesPerRow: (layer instanceof MaxPooling2DLayer ? 2 : 1) * outputs + inputs });
    } else if (layer instanceof GlobalAveragePooling2DLayer || layer instanceof ZeroPadding2DLayer) {
      out.push({ label, params: 0, valuesPerRow: outputs + inputs });
    }
    shape = next;
  }
  return out;
}
