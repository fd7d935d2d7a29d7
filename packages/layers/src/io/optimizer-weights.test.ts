import { ModelFormatError } from '@backprop/core';
import { fromTfjsSlotNames, toTfjsSlotNames } from '../backend/tfjs-slot-names';
import { optimizerStateFromWeights, optimizerWeightsArtifacts, splitOptimizerWeights } from './optimizer-weights';
import type { ManifestWeight } from './weights-manifest';

const shapes = new Map<string, readonly number[]>([
  ['d/kernel', [2, 3]],
  ['d/bias', [3]],
]);
const slot = (n: number, start: number) => Float32Array.from({ length: n }, (_, i) => start + i / 8);
const state = {
  iterations: 7,
  variables: [
    { name: 'd/kernel/m', values: slot(6, 1) },
    { name: 'd/bias/m', values: slot(3, 2) },
    { name: 'd/kernel/v', values: slot(6, 3) },
    { name: 'd/bias/v', values: slot(3, 4) },
    // An optimizer-wide scalar (api-train's Nadam keeps `u_product`): no weight of its own.
    { name: 'u_product', values: Float32Array.of(0.5) },
  ],
};

/** The manifest entries and bytes as loadModel's reader hands them over. */
function asRead(entries: { name: string; shape: number[]; dtype: string; group?: string }[], bytes: Uint8Array): Map<string, ManifestWeight> {
  const view = new DataView(bytes.buffer);
  const out = new Map<string, ManifestWeight>();
  let offset = 0;
  for (const e of entries) {
    const count = e.shape.reduce((n, d) => n * d, 1);
    const values = Float32Array.from({ length: count }, (_, i) => (e.dtype === 'int32' ? view.getInt32(offset + 4 * i, true) : view.getFloat32(offset + 4 * i, true)));
    offset += 4 * count;
    out.set(e.name, { shape: e.shape, values, group: e.group });
  }
  return out;
}

describe('optimizer weights in the manifest (tfjs-layers LayersModel.save with includeOptimizer)', () => {
  it('iter as an int32 scalar first, slots with their weight’s shape, a scalar as []; and back', () => {
    const { entries, bytes } = optimizerWeightsArtifacts(state, shapes);
    expect(entries.map((e) => [e.name, e.shape, e.dtype])).toEqual([
      ['iter', [], 'int32'],
      ['d/kernel/m', [2, 3], 'float32'],
      ['d/bias/m', [3], 'float32'],
      ['d/kernel/v', [2, 3], 'float32'],
      ['d/bias/v', [3], 'float32'],
      ['u_product', [], 'float32'],
    ]);
    expect(entries.every((e) => e.group === 'optimizer')).toBe(true);
    expect(new DataView(bytes.buffer).getInt32(0, true)).toBe(7);
    const { optimizer, model } = splitOptimizerWeights(asRead(entries, bytes));
    expect(model.size).toBe(0);
    expect(optimizerStateFromWeights(optimizer, shapes, 'm.json')).toEqual(state);
  });

  it('matches slots named after suffixed tfjs variables (`d/kernel_1/m`) by position, as tfjs restores them', () => {
    const { entries, bytes } = optimizerWeightsArtifacts(state, shapes);
    const tfjsNamed = entries.map((e) => ({ ...e, name: e.name.replace('d/kernel/', 'd/kernel_1/').replace('d/bias/', 'd/bias_1/') }));
    const { optimizer } = splitOptimizerWeights(asRead(tfjsNamed, bytes));
    expect(optimizerStateFromWeights(optimizer, shapes, 'm.json')).toEqual(state);
    const odd = asRead(tfjsNamed.slice(0, 2), bytes); // iter and one slot: 1 slot for 2 weights
    expect(() => optimizerStateFromWeights(odd, shapes, 'm.json')).toThrow(ModelFormatError);
  });

  it('core’s slot names become tfjs’s and back; scalars keep theirs', () => {
    const core = { iterations: 1, variables: [{ name: 'd/kernel/momentum', values: slot(6, 0) }, { name: 'd/kernel/velocity', values: slot(6, 1) }, { name: 'u_product', values: Float32Array.of(1) }] };
    const tfjs = toTfjsSlotNames('adam', core);
    expect(tfjs.variables.map((v) => v.name)).toEqual(['d/kernel/m', 'd/kernel/v', 'u_product']);
    expect(toTfjsSlotNames('rmsprop', { iterations: 1, variables: [{ name: 'd/bias/velocity', values: slot(3, 0) }] }).variables[0].name).toBe('d/bias/rms');
    expect(fromTfjsSlotNames('adam', tfjs)).toEqual(core);
    // An optimizer tfjs has no class for keeps core's names.
    expect(toTfjsSlotNames('nadam', core)).toEqual(core);
  });
});
