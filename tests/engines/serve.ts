import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, preview } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the built app, deck and embed bundle are served, ending in `/`. */
    enginesBase: string;
    /** The same folder as a `file://` URL, ending in `/`: pages opened as a double-clicked file. */
    enginesFiles: string;
  }
}

/**
 * Builds what ships (the app, the deck, the embed bundle as a module and as a classic script) into a
 * temporary folder, adds the test pages, and serves it all on the loopback interface while the cross-engine suite runs.
 */
export default async function setup(project: TestProject) {
  const outDir = mkdtempSync(join(tmpdir(), 'governance-engines-'));
  const quiet = { configFile: 'vite.config.ts', logLevel: 'warn' as const };
  await build({ ...quiet, build: { outDir, emptyOutDir: true } });
  await build({ ...quiet, mode: 'lib', build: { outDir } });
  await build({ ...quiet, mode: 'iife', build: { outDir } });
  copyFileSync('tests/engines/page.html', join(outDir, 'engines.html'));
  copyFileSync('tests/engines/classic.html', join(outDir, 'classic.html'));
  const server = await preview({ ...quiet, build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
  project.provide('enginesBase', server.resolvedUrls!.local[0]);
  project.provide('enginesFiles', `${pathToFileURL(outDir).href}/`);
  return async () => {
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  };
}
