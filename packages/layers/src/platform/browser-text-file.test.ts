import { PlatformError } from '@backprop/core';
import * as browser from './browser-text-file';
import * as node from './node-text-file';

describe('browser stub of the CSVLogger file access', () => {
  it('exports exactly the names of the Node module', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
    expect(Object.keys(browser.textFile).sort()).toEqual(Object.keys(node.textFile).sort());
  });

  it('refuses with PlatformError naming the alternative', async () => {
    await expect(browser.textFile.truncate('log.csv')).rejects.toThrow(PlatformError);
    await expect(browser.textFile.append('log.csv', 'x')).rejects.toThrow(/CSVLogger\("log\.csv"\) \(a file path\) needs Node's file system.*LambdaCallback/);
  });
});
