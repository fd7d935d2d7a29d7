import { type ConstraintConfig, type RegularizerConfig, resolveConstraint, resolveRegularizer } from '@backprop/core';

/** A Dense layer's regularizers and constraints, resolved (null where none is set). */
export interface DenseRegularization {
  readonly kernelRegularizer: RegularizerConfig | null;
  readonly biasRegularizer: RegularizerConfig | null;
  readonly activityRegularizer: RegularizerConfig | null;
  readonly kernelConstraint: ConstraintConfig | null;
  readonly biasConstraint: ConstraintConfig | null;
}

/** Resolve the five arguments (names, objects, tfjs objects, serialized configs) with core's tables; `layer` names the Dense. */
export function denseRegularization(args: Partial<Record<keyof DenseRegularization, unknown>>, layer: string): DenseRegularization {
  return {
    kernelRegularizer: resolveRegularizer(args.kernelRegularizer, `${layer} kernelRegularizer`),
    biasRegularizer: resolveRegularizer(args.biasRegularizer, `${layer} biasRegularizer`),
    activityRegularizer: resolveRegularizer(args.activityRegularizer, `${layer} activityRegularizer`),
    kernelConstraint: resolveConstraint(args.kernelConstraint, `${layer} kernelConstraint`),
    biasConstraint: resolveConstraint(args.biasConstraint, `${layer} biasConstraint`),
  };
}

/** Only the set entries, so a plain Dense's config stays as it was (no null keys). */
export function presentOnly(r: DenseRegularization): Partial<DenseRegularization> {
  return Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null));
}
