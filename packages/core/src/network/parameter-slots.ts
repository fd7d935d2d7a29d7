import type { ParameterSlot } from '../optimizers/optimizer-registry';
import type { DenseLayerState } from './dense-layer-state';
import { layerLabel } from './model-memory';

/** Every layer's kernel, then bias, with its gradient and a name for error messages (`Dense "dense_1" kernel`). */
export function parameterSlotsOf(layers: readonly DenseLayerState[]): ParameterSlot[] {
  const slots: ParameterSlot[] = [];
  layers.forEach((l, index) => {
    const label = layerLabel(l, index);
    slots.push({ param: l.kernel, grad: l.kernelGrad, size: l.kernel.length, name: `${label} kernel` });
    if (l.bias && l.biasGrad) slots.push({ param: l.bias, grad: l.biasGrad, size: l.bias.length, name: `${label} bias` });
  });
  return slots;
}
