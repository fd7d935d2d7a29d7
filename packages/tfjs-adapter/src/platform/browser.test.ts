import { PlatformError } from '@backprop/core';
import * as browser from './browser';
import * as node from './node';

describe('the browser build’s platform module', () => {
  it('exports exactly the names of the Node platform module', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
  });

  it('reads no environment and finds no package folder: the page imports and places tfjs’s backends itself', () => {
    expect(browser.readEnv('BACKPROP_TFJS_BACKEND')).toBeUndefined();
    expect(browser.wasmPathPrefix('@tensorflow/tfjs-backend-wasm')).toBeNull();
    expect(() => browser.consumerSearchPaths()).toThrow(PlatformError);
  });

  it('treats a backend package as loaded when its tfjs backend is registered, else as missing', () => {
    // tfjs-node is never registered here; the missing-module shape is what initTfjs reports as "not imported".
    expect(() => browser.loadFromConsumer('@tensorflow/tfjs-node')).toThrow(expect.objectContaining({ code: 'MODULE_NOT_FOUND', message: expect.stringContaining("'@tensorflow/tfjs-node'") }));
    require('@tensorflow/tfjs-backend-wasm');
    expect(browser.loadFromConsumer('@tensorflow/tfjs-backend-wasm')).toEqual({ setWasmPaths: expect.any(Function) });
    expect(() => browser.loadFromConsumer('left-pad')).toThrow(/^loadFromConsumer\("left-pad"\) \(Node module resolution\) needs Node's file system/);
  });
});
