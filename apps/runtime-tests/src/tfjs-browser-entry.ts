// A page training on @backprop/tfjs-adapter: the page imports tfjs-backend-wasm itself and points it at
// its own copy of the .wasm files (served under /tfjs/), as tfjs's documentation has browser apps do.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { runTfjsFixture } from './tfjs-fixture';

setWasmPaths('/tfjs/');
const target = globalThis as { __tfjsTraining?: Promise<unknown> };
target.__tfjsTraining = (async () => ({ cpu: await runTfjsFixture('cpu'), wasm: await runTfjsFixture('wasm') }))();
