import { gzipSync } from 'node:zlib';
import { PlatformError } from '@backprop/core';
import { encodeIdx } from '../encode-idx';
import * as browser from './browser';
import * as browserFiles from './browser-files';
import * as node from './node';
import * as nodeFiles from './node-files';

describe('browser platform stubs', () => {
  it('export exactly the names of the Node platform modules', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    expect(Object.keys(browserFiles).sort()).toEqual(Object.keys(nodeFiles).sort());
  });

  it('throw PlatformError saying what to do in a browser', () => {
    expect(() => browser.loadMnist()).toThrow(PlatformError);
    expect(() => browser.loadMnist()).toThrow(/^loadMnist needs Node's file system .*pass the bytes to readIdx/);
    expect(() => browser.loadDigits()).toThrow(/^loadDigits needs Node's file system/);
    expect(() => browserFiles.readDatasetFile('t10k-labels-idx1-ubyte', 'IDX file')).toThrow(/^reading "t10k-labels-idx1-ubyte" needs/);
    const idx = encodeIdx([2], new Uint8Array([1, 2]));
    expect(Array.from(nodeFiles.gunzipPrefix(gzipSync(idx), idx.length))).toEqual(Array.from(idx));
    expect(() => browserFiles.gunzipAtMost(new Uint8Array([0x1f, 0x8b]), 10)).toThrow(/DecompressionStream/);
    expect(browser.MAX_DIGITS_CSV_BYTES).toBe(node.MAX_DIGITS_CSV_BYTES);
  });
});
