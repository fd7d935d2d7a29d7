import { Activation, clearSession, Dense, Dropout, Sequential } from '../index';

describe('summary', () => {
  beforeEach(() => clearSession());

  it('lists Activation and Dropout with 0 params, cuts long names at the column, and adds thousands separators', () => {
    const model = new Sequential({ name: 'classifier' });
    model.add(Dense(1000, { inputShape: [1000], name: 'a_really_long_layer_name_that_overflows' }));
    model.add(Activation('relu'));
    model.add(Dropout(0.5));
    model.add(Dense(10, { useBias: false }));
    const lines: string[] = [];
    model.summary((line) => lines.push(line));
    expect(lines).toEqual([
      'Model: "classifier"',
      '_'.repeat(65),
      'Layer (type)                 Output Shape              Param #   ',
      '='.repeat(65),
      'a_really_long_layer_name_tha (None, 1000)              1001000   ',
      '_'.repeat(65),
      'activation (Activation)      (None, 1000)              0         ',
      '_'.repeat(65),
      'dropout (Dropout)            (None, 1000)              0         ',
      '_'.repeat(65),
      'dense (Dense)                (None, 10)                10000     ',
      '='.repeat(65),
      'Total params: 1,011,000',
      'Trainable params: 1,011,000',
      'Non-trainable params: 0',
      '_'.repeat(65),
    ]);
  });
});
