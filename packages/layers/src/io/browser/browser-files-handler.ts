import { ArgumentError, ModelFormatError } from '@backprop/core';
import type { ModelIOHandler } from '../model-io-handler';

/** What is needed of a `File` (a `Blob` with a name): browsers' `<input type=file>` files, Node 20's `File`. */
export interface NamedFile {
  readonly name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
  text(): Promise<string>;
}

/** True for a non-empty list of File-like objects (an array or a `FileList`). */
export function isFileList(value: unknown): value is ArrayLike<NamedFile> {
  if (value === null || typeof value !== 'object' || typeof (value as ArrayLike<unknown>).length !== 'number') return false;
  const list = Array.from(value as ArrayLike<unknown>);
  return list.length > 0 && list.every((f) => f !== null && typeof f === 'object' && typeof (f as NamedFile).name === 'string' && typeof (f as NamedFile).arrayBuffer === 'function');
}

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/**
 * Files picked with `<input type=file multiple>`: one `.json` (model.json) and the weight files its
 * manifest names, matched by file name (tfjs-core's `browserFiles`). A missing or extra file is an error.
 */
export function browserFiles(files: readonly NamedFile[]): ModelIOHandler {
  const jsonFiles = files.filter((f) => f.name.endsWith('.json'));
  if (jsonFiles.length !== 1) {
    throw new ArgumentError(`loadModel(files) expects exactly one .json file (model.json) among the files, got ${jsonFiles.length}: ${files.map((f) => JSON.stringify(f.name)).join(', ')}`);
  }
  const [jsonFile] = jsonFiles;
  return {
    async load() {
      let modelJson: unknown;
      try {
        modelJson = JSON.parse(await jsonFile.text());
      } catch (error) {
        throw new ModelFormatError(`${jsonFile.name}: not valid JSON (${(error as Error).message})`);
      }
      const manifest = (modelJson as { weightsManifest?: unknown })?.weightsManifest;
      const paths: string[] = Array.isArray(manifest) ? manifest.flatMap((group) => (Array.isArray(group?.paths) ? group.paths.map(String) : [])) : [];
      const byName = new Map(files.filter((f) => f !== jsonFile).map((f) => [f.name, f]));
      const weightFiles = new Map<string, Uint8Array>();
      for (const path of paths) {
        const file = byName.get(baseName(path));
        if (!file) throw new ModelFormatError(`${jsonFile.name}: weights file "${baseName(path)}" was not among the selected files (${[...byName.keys()].map((n) => `"${n}"`).join(', ') || 'none'})`);
        weightFiles.set(path, new Uint8Array(await file.arrayBuffer()));
        byName.delete(baseName(path));
      }
      if (byName.size > 0) throw new ModelFormatError(`${jsonFile.name}: the manifest does not name ${[...byName.keys()].map((n) => `"${n}"`).join(', ')}`);
      return { modelJson, weightFiles, source: jsonFile.name };
    },
  };
}
