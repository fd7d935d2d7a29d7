import { BackpropError } from '@backprop/core';
import { ResultsValidationError } from '../mnist-app-errors';
import { benchResultsFixture } from './bench-results.fixture';
import { validateResults } from './results-schema';

function validationError(doc: unknown): ResultsValidationError {
  try {
    validateResults(doc);
  } catch (error) {
    expect(error).toBeInstanceOf(ResultsValidationError);
    expect(error).toBeInstanceOf(BackpropError);
    return error as ResultsValidationError;
  }
  throw new Error('expected validateResults to throw');
}

/** Set a field deep in a document, bypassing its type (to make it invalid on purpose). */
function setField(doc: unknown, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = doc as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]] = value;
}

describe('validateResults', () => {
  it('accepts a valid document and returns it unchanged', () => {
    const doc = benchResultsFixture();
    expect(validateResults(doc)).toEqual(doc);
  });

  it('accepts a document that went through JSON', () => {
    const doc = JSON.parse(JSON.stringify(benchResultsFixture()));
    expect(validateResults(doc).results).toHaveLength(2);
  });

  it('accepts null speedRatio, preset, limit, dataDir and tfjsBackend, and a single engine', () => {
    const doc = benchResultsFixture();
    doc.results = [doc.results[0]];
    doc.speedRatio = null;
    doc.settings.preset = null;
    doc.settings.limit = null;
    doc.environment.tfjsBackend = null;
    expect(() => validateResults(doc)).not.toThrow();
  });

  it('names a missing top-level field', () => {
    const { environment: _omitted, ...doc } = benchResultsFixture();
    const error = validationError(doc);
    expect(error.issues.map((i) => i.path)).toEqual(['environment']);
    expect(error.message).toMatch(/^Invalid results document \(1 bad field\): environment: /);
  });

  it('names every bad nested field with its index path', () => {
    const doc = benchResultsFixture();
    setField(doc, 'results.1.testAccuracy', 1.5);
    setField(doc, 'results.0.engine', 'pytorch');
    setField(doc, 'results.0.history.val_loss', [1, 2]);
    setField(doc, 'settings.batchSize', 0);
    setField(doc, 'schemaVersion', 2);
    const error = validationError(doc);
    const paths = error.issues.map((i) => i.path).sort();
    expect(paths).toEqual([
      'results[0].engine',
      'results[0].history.val_loss',
      'results[1].testAccuracy',
      'schemaVersion',
      'settings.batchSize',
    ]);
    expect(error.message).toContain('5 bad fields');
    expect(error.message).toContain('results[0].history.val_loss: expected 3 values (one per epoch), got 2');
    expect(error.message).toMatch(/results\[1\]\.testAccuracy: [^;]*<=1/);
  });

  it('rejects a confusion matrix that is not 10×10', () => {
    const doc = benchResultsFixture();
    doc.results[0].confusionMatrix = doc.results[0].confusionMatrix.slice(0, 9);
    doc.results[1].confusionMatrix[3] = [1, 2, 3];
    const paths = validationError(doc).issues.map((i) => i.path);
    expect(paths).toContain('results[0].confusionMatrix');
    expect(paths).toContain('results[1].confusionMatrix[3]');
  });

  it('rejects more than 100 misclassified digits and out-of-range labels', () => {
    const doc = benchResultsFixture();
    doc.results[0].misclassified = Array.from({ length: 101 }, (_, index) => ({ index, label: 1, predicted: 2 }));
    doc.results[1].misclassified[0].predicted = 10;
    const paths = validationError(doc).issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['results[0].misclassified', 'results[1].misclassified[0].predicted']));
  });

  it('rejects wrong types, a bad date and a non-positive speed ratio', () => {
    const doc = benchResultsFixture();
    setField(doc, 'createdAt', 'yesterday');
    setField(doc, 'results.0.interrupted', 'no');
    setField(doc, 'environment.cpus', 2.5);
    setField(doc, 'speedRatio', 0);
    const paths = validationError(doc).issues.map((i) => i.path).sort();
    expect(paths).toEqual(['createdAt', 'environment.cpus', 'results[0].interrupted', 'speedRatio']);
  });

  it('rejects a non-object with a (root) issue', () => {
    expect(validationError('nope').issues[0].path).toBe('(root)');
    expect(validationError(null).issues[0].path).toBe('(root)');
  });
});
