import { playwright } from '@vitest/browser-playwright';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import type { BrowserCommand } from 'vitest/node';
import { cytoscapeTrim } from './scripts/cytoscape-trim.js';
import { deckPlugin } from './scripts/deck-plugin.js';
import { CHROMIUM_ARGS, findChromium } from './tests/chromium.js';

/** Lets browser tests emulate the reader's preferences (colour scheme, reduced motion). */
const emulateMedia: BrowserCommand<[{ colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' }]> = async (context, media) => {
  await (context as unknown as { page: { emulateMedia(media: object): Promise<void> } }).page.emulateMedia(media);
};

/**
 * Vitest's browser mode routes every `import()` through a runner that only its own page has, so
 * in the embed page and the deck (opened in iframes by the tests) the lazy Cytoscape import would
 * fail. Vitest leaves a module alone when it already mentions that runner's method, which this
 * marks; no test mocks Cytoscape.
 */
const plainLazyImports: Plugin = {
  name: 'governance-plain-lazy-imports',
  enforce: 'post',
  transform(code, id) {
    if (id.endsWith('/src/render/cytoscape-loader.ts')) return `${code}\n// not routed through wrapDynamicImport\n`;
  },
};

/** Where the embed bundle's `exportPptx()` finds the PowerPoint writer: a file of its own beside it. */
const PPTX_FILE = 'governance-graph-pptx.js';

/**
 * The embed bundle leaves the PowerPoint writer (pptxgenjs and JSZip, several times the size of
 * everything else) out: its `exportPptx()` loads `governance-graph-pptx.js` from beside the
 * bundle on first use. A classic script cannot load a module beside itself, so the `iife` build
 * says to use the ES module build instead.
 */
const pptxBesideBundle = (format: 'es' | 'iife'): Plugin => ({
  name: 'governance-pptx-beside-bundle',
  enforce: 'pre',
  transform(code, id) {
    if (!id.endsWith('/src/render/pptx-loader.ts')) return;
    const load =
      format === 'es'
        ? `import(/* @vite-ignore */ new URL(/* @vite-ignore */ './${PPTX_FILE}', import.meta.url).href)`
        : `Promise.reject(new Error('PowerPoint export needs the ES module build: load governance-graph.js with <script type="module"> and put ${PPTX_FILE} beside it.'))`;
    const call = "return import('./pptx.js')";
    if (!code.includes(call)) throw new Error(`pptx-loader.ts no longer says ${call}: update pptxBesideBundle`);
    return code.replace(call, `return ${load}`);
  },
});

/** The embed bundle as one file: `lib` an ES module, `iife` a classic script for pages opened from file://. */
const bundle = (format: 'es' | 'iife', fileName: string, entry = 'src/index.ts') => ({
  emptyOutDir: false,
  copyPublicDir: false,
  chunkSizeWarningLimit: 1024,
  // library mode: Vite adds no module-preload helper, which one file never needs
  lib: { entry, formats: [format], name: 'GovernanceGraph', fileName: () => fileName },
  // library mode keeps an ES module's white space for other bundlers; this one goes to browsers as it is, Cytoscape inlined
  rolldownOptions: { output: { minify: true, comments: false, codeSplitting: false } },
});

/**
 * `vite` serves the app, the embed page and the example deck; `vite build` writes them to dist/;
 * `vite build --mode lib` (and `--mode iife`) write the embed bundle dist/governance-graph.js
 * (one ES module, built-in models inside), `--mode pptx` the PowerPoint writer it loads on demand; `vitest` runs the Node unit tests, the browser
 * tests in Chromium, and then the cross-engine suite, which drives Chromium, Firefox and WebKit
 * from Node against what the build writes.
 */
export default defineConfig(({ mode }) => ({
  plugins: [
    deckPlugin(),
    cytoscapeTrim(),
    ...(process.env.VITEST ? [plainLazyImports] : []),
    ...(mode === 'lib' ? [pptxBesideBundle('es')] : mode === 'iife' ? [pptxBesideBundle('iife')] : []),
  ],
  // relative asset paths, so the built app also works from a sub-folder or file://
  base: './',
  // pre-bundled up front, so the browser tests never see a mid-run dependency reload
  optimizeDeps: { include: ['cytoscape', 'papaparse', 'cytoscape-dagre', 'lit', 'lit/decorators.js', 'lit/directives/if-defined.js', 'lit/directives/guard.js', 'axe-core', 'pptxgenjs', 'jszip'] },
  build:
    mode === 'lib'
      ? bundle('es', 'governance-graph.js')
      : mode === 'iife'
        ? bundle('iife', 'governance-graph.iife.js')
        : mode === 'pptx'
          ? // the PowerPoint writer beside the embed bundle, loaded by its exportPptx()
            bundle('es', PPTX_FILE, 'src/render/pptx.ts')
        : { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024, rolldownOptions: { input: { index: 'index.html', embed: 'embed.html' } } },
  test: {
    projects: [
      {
        extends: true,
        // headless Cytoscape and real servers take seconds when the machine is busy: a timeout must mean a hang
        test: { name: 'model', include: ['tests/model/**/*.test.ts'], environment: 'node', testTimeout: 20_000 },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 20_000,
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            commands: { emulateMedia },
            provider: playwright({
              launchOptions: process.env.VITEST ? { executablePath: findChromium(), args: CHROMIUM_ARGS } : {},
            }),
            instances: [{ browser: 'chromium', viewport: { width: 1280, height: 720 } }],
          },
        },
      },
      {
        extends: true,
        test: {
          name: 'engines',
          include: ['tests/engines/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/engines/serve.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // one browser at a time, after the other projects: the machine has two cores
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
}));
