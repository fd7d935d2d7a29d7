import { ModelFormatError } from '@backprop/core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { CONFIG_FILE, isZip, KERAS_FILE_LIMIT_BYTES, type KerasArchive, METADATA_FILE, WEIGHTS_FILE } from './keras-format';

export { CONFIG_FILE, isZip, KERAS_FILE_LIMIT_BYTES, type KerasArchive, METADATA_FILE, WEIGHTS_FILE } from './keras-format';

/** JSON members larger than this are refused before they are inflated (a Sequential's config is a few kB). */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Unpack a `.keras` file. Every member's size is read from the zip directory and checked before it is
 * inflated (a JSON member above 64 MiB, weights above KERAS_FILE_LIMIT_BYTES are refused), and a
 * member Keras's saving_lib does not write for a Sequential of supported layers — `assets/…` of a
 * TextVectorization, sharded weights — is refused by name rather than skipped.
 */
export function readKerasArchive(bytes: Uint8Array, source: string): KerasArchive {
  if (!isZip(bytes)) throw new ModelFormatError(`${source}: not a .keras file (a Keras 3 .keras file is a zip archive, which starts with "PK\\x03\\x04")`);
  const refused: string[] = [];
  const tooLarge: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        if (file.name.endsWith('/')) return false; // directory entries hold nothing
        if (![CONFIG_FILE, METADATA_FILE, WEIGHTS_FILE].includes(file.name)) {
          refused.push(file.name);
          return false;
        }
        const limit = file.name === WEIGHTS_FILE ? KERAS_FILE_LIMIT_BYTES : MAX_JSON_BYTES;
        if (file.originalSize > limit) {
          tooLarge.push(`"${file.name}" declares ${file.originalSize} bytes, more than the limit of ${limit}`);
          return false;
        }
        return true;
      },
    });
  } catch (error) {
    throw new ModelFormatError(`${source}: the .keras zip archive is truncated or corrupted (${(error as Error).message})`);
  }
  if (tooLarge.length > 0) throw new ModelFormatError(`${source}: ${tooLarge.join('; ')}`);
  if (refused.length > 0) {
    throw new ModelFormatError(
      `${source}: the .keras archive holds ${refused.map((n) => `"${n}"`).join(', ')}, which this loader does not read (it reads ${CONFIG_FILE}, ${METADATA_FILE} and ${WEIGHTS_FILE}: Sequential models without assets or sharded weights)`,
    );
  }
  for (const name of [CONFIG_FILE, WEIGHTS_FILE]) {
    if (!files[name]) throw new ModelFormatError(`${source}: the .keras archive has no "${name}" (it holds: ${Object.keys(files).join(', ') || 'nothing'})`);
  }
  const config = parseJson(files[CONFIG_FILE], `${source}: ${CONFIG_FILE}`);
  const metadata = files[METADATA_FILE] ? parseJson(files[METADATA_FILE], `${source}: ${METADATA_FILE}`) : {};
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    throw new ModelFormatError(`${source}: ${METADATA_FILE} must be a JSON object, got ${JSON.stringify(metadata)}`);
  }
  return { config, metadata: metadata as Record<string, unknown>, weights: files[WEIGHTS_FILE] };
}

/** A `.keras` file's bytes, members in the order Keras writes them. */
export function writeKerasArchive(archive: KerasArchive): Uint8Array {
  return zipSync({
    [METADATA_FILE]: strToU8(JSON.stringify(archive.metadata)),
    [CONFIG_FILE]: strToU8(JSON.stringify(archive.config)),
    [WEIGHTS_FILE]: [archive.weights, { level: 0 }], // HDF5 floats barely compress; Keras stores it too
  });
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(strFromU8(bytes));
  } catch (error) {
    throw new ModelFormatError(`${what} is not valid JSON (${(error as Error).message})`);
  }
}
