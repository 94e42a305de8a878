import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));

// The benchmark page: its own small build (bench/index.html) into dist/bench, run by scripts/bench.mjs.
export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: {
    outDir: process.env.GH_BENCH_OUT ?? resolve(here, '../dist/bench'),
    emptyOutDir: true,
    sourcemap: false,
    // GH_BENCH_MINIFY=0: the functions keep their names in a profile (GH_BENCH_CPUPROFILE).
    minify: process.env.GH_BENCH_MINIFY !== '0',
    target: 'chrome120',
    chunkSizeWarningLimit: 8000,
  },
});
