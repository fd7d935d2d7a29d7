import { consoleLineStream, defaultProgressStream } from './default-progress-stream';

describe('default progress stream', () => {
  it('is process.stdout in Node', () => {
    expect(defaultProgressStream()).toBe(process.stdout);
  });

  it('elsewhere logs whole lines, keeping a partial line until its newline', () => {
    const lines: string[] = [];
    const stream = consoleLineStream((line) => lines.push(line));
    stream.write('Epoch 1/2\n');
    stream.write('4/4 [====] - 0s');
    expect(lines).toEqual(['Epoch 1/2']);
    stream.write(' - loss: 0.6931\nEpoch 2/2\n');
    expect(lines).toEqual(['Epoch 1/2', '4/4 [====] - 0s - loss: 0.6931', 'Epoch 2/2']);
    expect(stream.isTTY).toBe(false);
  });
});
