/**
 * CRC-32 as PNG (ISO 3309 / ITU-T V.42, polynomial 0xEDB88320 reflected) and gzip use it. Written
 * here because `zlib.crc32` only exists from Node 20.15, and the fuzzer needs it to repair PNG
 * chunk CRCs after a mutation so the mutation reaches the decoder instead of its CRC check.
 */
const TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
