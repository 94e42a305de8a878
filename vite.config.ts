import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The output folder can be moved so that several test runs can build side by side.
const outDir = process.env.GH_RENDERER_OUT ?? resolve(__dirname, 'dist/renderer');

export default defineConfig({
  root: resolve(__dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: false,
    target: 'chrome120',
    chunkSizeWarningLimit: 4000,
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
