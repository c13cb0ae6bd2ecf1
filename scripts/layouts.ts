/**
 * `npm run layouts`: lays out every view of the built-in models in Chromium, in each language
 * and type size, and writes the positions to graph-data/layouts.json, so the element draws them
 * without running dagre. Run it after editing a built-in model (a test says when).
 */
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { BUILTIN_MODELS } from '../src/model/builtin.js';
import { contentHash, packLayouts, type StoredLayout } from '../src/render/layout-cache.js';
import { LAYOUT_VERSION } from '../src/render/placement.js';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium.js';

// lay out from scratch, not from the layouts being replaced
writeFileSync('graph-data/layouts.json', JSON.stringify({ version: '', hashes: {}, ...packLayouts({}) }));
const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const port = (server.httpServer?.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const layouts: Record<string, StoredLayout> = {};
/** The slides layouts are made for: a whole 16:9 slide, and the room under a slide's title. */
const SLIDE_SIZES = [
  { width: 1280, height: 720 },
  { width: 1200, height: 600 },
];
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.addInitScript(() => document.addEventListener('graph-ready', () => console.log('graph-ready')));
  for (const graph of Object.values(BUILTIN_MODELS)) {
    const views = [undefined, ...(graph.views ?? []).map((view) => view.id)];
    for (const view of views) {
      for (const lang of ['zh', 'en', 'both']) {
        // the app's page (light, interactive) at 1280×720; slides (static, with the slide's compact legend: its canvas has
        // another shape) on a whole 16:9 slide and under a slide's title (1200×600), in the projector theme and the light one
        const pages = [
          { theme: 'light', slide: false, size: SLIDE_SIZES[0] },
          ...['projector', 'light'].flatMap((theme) => SLIDE_SIZES.map((size) => ({ theme, slide: true, size }))),
        ];
        for (const { theme, slide, size } of pages) {
          await page.setViewportSize(size);
          for (const layout of view === undefined || view === 'overview' ? ['hierarchy', 'bands'] : ['hierarchy']) {
            const query = new URLSearchParams({ model: graph.id, lang, theme, layout, ...(view ? { view } : {}), ...(slide ? { static: '' } : {}) });
            const ready = page.waitForEvent('console', { predicate: (message) => message.text() === 'graph-ready', timeout: 30_000 });
            await page.goto(`http://127.0.0.1:${port}/embed.html?${query}`);
            await ready;
            // the layout the page made, as the element kept it (see src/render/placement.ts)
            Object.assign(layouts, await page.evaluate(async (module) => (await import(/* @vite-ignore */ module)).layoutCache.made(), '/src/render/layout-cache.ts'));
          }
        }
      }
    }
    // the two panes of the compare view, each laid out for its own shape (see src/render/placement.ts)
    await page.setViewportSize(SLIDE_SIZES[0]);
    for (const lang of ['zh', 'en', 'both']) {
      for (const theme of ['light', 'projector']) {
        for (const table of ['', ' hide-table']) {
          const ready = page.waitForEvent('console', { predicate: (message) => message.text() === 'compare-ready', timeout: 30_000 });
          await page.goto(`http://127.0.0.1:${port}/embed.html?model=foreign`);
          await page.evaluate(
            ([lang, theme, table]) => {
              // as on a slide in the projector theme (see above)
              const slide = theme === 'projector' ? ' static' : '';
              document.body.innerHTML = `<governance-compare lang="${lang}" theme="${theme}"${table}${slide} style="height: 100vh"></governance-compare>`;
              let sides = 0;
              document.body.addEventListener('graph-ready', () => ++sides === 2 && console.log('compare-ready'));
            },
            [lang, theme, table],
          );
          await page.evaluate((module) => import(/* @vite-ignore */ module), '/src/components/governance-compare.ts');
          await ready;
          Object.assign(layouts, await page.evaluate(async (module) => (await import(/* @vite-ignore */ module)).layoutCache.made(), '/src/render/layout-cache.ts'));
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const hashes = Object.fromEntries(Object.values(BUILTIN_MODELS).map((graph) => [graph.id, contentHash(graph)]));
writeFileSync('graph-data/layouts.json', `${JSON.stringify({ version: LAYOUT_VERSION, hashes, ...packLayouts(layouts) })}\n`);
console.log(`wrote ${Object.keys(layouts).length} layouts to graph-data/layouts.json`);
