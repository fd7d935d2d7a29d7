import type { KerasFileCodecs } from '../keras-files';
import { readHdf5, writeHdf5 } from './hdf5-file';
import { readKerasArchive, writeKerasArchive } from './keras-archive';

/** h5wasm- and fflate-backed codecs, registered by `@backprop/layers/keras` and by the Node entry. */
export const kerasFileCodecs: KerasFileCodecs = { readHdf5, writeHdf5, readKerasArchive, writeKerasArchive };
