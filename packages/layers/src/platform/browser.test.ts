import { PlatformError } from '@backprop/core';
import { Dense } from '../layers/dense';
import { Sequential } from '../model/sequential';
import * as browser from './browser';
import * as node from './node';

describe('browser platform stubs', () => {
  it('export exactly the names of the Node platform module', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    expect(Object.keys(browser.fileModelIO).sort()).toEqual(Object.keys(node.fileModelIO).sort());
  });

  it('refuse file paths with PlatformError naming the browser handlers', async () => {
    const model = new Sequential({ layers: [Dense(1, { inputShape: [2] })] });
    await expect(browser.fileModelIO.save(model, 'file://./m')).rejects.toThrow(PlatformError);
    await expect(browser.fileModelIO.save(model, 'file://./m')).rejects.toThrow(
      'model.save("file://./m") (a file path) needs Node\'s file system and is not available in this build (a browser); in a browser use "indexeddb://name", "localstorage://name", "downloads://name", an http(s):// URL, or File objects from <input type=file>',
    );
    await expect(browser.fileModelIO.load('./m', {})).rejects.toThrow(/^loadModel\("\.\/m"\) \(a file path\) needs Node's file system/);
  });
});
