import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from 'vite';

const rendererRoot = path.dirname(fileURLToPath(import.meta.url));

/** The renderer build, shared by electron-vite (out/renderer) and the web host (out/web). */
export const rendererConfig = (outDir: string): UserConfig => ({
  root: rendererRoot,
  base: './',
  plugins: [react()],
  build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 1500 },
});

export default defineConfig(rendererConfig(path.resolve(rendererRoot, '../out/web')));
