import { ArgumentError } from '../errors';
import { Dense } from './dense';

// Keras's Dense(use_bias=...) takes a bool; a string such as "false" would be truthy and silently keep the bias.
describe('Dense arguments', () => {
  it('useBias must be a boolean; left out it is true', () => {
    expect(() => new Dense({ units: 2, useBias: 'false' as never, name: 'd' })).toThrow(new ArgumentError('Dense "d" arguments: useBias must be true or false, got "false"'));
    expect(() => new Dense({ units: 2, useBias: 0 as never, name: 'd' })).toThrow(ArgumentError);
    expect(new Dense({ units: 2 }).useBias).toBe(true);
    expect(new Dense({ units: 2, useBias: false }).useBias).toBe(false);
  });
});
