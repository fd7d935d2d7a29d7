import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArgumentError, FileAccessError, type Matrix, ModelFormatError, NonFiniteWeightError, NotSupportedError } from '@backprop/core';
import { Dense } from '../../layers/dense';
import { Sequential } from '../../model/sequential';
import { loadModel } from '../load-from';
import { resolveObjectURL } from 'node:buffer';
import { downloadKerasFile } from './keras-download';
import { FIXTURES_DIR, fixtureBytes, fixturePredictions, maxAbsDifference } from './keras-fixtures';

const expected = fixturePredictions('mlp');
const predictsAsKeras = (model: Sequential) => expect(maxAbsDifference(model.predict(expected.inputs).toArray(), expected.predictions)).toBeLessThan(1e-5);

describe('loadModel takes a Keras file in every form (run here on Node 20 globals: File, fetch)', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      const name = (request.url ?? '').replace(/^\/|\?.*$/g, '');
      if (!['mlp.keras', 'mlp.h5'].includes(name)) {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'content-type': 'application/octet-stream' }).end(readFileSync(join(FIXTURES_DIR, name)));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it.each(['mlp.keras', 'mlp.h5'])('%s from a path, a file:// URL, bytes, an ArrayBuffer, a File, a list of one File and an http URL', async (name) => {
    const bytes = fixtureBytes(name);
    predictsAsKeras(await loadModel(join(FIXTURES_DIR, name)));
    predictsAsKeras(await loadModel(`file://${join(FIXTURES_DIR, name)}`));
    predictsAsKeras(await loadModel(bytes));
    predictsAsKeras(await loadModel(bytes.slice().buffer));
    const file = new File([bytes.slice().buffer], name);
    predictsAsKeras(await loadModel(file));
    predictsAsKeras(await loadModel([file]));
    predictsAsKeras(await loadModel(`${base}/${name}?v=1`));
  });

  it('names what went wrong: a File of another kind, a missing path, a 404', async () => {
    await expect(loadModel(new File(['{}'], 'model.json'))).rejects.toThrow(ArgumentError);
    await expect(loadModel(join(FIXTURES_DIR, 'absent.keras'))).rejects.toThrow(FileAccessError);
    await expect(loadModel(`${base}/absent.keras`)).rejects.toThrow(new ModelFormatError(`${base}/absent.keras: the server answered 404 Not Found`));
  });
});

describe('model.save("m.keras")', () => {
  const newModel = () => new Sequential({ layers: [Dense(3, { inputShape: [2], activation: 'relu' }), Dense(1)], seed: 1 });

  it('refuses a legacy .h5 target and non-finite weights before touching the file system', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-keras-save-'));
    await expect(newModel().save(join(dir, 'm.h5'))).rejects.toThrow(NotSupportedError);
    expect(existsSync(join(dir, 'm.h5'))).toBe(false);
    const broken = newModel();
    const diverged = broken.getWeights();
    (diverged[2] as Matrix).data[1] = Number.NaN;
    // What a diverged backend hands back (setWeights itself refuses non-finite values).
    jest.spyOn(broken, 'getWeights').mockReturnValue(diverged);
    await expect(broken.save(join(dir, 'm.keras'))).rejects.toThrow(NonFiniteWeightError);
    await expect(broken.save(join(dir, 'm.keras'))).rejects.toThrow(`Cannot save weight "${broken.layers[1].name}/kernel" of Dense "${broken.layers[1].name}": value 1 is NaN`);
    expect(existsSync(join(dir, 'm.keras'))).toBe(false);
  });

  it('keeps the previous file whole when the new one cannot be written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backprop-keras-save-'));
    const target = join(dir, 'm.keras');
    const first = newModel();
    await first.save(target);
    const before = readFileSync(target);
    // A directory where the temporary file would go makes the write fail after the model was serialized.
    writeFileSync(join(dir, 'blocker'), '');
    await expect(newModel().save(join(dir, 'blocker', 'm.keras'))).rejects.toThrow(FileAccessError);
    expect(readFileSync(target).equals(before)).toBe(true);
    expect(maxAbsDifference((await loadModel(target)).predict([[1, 2]]).toArray(), first.predict([[1, 2]]).toArray())).toBe(0);
  });
});

describe('model.save("downloads://name.keras") (browser)', () => {
  it('hands the page one .keras file that loads back as a File', async () => {
    const clicked: { download: string; href: string }[] = [];
    const doc = { createElement: () => ({ download: '', href: '', click(this: { download: string; href: string }) { clicked.push({ download: this.download, href: this.href }); } }) };
    const saved = await loadModel(fixtureBytes('mlp.keras'));
    await downloadKerasFile(saved, 'net.keras', doc as unknown as Document);
    expect(clicked.map((c) => c.download)).toEqual(['net.keras']);
    const file = new File([await resolveObjectURL(clicked[0].href)!.arrayBuffer()], clicked[0].download);
    predictsAsKeras(await loadModel(file));
  });

  it('is routed by model.save, and needs a page', async () => {
    const model = await loadModel(fixtureBytes('mlp.keras'));
    await expect(model.save('downloads://net.keras')).rejects.toThrow(new ArgumentError('downloads://net.keras: needs a page with a document (not a worker or Node)'));
  });
});
