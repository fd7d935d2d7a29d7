/**
 * The Node-only part of @backprop/layers: `file://` URLs and plain paths. The package's browser build
 * replaces this module with ./browser.ts (same exports, stubs that throw PlatformError), so a bundle
 * for the browser contains no `node:*` import. Keep both files' exports identical.
 */
import { registerKerasFiles } from '../io/keras-files';
import { kerasFileCodecs } from '../io/keras/keras-file-codecs';
import { loadModel } from '../io/load-model';
import { saveModel } from '../io/save-model';
import type { FileModelIO } from './file-model-io';

export const fileModelIO: FileModelIO = { save: saveModel, load: loadModel };

// Node reads and writes Keras files with no extra import (`loadModel('m.keras')`); bundle size does not
// matter there. The browser build leaves this out: there `import '@backprop/layers/keras'` registers them.
registerKerasFiles(kerasFileCodecs);
