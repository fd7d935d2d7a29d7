import { defineConfig } from 'vite';

// The page uses the packages' browser builds (the "browser" export condition, Vite's default for the
// client); nothing here is specific to @backprop — that is the point.
export default defineConfig({
  base: './',
  build: { target: 'es2022', sourcemap: true },
  // The training worker (src/training-worker.ts) as an ES module, like the page.
  worker: { format: 'es' },
  preview: { host: '127.0.0.1', strictPort: true },
});
