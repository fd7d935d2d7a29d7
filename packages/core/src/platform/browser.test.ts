import { PlatformError } from '../errors';
import { DenseNetwork } from '../network/dense-network';
import * as browser from './browser';
import * as node from './node';

describe('browser platform stubs', () => {
  it('export exactly the names of the Node platform module', () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(node).sort());
  });

  it('throw PlatformError naming the function and the alternative', () => {
    const network = new DenseNetwork({ layers: [{ units: 1, activation: 'sigmoid' }], inputSize: 2, seed: 1 });
    expect(() => browser.saveNetwork(network, 'm.json')).toThrow(PlatformError);
    expect(() => browser.saveNetwork(network, 'm.json')).toThrow(/^saveNetwork needs Node's file system .*serializeNetwork/);
    expect(() => browser.loadNetwork('m.json')).toThrow(/^loadNetwork needs Node's file system .*deserializeNetwork/);
    expect(() => browser.writeFileAtomic('f', 'x')).toThrow(/^writeFileAtomic needs Node's file system/);
  });
});
