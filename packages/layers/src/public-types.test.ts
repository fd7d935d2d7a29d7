import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The public option types are literal unions derived from core's descriptors, so a misspelt activation,
 * loss or metric fails type checking in a user's project, not only at run time. This runs the TypeScript
 * compiler on a small consumer file, the way a user's `tsc` would see `@backprop/layers`.
 */
const packages = resolve(__dirname, '../..');

const consumer = `import { Dense, Sequential } from '@backprop/layers';

const model = new Sequential();
model.add(Dense(8, { inputShape: [4], activation: 'reluu' }));
model.add(Dense(3, { activation: 'softmax', kernelInitializer: 'he_normal' }));
model.compile({ loss: 'categorical_crossentropyy', optimizer: 'adam' });
model.compile({ loss: 'sparse_categorical_crossentropy', optimizer: 'RMSprop', metrics: ['accuracyy'] });
model.compile({ loss: { name: 'huber', delta: 0.5 }, metrics: ['acc', 'mean_absolute_error'] });
`;

function diagnosticsOf(source: string): { line: number; message: string }[] {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-consumer-'));
  try {
    const file = join(dir, 'consumer.ts');
    writeFileSync(file, source);
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      types: [],
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
      // The packages' sources stand for their published typings, so the test needs no build.
      paths: {
        '@backprop/layers': [join(packages, 'layers/src/index.ts')],
        '@backprop/core': [join(packages, 'core/src/index.ts')],
      },
    });
    const sourceFile = program.getSourceFile(file)!;
    return ts.getPreEmitDiagnostics(program, sourceFile).map((d) => ({
      line: sourceFile.getLineAndCharacterOfPosition(d.start ?? 0).line + 1,
      message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
    }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('public option types', () => {
  it('a misspelt activation, loss and metric are exactly the type errors of a consumer file', () => {
    const diagnostics = diagnosticsOf(consumer);
    expect(diagnostics.map((d) => d.line)).toEqual([4, 6, 7]);
    expect(diagnostics[0].message).toMatch(/"reluu"/);
    expect(diagnostics[1].message).toMatch(/"categorical_crossentropyy"/);
    expect(diagnostics[2].message).toMatch(/"accuracyy"/);
  });

  it('the same file with the names spelt right type-checks', () => {
    const fixed = consumer.replace("'reluu'", "'relu'").replace("'categorical_crossentropyy'", "'categorical_crossentropy'").replace("'accuracyy'", "'accuracy'");
    expect(diagnosticsOf(fixed)).toEqual([]);
  });
});
