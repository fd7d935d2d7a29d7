import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';

export interface BrowserBundle {
  readonly code: string;
  readonly metafile: Metafile;
  readonly minifiedBytes: number;
  readonly gzipBytes: number;
}

/**
 * esbuild's browser bundle of a script here (default the training script), with no configuration beyond what any user
 * writes: bundle, platform browser, minify. The packages resolve through their `browser` conditions.
 */
export async function bundleForBrowser(entry = 'browser-entry.ts'): Promise<BrowserBundle> {
  const result = await build({
    entryPoints: [join(__dirname, entry)],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    minify: true,
    metafile: true,
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].text;
  return { code, metafile: result.metafile, minifiedBytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}
