import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface WebpackResult {
  readonly code: string;
  readonly errors: string[];
  readonly warnings: string[];
  /** Every module webpack bundled, by resolved path. */
  readonly modules: string[];
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

// webpack's Node API with only `mode` set, run in the project folder: its defaults (entry ./src, output
// ./dist/main.js from the current directory, target web) do the rest. A child process, so the folder can
// be its current directory without changing jest's.
const BUILD = `
const webpack = require(process.argv[1]);
webpack({ mode: 'production' }, (error, stats) => {
  if (error) throw error;
  const json = stats.toJson({ all: false, errors: true, warnings: true, modules: true, nestedModules: true });
  const modules = json.modules.flatMap((m) => [m.nameForCondition || m.name, ...(m.modules || []).map((n) => n.nameForCondition || n.name)]);
  process.stdout.write(JSON.stringify({ errors: json.errors.map((e) => e.message), warnings: json.warnings.map((w) => w.message), modules }));
});`;

/**
 * A project as a webpack 5 user starts it — `src/index.js` importing the packages — built in production
 * mode with webpack's zero configuration. The training fixture is compiled to plain ESM first (webpack's
 * defaults have no TypeScript), with @backprop/* left as imports for webpack to resolve through `exports`.
 */
export async function buildWithWebpack(projectDir: string): Promise<WebpackResult> {
  mkdirSync(join(projectDir, 'src'), { recursive: true });
  await build({ entryPoints: [join(__dirname, 'training-fixture.ts')], bundle: true, format: 'esm', packages: 'external', outfile: join(projectDir, 'src', 'fixture.mjs'), logLevel: 'silent' });
  writeFileSync(join(projectDir, 'src', 'index.js'), "import { runTrainingFixture } from './fixture.mjs';\n\nglobalThis.__training = runTrainingFixture();\n");
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['-e', BUILD, require.resolve('webpack')], { cwd: projectDir, maxBuffer: 64 * 1024 * 1024 }, (error, out, stderr) =>
      error ? reject(new Error(`webpack failed: ${error.message}\n${stderr}`)) : resolve(out),
    );
  });
  const result = JSON.parse(stdout) as Pick<WebpackResult, 'errors' | 'warnings' | 'modules'>;
  const code = result.errors.length > 0 ? '' : readFileSync(join(projectDir, 'dist', 'main.js'), 'utf8');
  return { ...result, code, minifiedBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}
