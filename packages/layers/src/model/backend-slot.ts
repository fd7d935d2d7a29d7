import type { NamedWeight } from '@backprop/core';
import type { Backend, BackendFactory, ModelSpec } from '../backend/backend';
import { isReady, resolveBackend } from '../backend/backend-registry';
import { ModelStateError } from './model-state-error';

/**
 * A model's backend and the weights of its description. The backend is built from a factory when first
 * needed and released with its weights kept, so the weights survive recompiles and backend switches (as
 * Keras keeps a model's weights across `compile` calls). Only a factory's first load is asynchronous.
 */
export class BackendSlot {
  /** The built backend, or null (before first use, after `release`). */
  backend: Backend | null = null;
  /** Where backends come from: set by compile, or the default one on first predict. */
  factory: BackendFactory | null = null;
  /** The description's weights while no backend holds them (null: not drawn yet). */
  private weights: NamedWeight[] | null = null;
  /** True while the weights are the seed's draw (a new seed then draws again); false once set by the user. */
  private weightsFromSeed = true;

  /**
   * @param describe the model description for a backend, given its initial weights
   * @param draw the initial weights, drawn from the model's seed (after its memory check)
   */
  constructor(
    private readonly describe: (initialWeights: NamedWeight[]) => ModelSpec,
    private readonly draw: () => NamedWeight[],
  ) {}

  /** Forget backend, factory and weights: the model's layers changed. */
  reset(): void {
    this.release();
    this.factory = null;
    this.weights = null;
    this.weightsFromSeed = true;
  }

  /** Dispose the backend, keeping its weights with the model. */
  release(): void {
    if (!this.backend) return;
    this.weights = this.backend.getWeights();
    this.backend.dispose();
    this.backend = null;
  }

  /** The seed changed: weights drawn from the old one are drawn again (weights the user set are kept). */
  reseed(): void {
    if (!this.backend && this.weightsFromSeed) this.weights = null;
  }

  /** The current weights: the backend's, or the description's (drawn once from the seed unless given). */
  currentWeights(): NamedWeight[] {
    if (this.backend) return this.backend.getWeights();
    this.weights ??= this.draw();
    return this.weights;
  }

  /** Replace the weights (already checked against the model's plan). */
  setWeights(weights: NamedWeight[]): void {
    if (this.backend) {
      this.backend.setWeights(weights);
      return;
    }
    this.weights = weights;
    this.weightsFromSeed = false;
  }

  /** Switch to `factory`, carrying the current weights over. */
  use(factory: BackendFactory): void {
    this.release();
    this.factory = factory;
    if (isReady(factory)) this.create();
    else factory.prepare?.().catch(() => {});
  }

  /** The backend, after its factory's first load if needed (Keras predicts with uncompiled models: a default backend then). */
  async ready(): Promise<Backend> {
    if (!this.backend) {
      this.factory ??= resolveBackend();
      await this.factory.prepare?.();
    }
    return this.backend ?? this.create();
  }

  /** The backend now; `call` names the method for the message when its factory is still loading. */
  now(call: string): Backend {
    if (this.backend) return this.backend;
    this.factory ??= resolveBackend();
    if (!isReady(this.factory)) {
      this.factory.prepare?.().catch(() => {});
      throw new ModelStateError(`backend "${this.factory.name}" is still loading; await model.ready() once before ${call}()`);
    }
    return this.create();
  }

  private create(): Backend {
    const spec = this.describe(this.currentWeights());
    this.backend = this.factory!.create(spec);
    this.weights = null;
    return this.backend;
  }
}
