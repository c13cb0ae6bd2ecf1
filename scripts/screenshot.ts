/**
 * Screenshots of the real app for the README: `npm run screenshot`.
 * Starts the Vite dev server, opens each view in headless Chromium, waits for `graph-ready`.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from 'playwright';
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
  // slides as a hall sees them: the embed page at 1280×720, projector theme
  { file: 'docs/images/slide-overview-zh.png', path: 'embed.html?view=overview&theme=projector&static', hash: '' },
  { file: 'docs/images/slide-city-en.png', path: 'embed.html?view=city&lang=en&theme=projector&static', hash: '' },
  { file: 'docs/images/slide-trace-zh.png', path: 'embed.html?view=city&trace=disaster-departments&theme=projector&static', hash: '' },
  { file: 'docs/images/slide-compare-zh.png', path: 'deck/index.html', hash: '#/3' },
  { file: 'docs/images/compare-slide-en.png', hash: '#model=compare&lang=en' },
  { file: 'docs/images/own-model-en.png', hash: '#lang=en', setup: openTemplate },
  { file: 'docs/images/own-model-zh.png', hash: '', setup: openTemplate },
  { file: 'docs/images/own-model-citations-en.png', hash: '#lang=en', setup: checkCitations },
  { file: 'docs/images/own-model-problems-en.png', hash: '#lang=en', setup: showProblems },
];

const template = (name: string) => readFileSync(`public/templates/${name}`, 'utf8');
const sheet = (name: string, text = template(name)) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });

/** Picks files in the app's Open… dialog and waits for what they bring. */
async function pick(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[], drawn = true): Promise<void> {
  const ready = drawn ? page.waitForEvent('console', { predicate: (m) => m.text() === 'graph-ready', timeout: 30_000 }) : undefined;
  await page.locator('governance-app input[type="file"]').setInputFiles(files);
  await ready;
}

/** The template's sheets: actors and relations, and the sectors and relation kinds they use. */
const templateSheets = () => [sheet('actors.csv'), sheet('relations.csv'), sheet('sectors.csv'), sheet('relation-kinds.csv')];

/** The template's sheets, opened as a reader would, the trace of a township government. */
async function openTemplate(page: Page): Promise<void> {
  await pick(page, templateSheets());
  await page.evaluate(() => (location.hash = `${location.hash}&trace=township-gov`));
}

/** The template with a source text in which one sentence was reworded: its quote is not found. */
async function checkCitations(page: Page): Promise<void> {
  await pick(page, templateSheets());
  const text = template('source.txt').replace('县人民政府引导保险机构开展巨灾保险', '县人民政府鼓励保险机构开展巨灾保险');
  await pick(page, [{ name: 'plan.txt', mimeType: 'text/plain', buffer: Buffer.from(text) }], false);
  await page.evaluate(() => (location.hash = `${location.hash}&trace=county-gov`));
  await page.locator('governance-app .citations summary').click();
}

/** Sheets with three mistakes, opened over the template's model: every problem, and the graph kept. */
async function showProblems(page: Page): Promise<void> {
  await pick(page, templateSheets());
  const actors = template('actors.csv').replace(',party,', ',partty,').replace('insurers,保险机构,Insurers', 'insurers,保险机构,');
  const relations = template('relations.csv').replace('flood-hq,water-bureau', 'flood-hq,water-bureu');
  await pick(page, [sheet('actors.csv', actors), sheet('relations.csv', relations), sheet('sectors.csv'), sheet('relation-kinds.csv')], false);
  await page.locator('governance-app .problems').waitFor();
}

const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address ? address.port : 5173;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
try {
  for (const { file, hash, width = 1280, height = 720, path = '', fragments = 0, setup } of shots as {
    file: string;
    hash: string;
    width?: number;
    height?: number;
    path?: string;
    fragments?: number;
    setup?: (page: Page) => Promise<void>;
  }[]) {
    const only = process.argv[2];
    if (only && !file.includes(only)) continue;
    const page = await browser.newPage({ viewport: { width, height } });
    const ready = page.waitForEvent('console', { predicate: (m) => m.text() === 'graph-ready', timeout: 30_000 });
    await page.addInitScript(() => document.addEventListener('graph-ready', () => console.log('graph-ready')));
    await page.goto(`http://127.0.0.1:${port}/${path}${hash}`);
    await ready;
    // a deck: move through its fragments, each one step of the graph
    for (let i = 0; i < fragments; i++) await page.evaluate(() => (window as unknown as { Reveal: { nextFragment(): void } }).Reveal.nextFragment());
    await setup?.(page);
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
