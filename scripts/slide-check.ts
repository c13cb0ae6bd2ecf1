/**
 * `npm run slide-check -- FILE...`: draws every view of each model file in headless Chromium, as
 * on a projected slide, and reports per view and language the label size on screen, actors
 * overlapping, relations crossing or drawn through a third actor, and how much of the slide the
 * graph fills, against the goals of `SLIDE_GOALS`; says which views to split. Exit 1 if any
 * view misses a goal.
 *
 * Options: `--size 1280x720` (the slide, px), `--theme projector|light|dark`, `--lang zh,en`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { chromium } from 'playwright';
import { createServer } from 'vite';
import { GraphError, parseGraph } from '../src/model/load.js';
import { oneLang, typeLimitMessage } from '../src/model/messages.js';
import type { DisplayLang, Graph, Lang } from '../src/model/types.js';
import { namedMisses } from '../src/app/slide-check.js';
import { measureSlide, slideShortfalls, SLIDE_GOALS, type ShownSlide, type SlideShortfall } from '../src/render/slide-metrics.js';
import { CHROMIUM_ARGS, findChromium } from '../tests/chromium.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args.splice(at, 2)[1] : fallback;
};
const [width, height] = option('size', '1280x720').split('x').map(Number);
const theme = option('theme', 'projector') as keyof typeof SLIDE_GOALS.labelPx;
const langs = option('lang', 'zh,en').split(',');
const files = args;
if (files.length === 0 || !(width > 0 && height > 0) || !(theme in SLIDE_GOALS.labelPx)) {
  console.error('usage: npm run slide-check -- FILE... [--size 1280x720] [--theme projector|light|dark] [--lang zh,en]');
  process.exit(2);
}

/** What a view misses, said for the author; actors named by their labels in `lang` (see `typeLimitMessage`). */
const explain = (shortfall: SlideShortfall, graph: Graph, lang: Lang): string => {
  switch (shortfall.goal) {
    case 'labelPx': {
      const small = `labels ${shortfall.actual.toFixed(1)} px (want ≥ ${shortfall.wanted})`;
      const [{ limit }] = namedMisses([shortfall], graph, lang);
      return limit ? `${small}: ${typeLimitMessage(limit, 'en')}` : small;
    }
    case 'split':
      return `too many actors for one slide: at ${SLIDE_GOALS.labelPx[theme]} px their boxes alone would cover ${Math.round(shortfall.actual * 100)}% of it; split the view`;
    case 'fill':
      return `fills ${Math.round(shortfall.actual[0] * 100)}% × ${Math.round(shortfall.actual[1] * 100)}% (want ≥ 85% × 60%)`;
    default:
      return `${shortfall.actual} ${shortfall.goal === 'passThroughs' ? 'relations through a third actor' : shortfall.goal} (want ≤ ${shortfall.wanted})`;
  }
};

const server = await createServer({ server: { port: 0, host: '127.0.0.1' }, logLevel: 'error' });
await server.listen();
const port = (server.httpServer?.address() as { port: number }).port;
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
let missed = 0;
let unreadable = 0;
try {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.addInitScript(() => {
    document.addEventListener('graph-ready', () => console.log('graph-ready'));
    document.addEventListener('graph-error', (event) => console.log(`graph-error ${(event as CustomEvent<{ message: string }>).detail.message}`));
  });
  for (const [index, file] of files.entries()) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      console.error(`slide-check: cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}. Give the path of a model JSON file, e.g. graph-data/domestic.json.`);
      unreadable++;
      continue;
    }
    let graph: Graph;
    try {
      // checked here, as the element checks it, so that a message names the user's file, not the page's copy of it
      graph = parseGraph(text, file);
    } catch (error) {
      const invalid = error instanceof GraphError && error.kind === 'invalidGraph';
      console.error(`slide-check: ${(error as Error).message}${invalid ? ` \`npm run validate -- ${file}\` lists every problem.` : ''}`);
      unreadable++;
      continue;
    }
    // served from the page's own origin, as a file next to the page would be
    const url = `/slide-check/${index}.json`;
    await page.route(`**${url}`, (route) => route.fulfill({ body: text, contentType: 'application/json' }));
    const views = graph.views?.length ? graph.views.map((view) => view.id) : [undefined];
    console.log(`\n${basename(file)} (${theme}, ${width}×${height})`);
    for (const view of views) {
      for (const lang of langs) {
        const query = new URLSearchParams({ src: url, lang, theme, static: '', ...(view ? { view } : {}) });
        const outcome = page.waitForEvent('console', { predicate: (message) => message.text().startsWith('graph-'), timeout: 60_000 });
        await page.goto(`http://127.0.0.1:${port}/embed.html?${query}`);
        const message = (await outcome).text();
        const name = `${view ?? '(whole model)'} · ${lang}`;
        if (message !== 'graph-ready') {
          console.log(`  ✗ ${name}: ${message}`);
          missed++;
          continue;
        }
        const shown = await page.evaluate(async (module) => {
          const { shownSlide } = await import(/* @vite-ignore */ module);
          const element = document.querySelector('governance-graph') as unknown as { cytoscape: { cy: unknown } };
          return shownSlide(element.cytoscape.cy) as ShownSlide;
        }, '/src/render/slide-metrics.ts');
        const figures = measureSlide(shown);
        const shortfalls = slideShortfalls(figures, theme);
        const summary = `${shown.actors.length} actors, labels ${figures.labelPx.toFixed(1)} px, ${figures.overlaps.length} overlapping, ${figures.crossings.length} crossings, ${figures.passThroughs.length} through an actor, fills ${Math.round(figures.fill.width * 100)}% × ${Math.round(figures.fill.height * 100)}%`;
        console.log(`  ${shortfalls.length ? '✗' : '✓'} ${name}: ${summary}`);
        for (const shortfall of shortfalls) console.log(`      ${explain(shortfall, graph, oneLang(lang as DisplayLang))}`);
        if (shortfalls.length) missed++;
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(missed ? `\n${missed} slide(s) miss a goal.` : '\nEvery slide meets the goals.');
if (unreadable) console.log(`${unreadable} file(s) could not be checked.`);
process.exitCode = missed || unreadable ? 1 : 0;
