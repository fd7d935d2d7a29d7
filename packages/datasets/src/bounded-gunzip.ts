import { constants, gunzipSync } from 'node:zlib';

/**
 * Inflating gzip without trusting it. A few hundred bytes of gzip can inflate to gigabytes, so a
 * reader first inflates only a prefix to read its header, then inflates the whole stream with
 * zlib's `maxOutputLength` set to the size that header declares.
 */

/**
 * The most one byte of deflate data can inflate to: a stored-length match of 258 bytes costs at
 * least 2 bits, so the ratio is below 1032:1 (zlib's technical details, "Maximum compression
 * factor"). A declared size above this times the compressed size cannot be honest.
 */
export const MAX_DEFLATE_RATIO = 1032;

/** Prefix sizes tried when looking for the header: each inflates to at most 1032 times its length. */
const PREFIX_STEPS = [64, 512, 4096];

/**
 * Inflate just enough of `gzip` to return at least `wanted` bytes (fewer only when the whole stream
 * holds fewer). Memory is bounded by 1032 × the largest prefix tried (about 4 MB), whatever the
 * stream would inflate to. Errors are zlib's own (not valid gzip).
 */
export function gunzipPrefix(gzip: Uint8Array, wanted: number): Buffer {
  let out = Buffer.alloc(0);
  for (const step of [...PREFIX_STEPS, gzip.length]) {
    const prefix = gzip.subarray(0, Math.min(step, gzip.length));
    // Z_SYNC_FLUSH returns what a truncated stream decodes to instead of failing on its missing end.
    out = gunzipSync(prefix, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: MAX_DEFLATE_RATIO * step + 1024 });
    if (out.length >= wanted || prefix.length === gzip.length) return out;
  }
  return out;
}

/** The outcome of inflating with a limit: the bytes, or the fact that the stream was longer than `limit`. */
export type BoundedGunzip = { kind: 'ok'; bytes: Buffer } | { kind: 'too long' };

/** Inflate all of `gzip` but stop as soon as the output exceeds `limit` bytes. Other errors are zlib's. */
export function gunzipAtMost(gzip: Uint8Array, limit: number): BoundedGunzip {
  try {
    // One more byte than allowed, so a stream of exactly `limit` bytes passes and a longer one stops at once.
    return { kind: 'ok', bytes: gunzipSync(gzip, { maxOutputLength: limit + 1 }) };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return { kind: 'too long' };
    throw error;
  }
}
