/**
 * The child process of `save-kill.test.ts`: saves two network files alternately to one path, as fast as it
 * can, until the test SIGKILLs it. It runs `writeFileAtomic` — all `saveNetwork` does with the text
 * `serializeNetwork` makes — on texts the test serialized, so it starts quickly (only this file and
 * atomic-write.ts are loaded). Protocol: waits for a line on stdin, then prints `saved` after its first
 * complete save. Arguments: the target path, then the two files holding the texts to save.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write';

const [target, first, second] = process.argv.slice(2);
const texts = [readFileSync(first, 'utf8'), readFileSync(second, 'utf8')];
process.stdin.once('data', () => {
  for (let i = 0; ; i++) {
    writeFileAtomic(target, texts[i % 2], { what: 'model file' });
    // Writes to a pipe are synchronous on Linux, so the line leaves even though this loop never yields.
    if (i === 0) process.stdout.write('saved\n');
  }
});
process.stdout.write('ready\n');
