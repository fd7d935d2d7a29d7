import * as tf from '@tensorflow/tfjs';

/** A tensor with its name, as tf.Optimizer's getWeights / setWeights exchange them. */
type NamedTensor = { name: string; tensor: tf.Tensor };

/** One state variable of one model variable, as tfjs optimizers keep them (`<variable>/<slot>`). */
interface Slot {
  readonly originalName: string;
  readonly variable: tf.Variable;
}

/**
 * Base of the tf.train-style optimizers this adapter adds for Keras 3 rules tfjs lacks (Nadam, AdamW): it
 * keeps `slotNames.length` zero-initialised state variables per model variable, in tfjs's layout (by
 * variable index, saved slot kind by slot kind after the iteration count, as tfjs's Adam does), and
 * calls `update` once per variable inside one `tf.tidy`. Step-dependent scalars are computed in float64
 * by the subclass in `beforeStep`, as core's optimizers compute them.
 */
export abstract class SlotOptimizer extends tf.Optimizer {
  private slots: Slot[][] = [];

  constructor(
    public learningRate: number,
    private readonly slotNames: readonly string[],
  ) {
    super();
  }

  /** Called once per step with t = the 1-based step number, before any variable is updated. */
  protected abstract beforeStep(t: number): void;
  protected abstract update(value: tf.Variable, gradient: tf.Tensor, state: readonly tf.Variable[], t: number): void;

  override applyGradients(variableGradients: tf.NamedTensorMap | NamedTensor[]): void {
    const names = Array.isArray(variableGradients) ? variableGradients.map((v) => v.name) : Object.keys(variableGradients);
    const t = this.iterations + 1;
    this.beforeStep(t);
    tf.tidy(() => {
      names.forEach((name, i) => {
        const value = tf.engine().registeredVariables[name];
        this.slots[i] ??= this.slotNames.map((slot) => ({ originalName: `${name}/${slot}`, variable: tf.tidy(() => tf.zerosLike(value).variable(false)) }));
        const gradient = Array.isArray(variableGradients) ? variableGradients[i].tensor : variableGradients[name];
        if (gradient == null) return;
        this.update(
          value,
          gradient,
          this.slots[i].map((s) => s.variable),
          t,
        );
      });
    });
    this.incrementIterations();
  }

  override dispose(): void {
    tf.dispose(this.slots.flat().map((s) => s.variable));
    this.slots = [];
  }

  override async getWeights(): Promise<NamedTensor[]> {
    const bySlot = this.slotNames.flatMap((_, k) => this.slots.map((s) => s[k]));
    return [await this.saveIterations(), ...bySlot.map((s) => ({ name: s.originalName, tensor: s.variable }))];
  }

  override async setWeights(weightValues: NamedTensor[]): Promise<void> {
    const values = await this.extractIterations(weightValues);
    const count = values.length / this.slotNames.length;
    this.dispose();
    this.slots = Array.from({ length: count }, (_, i) =>
      this.slotNames.map((_, k) => ({ originalName: values[k * count + i].name, variable: values[k * count + i].tensor.variable(false) })),
    );
  }
}
