/**
 * Screenshots of the real app for the README: `npm run screenshot`.
 * Starts the Vite dev server, opens each view in headless Chromium, waits for `graph-ready`.
 */
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium.js';

const shots = [
  { file: 'docs/images/app-zh.png', hash: '' },
  { file: 'docs/images/app-en.png', hash: '#lang=en' },
  { file: 'docs/images/app-city-en.png', hash: '#view=city&lang=en' },
  { file: 'docs/images/app-foreign-en.png', hash: '#model=foreign&lang=en' },
  { file: 'docs/images/trace-zh.png', hash: '#view=city&trace=disaster-departments' },
  { file: 'docs/images/trace-en.png', hash: '#view=city&trace=emergency-department&lang=en' },
  { file: 'docs/images/compare-en.png', hash: '#model=compare&lang=en', width: 1920, height: 1080 },
  { file: 'docs/images/compare-zh.png', hash: '#model=compare', width: 1920, height: 1080 },
  { file: 'docs/images/deck.png', path: 'deck/index.html', hash: '#/1', fragments: 3 },
];

const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const { file, hash, width = 1280, height = 720, path = '', fragments = 0 } of shots as { file: string; hash: string; width?: number; height?: number; path?: string; fragments?: number }[]) {
    const only = process.argv[2];
    if (only && !file.includes(only)) continue;
    const page = await browser.newPage({ viewport: { width, height } });
    const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'graph-ready', timeout: 30_000 });
    await page.addInitScript(() => document.addEventListener('graph-ready', () => console.log('graph-ready')));
    await page.goto(`http://127.0.0.1:${port}/${path}${hash}`);
    await ready;
    // a deck: move through its fragments, each one step of the graph
    for (let i = 0; i < fragments; i++) await page.evaluate(() => (window as unknown as { Reveal: { nextFragment(): void } }).Reveal.nextFragment());
    // let the trace highlight finish its short transition
    await page.waitForTimeout(400);
    await page.screenshot({ path: file });
    await page.close();
    console.log(`wrote ${file}`);
  }
} finally {
  await browser.close();
  await server.close();
}
