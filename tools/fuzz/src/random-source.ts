/**
 * What the mutations need from a random generator: the subset of `@backprop/core`'s `Rng` they use.
 * The fuzzer takes the generator from its caller rather than importing core, because core's own
 * fuzz tests depend on this package (a dependency back to core would be a cycle turbo refuses).
 */
export interface RandomSource {
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Uniform in [0, 1). */
  uniform(): number;
}
