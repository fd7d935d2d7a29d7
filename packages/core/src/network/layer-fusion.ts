import { Activation } from '../layers/activation';
import { Dense } from '../layers/dense';
import type { Layer } from '../layers/layer';
import type { Loss } from '../losses/loss-registry';

/** The layers a network runs, after fusing neighbours, and whether the loss takes the last layer's logits. */
export interface FusedPlan {
  readonly steps: readonly Layer[];
  /** The last step is a softmax Dense and the loss categorical cross-entropy: use the fused kernel. */
  readonly softmaxCrossEntropy: Dense | null;
}

/**
 * Explicit optimisations of adjacent layers — the model keeps its shape, only the run differs:
 * - Dense(linear) followed by Activation: the Dense applies the activation in its bias pass
 *   (`biasActivation`), and the Activation step is skipped. Same numbers, one pass less.
 * - A softmax Dense last with categorical cross-entropy: softmax, loss and gradient in one numerically
 *   stable kernel (`softmaxCrossEntropy`), whose gradient is simply p − y.
 * Call on freshly built layers (fusing changes the Dense's applied activation).
 */
export function fuseNeighbours(layers: readonly Layer[], loss: Loss): FusedPlan {
  const steps: Layer[] = [];
  for (const layer of layers) {
    const previous = steps[steps.length - 1];
    if (layer instanceof Activation && previous instanceof Dense && previous.appliedActivation.name === 'linear' && !previous.activityRegularizer) {
      previous.fuseActivation(layer.activation);
      continue;
    }
    steps.push(layer);
  }
  const last = steps[steps.length - 1];
  // A Dense with an activity regularizer keeps its own output (the penalty's input) and is not fused.
  const fused = last instanceof Dense && last.appliedActivation.name === 'softmax' && loss.name === 'categoricalCrossentropy' && !last.activityRegularizer;
  return { steps, softmaxCrossEntropy: fused ? last : null };
}
