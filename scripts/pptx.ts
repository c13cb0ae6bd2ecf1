/**
 * `npm run pptx -- --model ID|FILE --view V --lang zh|en|both [--theme T] -o FILE`: a view of a
 * model as a PowerPoint file, one 16:9 slide per presentation step, of native shapes.
 *
 * The element lays the graph out and measures its labels in Chromium, as on screen, so a model
 * file without a shipped layout comes out as the app draws it: the script opens the embed page in
 * headless Chromium and saves what the element's `exportPptx()` gives, the path of the app's
 * Export PowerPoint button.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { BUILTIN_MODELS } from '../src/model/builtin.js';
import type { DisplayLang } from '../src/model/types.js';
import { THEMES } from '../src/render/palette.js';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium.js';

const USAGE = 'Usage: npm run pptx -- --model ID|FILE [--view V] [--lang zh|en|both] [--theme light|dark|projector] -o FILE.pptx';
const LANGS: readonly DisplayLang[] = ['zh', 'en', 'both'];

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(1);
}

let options;
try {
  options = parseArgs({
    options: { model: { type: 'string' }, view: { type: 'string' }, lang: { type: 'string', default: 'zh' }, theme: { type: 'string', default: 'light' }, output: { type: 'string', short: 'o' } },
  }).values;
} catch (error) {
  fail((error as Error).message);
}
const { model, view, lang, theme, output } = options;
if (!model) fail('Say which model: --model domestic, or --model my-graph.json.');
if (!output) fail('Say where to write the file: -o overview.pptx.');
if (!LANGS.includes(lang as DisplayLang)) fail(`--lang ${lang} is not a language here: use zh, en or both.`);
if (!(THEMES as readonly string[]).includes(theme)) fail(`--theme ${theme} is not a theme: use ${THEMES.join(', ')}.`);
const builtin = Object.hasOwn(BUILTIN_MODELS, model);
if (!builtin && !existsSync(model)) fail(`There is no built-in model "${model}" and no file of that name. Built-in models: ${Object.keys(BUILTIN_MODELS).join(', ')}.`);

/** Where the page finds a model file: the script answers this address with the file. */
const MODEL_URL = '/__pptx-model.json';

const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const port = (server.httpServer?.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
let file: { base64: string; slides: number; title: string };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  if (!builtin) await page.route(`**${MODEL_URL}`, (route) => route.fulfill({ contentType: 'application/json', body: readFileSync(model, 'utf8') }));
  const query = new URLSearchParams({ ...(builtin ? { model } : { src: MODEL_URL }), lang, theme, ...(view ? { view } : {}) });
  // listening before the page runs: a graph drawn quickly reports before the page has loaded
  await page.addInitScript(() => {
    (window as unknown as { outcome: Promise<unknown> }).outcome = new Promise((resolve) => {
      document.addEventListener('graph-ready', () => resolve({}), { once: true });
      document.addEventListener('graph-error', (event) => resolve({ error: event.detail.message, problems: event.detail.problems }), { once: true });
    });
  });
  await page.goto(`http://127.0.0.1:${port}/embed.html?${query}`);
  // drawn, or refused with the element's own message (an unknown view, a broken file)
  const outcome = (await page.evaluate(() => (window as unknown as { outcome: Promise<unknown> }).outcome)) as { error?: string; problems?: { path: string; message: string }[] };
  if (outcome.error) {
    const more = (outcome.problems ?? []).slice(1, 20).map((problem) => `  ${problem.path}: ${problem.message}`);
    fail([outcome.error, ...more].join('\n'));
  }
  file = await page.evaluate(async () => {
    const graph = document.querySelector('governance-graph')!;
    const [deck, blob] = await Promise.all([graph.exportSlides(), graph.exportPptx()]);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { base64: btoa(binary), slides: deck.slides.length, title: deck.title };
  });
} finally {
  await browser.close();
  await server.close();
}
writeFileSync(output, Buffer.from(file.base64, 'base64'));
console.log(`wrote ${output}: ${file.slides} slide${file.slides === 1 ? '' : 's'} (${file.title})`);
