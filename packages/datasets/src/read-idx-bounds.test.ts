import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, gzipSync } from 'node:zlib';
import { BackpropError } from '@backprop/core';
import { DatasetReadError, IdxSizeError } from './dataset-errors';
import { encodeIdx } from './encode-idx';
import { readIdx } from './read-idx';
import { peakRss, thrown } from '@backprop/fuzz';

const MiB = 1024 * 1024;

describe('readIdx on gzip that inflates past its header', () => {
  it('refuses a 1 GiB gzip bomb behind a small header without inflating it (bounded peak memory)', () => {
    // A valid header for 10 28×28 images, then 1 GiB of zeros: gzip members concatenate (RFC 1952,
    // section 2.2), so 64 copies of one 16 MiB member make a ~1 MiB file that inflates to 1 GiB.
    const header = gzipSync(encodeIdx([10, 28, 28], new Uint8Array(10 * 784)));
    const zeros = gzipSync(new Uint8Array(16 * MiB));
    const bomb = Buffer.concat([header, ...new Array(64).fill(zeros)]);
    expect(bomb.length).toBeLessThan(2 * MiB);
    const before = peakRss();
    const error = thrown(() => readIdx(bomb, { name: 'bomb-idx3-ubyte.gz' }));
    const growth = peakRss() - before;
    expect(error).toBeInstanceOf(IdxSizeError);
    expect(error).toBeInstanceOf(BackpropError);
    expect(error.message).toBe(
      'bomb-idx3-ubyte.gz: trailing bytes: gzip data inflates to more than the 7856 bytes the IDX header declares; stopped at the limit',
    );
    expect(error).toMatchObject({ file: 'bomb-idx3-ubyte.gz', declaredBytes: 7856, actualBytes: undefined });
    // Inflating it whole would raise the peak by at least 1 GiB.
    expect(growth).toBeLessThan(64 * MiB);
  });

  it('finds the header behind a 300 KB gzip file name and still stops a bomb after it', () => {
    // RFC 1952, 2.3: ID1 ID2 CM FLG(FNAME) MTIME XFL OS, the zero-terminated name, raw deflate data,
    // CRC32 and ISIZE (left zero: inflation stops at the declared size, before the trailer).
    const head = Buffer.from([0x1f, 0x8b, 8, 0x08, 0, 0, 0, 0, 0, 3]);
    const name = Buffer.concat([Buffer.alloc(300_000, 0x61), Buffer.from([0])]);
    const data = Buffer.concat([encodeIdx([10, 28, 28], new Uint8Array(7840)), Buffer.alloc(64 * MiB)]);
    const bomb = Buffer.concat([head, name, deflateRawSync(data), Buffer.alloc(8)]);
    const before = peakRss();
    const error = thrown(() => readIdx(bomb, { name: 'named.gz' }));
    expect(error).toBeInstanceOf(IdxSizeError);
    expect(error.message).toBe('named.gz: trailing bytes: gzip data inflates to more than the 7856 bytes the IDX header declares; stopped at the limit');
    expect(peakRss() - before).toBeLessThan(32 * MiB);
  });

  it('refuses a header declaring more than the gzip could ever inflate to, before inflating', () => {
    const header = encodeIdx([1], Uint8Array.from([7]));
    new DataView(header.buffer).setUint32(4, 0xffffffff);
    const error = thrown(() => readIdx(gzipSync(header), { name: 'huge.gz' }));
    expect(error).toBeInstanceOf(IdxSizeError);
    expect(error.message).toMatch(/^huge\.gz: the IDX header declares 4294967303 bytes, but \d+ bytes of gzip inflate to at most \d+/);
  });

  it('accepts an honest gzip file of exactly the declared size, in one or several members', () => {
    const plain = encodeIdx([2, 3], Uint8Array.from([1, 2, 3, 4, 5, 6]));
    const split = Buffer.concat([gzipSync(plain.subarray(0, 10)), gzipSync(plain.subarray(10))]);
    for (const gz of [gzipSync(plain), split]) {
      const { dims, data } = readIdx(gz);
      expect(dims).toEqual([2, 3]);
      expect(Array.from(data)).toEqual([1, 2, 3, 4, 5, 6]);
    }
  });

  it('reads a header that only a long compressed prefix reveals', () => {
    // Incompressible data makes zlib emit stored or dynamic blocks: the header is not in the first 64 bytes of output order.
    const random = Uint8Array.from({ length: 50_000 }, (_, i) => (i * 2654435761) >>> 24);
    const { dims } = readIdx(gzipSync(encodeIdx([50, 1000], random)));
    expect(dims).toEqual([50, 1000]);
  });
});

describe('readIdx on paths that are not readable files', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'read-idx-fs-'));
  });
  afterAll(() => {
    chmodSync(join(dir, 'locked-idx1-ubyte'), 0o644);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a directory as such (EISDIR), with a typed error', () => {
    const sub = join(dir, 'a-directory');
    mkdirSync(sub);
    const error = thrown(() => readIdx(sub));
    expect(error).toBeInstanceOf(DatasetReadError);
    expect(error.message).toBe(`Cannot read ${sub}: EISDIR (it is a directory); expected a readable IDX file`);
  });

  it('names a path through a file (ENOTDIR)', () => {
    writeFileSync(join(dir, 'plain'), 'x');
    const error = thrown(() => readIdx(join(dir, 'plain', 'child')));
    expect(error).toBeInstanceOf(DatasetReadError);
    expect(error).toMatchObject({ code: 'ENOTDIR', path: join(dir, 'plain', 'child') });
  });

  it('reports a file it may not read (EACCES) when permissions apply to this user', () => {
    const locked = join(dir, 'locked-idx1-ubyte');
    writeFileSync(locked, encodeIdx([1], Uint8Array.from([1])));
    chmodSync(locked, 0o000);
    // root reads any file regardless of mode: there the read succeeds, which is also correct.
    const isRoot = process.getuid?.() === 0;
    if (isRoot) expect(readIdx(locked).dims).toEqual([1]);
    else expect(thrown(() => readIdx(locked))).toMatchObject({ name: 'DatasetReadError', code: 'EACCES' });
  });
});
