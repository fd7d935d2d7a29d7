import * as fs from 'node:fs';
import * as path from 'node:path';
import { pythonCandidates, writeBatchFile } from './python-peers';

describe('python peers', () => {
  it('tries BACKPROP_BENCH_PYTHON (a PATH-style list) or else python3 then the system python', () => {
    expect(pythonCandidates({ BACKPROP_BENCH_PYTHON: ['/opt/venv/bin/python', '/usr/bin/python3'].join(path.delimiter) })).toEqual([
      '/opt/venv/bin/python',
      '/usr/bin/python3',
    ]);
    expect(pythonCandidates({})).toEqual(['python3', '/usr/bin/python3']);
  });
  it('writes all x, then all y, then the inference images as float32', () => {
    const batches = [
      { x: new Float32Array([1, 2, 3, 4]), y: new Float32Array([0, 1]) },
      { x: new Float32Array([5, 6, 7, 8]), y: new Float32Array([1, 0]) },
    ];
    const file = writeBatchFile({ batches, inference: new Float32Array([9, 10]) }, 1);
    try {
      const bytes = fs.readFileSync(file);
      expect(Array.from(new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 1, 0, 9, 10]);
    } finally {
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
