/**
 * The child process of `save-kill.test.ts`: writes two models' folders alternately into one directory, as
 * fast as it can, until the test SIGKILLs it. It runs `writeModelFolder` — the file protocol of
 * `model.save` — on the artifacts (model.json, weights bytes and name) the test built with `modelArtifacts`,
 * so it starts quickly without loading the model code. Protocol: waits for a line on stdin, then prints
 * `saved` after its first complete save. Arguments: the model directory, then the two artifacts files.
 */
import { readFileSync } from 'node:fs';
import { writeModelFolder } from './model-folder';

interface SavedArtifacts {
  json: unknown;
  bin: string; // base64
  weightsFile: string;
}

const [dir, ...files] = process.argv.slice(2);
const models = files.map((file) => {
  const artifacts = JSON.parse(readFileSync(file, 'utf8')) as SavedArtifacts;
  return { ...artifacts, bin: Buffer.from(artifacts.bin, 'base64') };
});
process.stdin.once('data', () => {
  for (let i = 0; ; i++) {
    const { json, bin, weightsFile } = models[i % models.length];
    writeModelFolder(dir, json, bin, weightsFile);
    // Writes to a pipe are synchronous on Linux, so the line leaves even though this loop never yields.
    if (i === 0) process.stdout.write('saved\n');
  }
});
process.stdout.write('ready\n');
