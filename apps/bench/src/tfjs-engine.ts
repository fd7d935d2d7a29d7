import type { BenchEngine, BenchModel } from './bench-engine';

/** TensorFlow.js engines come from @backprop/tfjs-adapter (wired once that package is in place). */
export async function createTfjsEngine(name: string, _model: BenchModel): Promise<BenchEngine> {
  throw new Error(`${name} is not wired yet`);
}
