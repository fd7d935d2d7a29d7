import { ModelFormatError, shapeSize } from '@backprop/core';
import type { Dataset, Group, H5File } from './hdf5-file';
import { childDataset, childGroup } from './hdf5-nodes';
import { kerasSnakeCase } from './keras-layer-table';

/** A layer as the weights file knows it: its Keras class (for `.keras` group names) and name. */
export interface KerasLayerRef {
  readonly className: string;
  readonly name: string;
}

/**
 * The weights of a `.keras` file's model.weights.h5, in `model.get_weights()` order. Keras 3's saving_lib
 * (`_save_container_state`) stores layer i under `layers/<snake_case class>[_<n>]/vars/<0, 1, …>`, the
 * suffix counting earlier layers of the same class — not under the layer's name, which it does not trust
 * to be reproducible. Every layer's group must hold exactly the weights the model expects, of those shapes.
 */
export function readKeras3Weights(file: H5File, layers: readonly KerasLayerRef[], shapes: ReadonlyMap<string, number[][]>, source: string): Float32Array[] {
  const root = childGroup(file, 'layers');
  if (!root) throw new ModelFormatError(`${source}: the weights file has no "layers" group (groups: ${file.keys().join(', ') || 'none'})`);
  const used = new Map<string, number>();
  const seen = new Set<string>();
  const out: Float32Array[] = [];
  for (const layer of layers) {
    const base = kerasSnakeCase(layer.className);
    const count = used.get(base);
    used.set(base, count === undefined ? 0 : count + 1);
    const groupName = count === undefined ? base : `${base}_${count + 1}`;
    const expected = shapes.get(layer.name) ?? [];
    const vars = childGroup(root, groupName) && childGroup(childGroup(root, groupName)!, 'vars');
    const where = `${source}: weights of ${layer.className} "${layer.name}" (layers/${groupName}/vars)`;
    const names = vars ? vars.keys() : [];
    if (names.length !== expected.length) {
      throw new ModelFormatError(`${where}: expected ${expected.length} weight${expected.length === 1 ? '' : 's'}, found ${names.length}${names.length ? ` (${names.join(', ')})` : ''}`);
    }
    expected.forEach((shape, i) => out.push(readFloat32(childDataset(vars!, String(i)), shape, `${where}/${i}`)));
    seen.add(groupName);
  }
  const extra = root.keys().filter((name) => !seen.has(name));
  if (extra.length > 0) throw new ModelFormatError(`${source}: the weights file has groups no layer of the config uses: ${extra.map((n) => `layers/${n}`).join(', ')}`);
  return out;
}

/**
 * The weights of a legacy `.h5` (Keras 2 / tf.keras `model.save('m.h5')`, Keras 3's legacy_h5_format): group
 * `model_weights/<layer name>`, whose `weight_names` attribute lists its datasets in `layer.weights` order
 * (`dense/kernel:0` in tf.keras, `<model>/dense/kernel` in Keras 3).
 */
export function readLegacyH5Weights(file: H5File, layers: readonly KerasLayerRef[], shapes: ReadonlyMap<string, number[][]>, source: string): Float32Array[] {
  const root = childGroup(file, 'model_weights');
  if (!root) throw new ModelFormatError(`${source}: the .h5 file has no "model_weights" group (a legacy Keras model file has one; groups: ${file.keys().join(', ') || 'none'})`);
  const out: Float32Array[] = [];
  for (const layer of layers) {
    const expected = shapes.get(layer.name) ?? [];
    const group = childGroup(root, layer.name);
    const where = `${source}: weights of ${layer.className} "${layer.name}" (model_weights/${layer.name})`;
    const names = group ? stringList(group, 'weight_names', where) : [];
    if (names.length !== expected.length) {
      throw new ModelFormatError(`${where}: expected ${expected.length} weight${expected.length === 1 ? '' : 's'}, found ${names.length}${names.length ? ` (${names.join(', ')})` : ''}`);
    }
    expected.forEach((shape, i) => out.push(readFloat32(datasetAt(group!, names[i]), shape, `${where}/${names[i]}`)));
  }
  const known = new Set([...layers.map((layer) => layer.name), 'top_level_model_weights']);
  const extra = root.keys().filter((name) => !known.has(name));
  if (extra.length > 0) throw new ModelFormatError(`${source}: model_weights has groups no layer of the model_config uses: ${extra.join(', ')}`);
  return out;
}

/** A dataset by a `/`-separated path below `group`, or null. */
function datasetAt(group: Group, path: string): Dataset | null {
  const parts = path.split('/').filter(Boolean);
  let node: Group | null = group;
  for (const part of parts.slice(0, -1)) {
    node = node && childGroup(node, part);
  }
  return node && parts.length > 0 ? childDataset(node, parts[parts.length - 1]) : null;
}

/** A float32 dataset of exactly `shape`; shape and type are checked before its values are read. */
function readFloat32(dataset: Dataset | null, shape: readonly number[], where: string): Float32Array {
  if (!dataset) throw new ModelFormatError(`${where}: dataset missing`);
  const meta = dataset.metadata;
  const given = dataset.shape ?? [];
  if (given.length !== shape.length || given.some((d, i) => d !== shape[i])) {
    throw new ModelFormatError(`${where}: expected shape [${shape.join(', ')}], got [${given.join(', ')}]`);
  }
  // h5wasm's type codes are HDF5's H5T_class_t: 1 is H5T_FLOAT.
  if (meta.type !== 1 || meta.size !== 4 || !meta.littleEndian) throw new ModelFormatError(`${where}: expected float32 values, got an HDF5 type of class ${meta.type}, ${meta.size} bytes, ${meta.littleEndian ? 'little' : 'big'}-endian`);
  const values = dataset.value;
  if (!(values instanceof Float32Array) || values.length !== shapeSize(shape)) {
    throw new ModelFormatError(`${where}: expected ${shapeSize(shape)} float32 values, could not read them`);
  }
  return values;
}

/** A string or list-of-strings attribute (empty when Keras wrote an empty float array for "no weights"). */
export function stringList(node: Group, name: string, where: string): string[] {
  const attr = node.attrs[name];
  if (!attr) throw new ModelFormatError(`${where}: attribute "${name}" is missing`);
  const value = attr.value;
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  if (ArrayBuffer.isView(value) && (value as Float64Array).length === 0) return [];
  throw new ModelFormatError(`${where}: attribute "${name}" must be a list of strings`);
}
