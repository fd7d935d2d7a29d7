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

/** The most output one prefix inflation may produce while looking for a header. */
const PREFIX_OUTPUT_CAP = 1 << 20;

/** Inflate the first `length` bytes of `gzip`, or report that they inflate past `PREFIX_OUTPUT_CAP`. */
function inflatePrefix(gzip: Uint8Array, length: number): Buffer | 'over the cap' {
  try {
    // Z_SYNC_FLUSH returns what a truncated stream decodes to instead of failing on its missing end.
    return gunzipSync(gzip.subarray(0, length), { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: PREFIX_OUTPUT_CAP });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return 'over the cap';
    throw error;
  }
}

/**
 * Inflate just enough of `gzip` to return at least `wanted` bytes (fewer only when the whole stream
 * holds fewer), never producing more than 1 MiB whatever the stream would inflate to. Prefixes of
 * 64, 512, 4096… bytes are tried; one that overshoots the cap (a bomb right after a long gzip
 * header) is narrowed by bisection, which ends because one more input byte adds at most
 * `MAX_DEFLATE_RATIO` output bytes. Errors are zlib's own (not valid gzip).
 */
export function gunzipPrefix(gzip: Uint8Array, wanted: number): Buffer {
  let low = 0; // a prefix length known to inflate to fewer than `wanted` bytes
  for (let length = Math.min(64, gzip.length); ; length = Math.min(length * 8, gzip.length)) {
    const out = inflatePrefix(gzip, length);
    if (out !== 'over the cap') {
      if (out.length >= wanted || length === gzip.length) return out;
      low = length;
      continue;
    }
    let high = length;
    while (high - low > 1) {
      const mid = Math.floor((low + high) / 2);
      const middle = inflatePrefix(gzip, mid);
      if (middle === 'over the cap') high = mid;
      else if (middle.length >= wanted) return middle;
      else low = mid;
    }
    throw new Error(`one input byte inflated past ${PREFIX_OUTPUT_CAP} bytes at offset ${low}`);
  }
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
