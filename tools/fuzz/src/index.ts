/**
 * @backprop/fuzz: a seeded mutation fuzzer for backprop's file readers. Byte mutations (bit flips,
 * truncation, insertion, deletion, huge header fields), JSON mutations (hostile numbers, wrong
 * types, deleted keys, hostile manifest paths), PNG chunk helpers, and a runner that tallies
 * cases / loaded / typed errors / other within a time and memory bound.
 */
export { AllocationCapError, withAllocationCap } from './allocation-cap';
export type { ByteMutationOptions, Mutated } from './byte-mutations';
export { deleteBytes, flipBits, HUGE_FIELD_VALUES, hugeHeaderField, insertBytes, mutateBytes, mutateBytesStacked, truncate } from './byte-mutations';
export { crc32 } from './crc32';
export type { RandomSource } from './random-source';
export { campaignOptions, campaignTimeoutMs, FUZZ_CASES_ENV, FUZZ_SEED_ENV, isLongCampaign, runCampaign } from './fuzz-campaign';
export type { FuzzFailure, FuzzOptions, FuzzTally, FuzzTarget } from './fuzz-runner';
export { formatTally, runFuzz } from './fuzz-runner';
export { HOSTILE_NUMBERS, HOSTILE_PATHS, mutateJson } from './json-mutations';
export { ihdrData, PNG_SIGNATURE, pngChunk, pngFile, repairPngCrcs } from './png-chunks';
export { peakRss, thrown } from './test-probes';
