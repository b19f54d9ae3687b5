import react from '@vitejs/plugin-react';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/security';

/** Puts the CSP into the built index.html too (dev keeps Vite's inline preamble working). */
const cspMeta = (): Plugin => ({
  name: 'signdrop-csp',
  apply: 'build',
  transformIndexHtml: (html) => html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`),
});

export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: { rollupOptions: { input: { index: resolve('main/index.ts') } } },
  },
  preload: {
    plugins: [externalizeDepsPlugin()],
    // Sandboxed preloads must be one CommonJS file that requires only 'electron'.
    build: { rollupOptions: { input: { index: resolve('preload/index.ts') }, output: { format: 'cjs' } } },
  },
  renderer: {
    root: 'renderer',
    plugins: [react(), cspMeta()],
    build: { rollupOptions: { input: { index: resolve('renderer/index.html') } } },
  },
});
