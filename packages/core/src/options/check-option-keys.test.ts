import { ArgumentError, describeValue, NotSupportedError, UnknownOptionError } from '../errors';
import { checkBooleanOption, checkOptionKeys, rejectUnsupportedOptions } from './check-option-keys';
import { closestName, editDistance } from './closest-name';
import { optionKeys } from './option-keys';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions (kitten → sitting is 3)', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
    expect(editDistance('Epochs', 'epochs')).toBe(0);
  });
});

describe('closestName', () => {
  const fitKeys = ['epochs', 'batchSize', 'shuffle', 'validationSplit', 'learningRate'];
  it('maps well-known aliases and snake_case to the camelCase option', () => {
    expect(closestName('lr', fitKeys)).toBe('learningRate');
    expect(closestName('batch_size', fitKeys)).toBe('batchSize');
    expect(closestName('validation_split', fitKeys)).toBe('validationSplit');
    expect(closestName('epoch', fitKeys)).toBe('epochs');
  });
  it('suggests near misspellings and nothing for unrelated words', () => {
    expect(closestName('shufle', fitKeys)).toBe('shuffle');
    expect(closestName('verbosity', fitKeys)).toBeUndefined();
  });
});

describe('checkOptionKeys', () => {
  it('accepts known keys and undefined', () => {
    expect(() => checkOptionKeys({ epochs: 1 }, ['epochs'], 'fit options')).not.toThrow();
    expect(() => checkOptionKeys(undefined, ['epochs'], 'fit options')).not.toThrow();
  });
  it('names the unknown key, the call and the closest valid key', () => {
    let error: unknown;
    try {
      checkOptionKeys({ epoch: 50 }, ['epochs', 'batchSize'], 'fit options');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownOptionError);
    expect(error).toBeInstanceOf(ArgumentError);
    expect((error as UnknownOptionError).key).toBe('epoch');
    expect((error as UnknownOptionError).suggestion).toBe('epochs');
    expect((error as Error).message).toBe('Unknown option "epoch" in fit options; did you mean "epochs"? Expected one of: epochs, batchSize');
  });
  it('refuses a non-object', () => {
    expect(() => checkOptionKeys(42, ['a'], 'fit options')).toThrow('fit options must be an object, got 42');
    expect(() => checkOptionKeys([1], ['a'], 'fit options')).toThrow('got an array of length 1');
  });
});

describe('rejectUnsupportedOptions', () => {
  it('throws NotSupportedError for a given unsupported option only', () => {
    expect(() => rejectUnsupportedOptions({ classWeight: undefined }, ['classWeight'], 'fit options')).not.toThrow();
    expect(() => rejectUnsupportedOptions({ classWeight: { 0: 1 } }, ['classWeight'], 'fit options')).toThrow(NotSupportedError);
    expect(() => rejectUnsupportedOptions({ classWeight: { 0: 1 } }, ['classWeight'], 'fit options')).toThrow(
      'classWeight in fit options is not supported yet',
    );
  });
});

describe('checkBooleanOption', () => {
  it('passes booleans through and refuses truthy strings', () => {
    expect(checkBooleanOption(false, 'shuffle', 'fit options')).toBe(false);
    expect(checkBooleanOption(undefined, 'shuffle', 'fit options')).toBeUndefined();
    expect(() => checkBooleanOption('no', 'shuffle', 'fit options')).toThrow('fit options: shuffle must be true or false, got "no"');
  });
});

describe('describeValue', () => {
  it('quotes strings, prints NaN as NaN and names object kinds', () => {
    expect(describeValue('32')).toBe('"32"');
    expect(describeValue(32)).toBe('32');
    expect(describeValue(Number.NaN)).toBe('NaN');
    expect(describeValue(true)).toBe('true');
    expect(describeValue({})).toBe('an object');
    expect(describeValue(new Map())).toBe('a Map');
    expect(describeValue(function onEpochEnd() {})).toBe('a function onEpochEnd');
  });
});

describe('checkOptionKeys with unsupported keys', () => {
  const allowed = ['epochs', 'batchSize'];
  const unsupported = ['classWeight'];
  it('throws NotSupportedError for a given unsupported key, and lets it pass when undefined', () => {
    expect(() => checkOptionKeys({ epochs: 1, classWeight: { 0: 2 } }, allowed, 'fit options', unsupported)).toThrow(
      'classWeight in fit options is not supported yet',
    );
    expect(() => checkOptionKeys({ epochs: 1, classWeight: undefined }, allowed, 'fit options', unsupported)).not.toThrow();
  });
  it('suggests an unsupported key for its snake_case spelling but lists only supported ones', () => {
    expect(() => checkOptionKeys({ class_weight: {} }, allowed, 'fit options', unsupported)).toThrow(
      'Unknown option "class_weight" in fit options; did you mean "classWeight"? Expected one of: epochs, batchSize',
    );
  });
});

describe('optionKeys', () => {
  interface Options {
    a?: number;
    b?: string;
  }
  it('returns the list it was given, typed as a tuple', () => {
    const keys = optionKeys<Options>()(['a', 'b']);
    expect(keys).toEqual(['a', 'b']);
  });
  it('does not type-check when a key is left out or foreign (checked by tsc on this file)', () => {
    // @ts-expect-error: 'b' is missing
    expect(optionKeys<Options>()(['a'])).toEqual(['a']);
    // @ts-expect-error: 'c' is not a key of Options
    expect(optionKeys<Options>()(['a', 'b', 'c'])).toEqual(['a', 'b', 'c']);
  });
});
