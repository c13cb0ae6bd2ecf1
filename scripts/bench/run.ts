/**
 * `npm run bench`: draws the same graphs with this project's embed bundle and with its peers in
 * headless Chromium, in one run so machine noise cancels out, and prints one table of medians
 * and ratios. `--write` also puts the table into the README between the bench markers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import type { Graph } from '../../src/model/types.js';
import { CHROMIUM_ARGS, findChromium } from '../../tests/chromium.js';
import { syntheticGraph } from './synthetic.js';

type Contender = 'floor' | 'ours' | 'naive' | 'mermaid';
const CONTENDERS: Contender[] = ['floor', 'ours', 'naive', 'mermaid'];

interface Subject {
  name: string;
  graph: Graph;
  /** Runs per contender; fewer where a peer takes tens of seconds. */
  runs: Partial<Record<Contender, number>>;
  /** Also zoom and pan it after the last run of ours and naive, timing the frames. */
  explore?: boolean;
  /** Also open each page a second time, as a deck or a model opened again is. */
  revisit?: boolean;
}

const subjects: Subject[] = [
  { name: 'built-in domestic (70)', graph: BUILTIN_MODELS.domestic, runs: { floor: 9, ours: 9, naive: 9, mermaid: 5 }, revisit: true },
  { name: 'synthetic 60', graph: syntheticGraph(60), runs: { floor: 9, ours: 9, naive: 9, mermaid: 5 }, revisit: true },
  { name: 'synthetic 300', graph: syntheticGraph(300), runs: { floor: 7, ours: 7, naive: 5, mermaid: 3 }, revisit: true },
  { name: 'synthetic 1,000', graph: syntheticGraph(1000), runs: { floor: 3, ours: 3, naive: 1, mermaid: 1 }, explore: true },
  { name: 'synthetic 3,000', graph: syntheticGraph(3000), runs: { floor: 3, ours: 3, naive: 1 }, explore: true },
  // a slide-sized model of one's own: laid out by the slide layout, with its regrouping (see src/render/slide-layout.ts)
  { name: 'synthetic 20 (a slide)', graph: syntheticGraph(20), runs: { floor: 9, ours: 9, naive: 9, mermaid: 5 }, revisit: true },
];

const file = (path: string) => readFileSync(path);
const scripts: Record<string, Buffer> = {
  '/governance-graph.js': Buffer.alloc(0),
  '/cytoscape.js': file('node_modules/cytoscape/dist/cytoscape.min.js'),
  '/cytoscape-dagre.js': file('node_modules/cytoscape-dagre/dist/cytoscape-dagre.min.js'),
  '/mermaid.js': file('node_modules/mermaid/dist/mermaid.min.js'),
};
const scriptsOf: Record<Contender, string[]> = {
  floor: [],
  ours: ['/governance-graph.js'],
  naive: ['/cytoscape.js', '/cytoscape-dagre.js'],
  mermaid: ['/mermaid.js'],
};

/**
 * Recorded in every page: the longest main-thread task, `__drawn` once the graph is on screen and
 * `__interactive` once it answers clicks (the same moment in every page, since no contender
 * shows a picture before its renderer is ready). Each is taken after the next frame has been presented.
 */
const probe = `<script>
  window.__longest = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration); })
    .observe({ type: 'longtask', buffered: true });
  const afterFrame = (then) => requestAnimationFrame(() => requestAnimationFrame(then));
  window.drawn = (layout) => afterFrame(() => {
    window.__layout = layout;
    window.__drawn ??= performance.now();
    window.__interactive = performance.now();
  });
</script>`;

const page = (body: string, head = '') => `<!doctype html><html><head><meta charset="utf-8">${probe}${head}
<style>html,body{margin:0;height:100%} #graph,governance-graph{width:100vw;height:100vh;display:block}</style></head><body>${body}</body></html>`;

const pages: Record<Contender, (data: string, builtin: string | undefined) => string> = {
  floor: (data) =>
    page(`<canvas id="graph"></canvas><script>
      fetch('${data}').then((r) => r.json()).then((graph) => {
        const canvas = document.getElementById('graph');
        canvas.width = innerWidth; canvas.height = innerHeight;
        canvas.getContext('2d').fillRect(10, 10, 100, 40 + graph.nodes.length % 7);
        drawn(0);
      });</script>`),
  ours: (data, builtin) =>
    page(
      `<governance-graph ${builtin ? `model="${builtin}"` : `src="${data}"`} lang="en"></governance-graph>
      <script>
        const layout = () => performance.getEntriesByName('governance-layout').reduce((s, e) => s + e.duration, 0);
        document.addEventListener('graph-ready', () => drawn(layout()), { once: true });
      </script>`,
      '<script type="module" src="/governance-graph.js"></script>',
    ),
  naive: (data) =>
    page(
      `<div id="graph"></div><script>
      fetch('${data}').then((r) => r.json()).then((graph) => {
        const cy = cytoscape({ container: document.getElementById('graph'),
          elements: [...graph.nodes.map((n) => ({ data: { id: n.id, label: n.label.en } })), ...graph.edges.map((e) => ({ data: { id: e.id, source: e.source, target: e.target } }))],
          style: [{ selector: 'node', style: { label: 'data(label)' } }], layout: { name: 'grid' } });
        // dagre runs synchronously inside run()
        const start = performance.now();
        cy.layout({ name: 'dagre' }).run();
        drawn(performance.now() - start);
      });</script>`,
      '<script src="/cytoscape.js"></script><script src="/cytoscape-dagre.js"></script>',
    ),
  mermaid: (data) =>
    page(
      `<div id="graph"></div><script>
      mermaid.initialize({ startOnLoad: false, maxEdges: 1000000, maxTextSize: 100000000 });
      fetch('${data}').then((r) => r.json()).then(async (graph) => {
        const label = (text) => text.replace(/"/g, '#quot;');
        const text = ['flowchart TD', ...graph.nodes.map((n) => '  ' + n.id + '["' + label(n.label.en) + '"]'), ...graph.edges.map((e) => '  ' + e.source + ' --> ' + e.target)].join('\\n');
        const start = performance.now();
        const { svg } = await mermaid.render('g', text);
        document.getElementById('graph').innerHTML = svg;
        drawn(performance.now() - start);
      }).catch((error) => { window.__failed = String(error); });</script>`,
      '<script src="/mermaid.js"></script>',
    ),
};

/** Serves the pages, the scripts and the graphs; returns the base URL. */
async function serve(): Promise<{ base: string; close: () => void }> {
  const data = new Map(subjects.map((s, i) => [`/data/${i}.json`, JSON.stringify(s.graph)]));
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://x');
    const script = scripts[url.pathname];
    // scripts and data may be cached, as a static host lets them be; pages are not
    if (script) return response.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'max-age=3600' }).end(script);
    const json = data.get(url.pathname);
    if (json) return response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=3600' }).end(json);
    const contender = url.pathname.slice(1).replace('.html', '') as Contender;
    if (pages[contender]) {
      return response.writeHead(200, { 'content-type': 'text/html' }).end(pages[contender](`/data/${url.searchParams.get('subject')}.json`, url.searchParams.get('builtin') ?? undefined));
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}

interface Run {
  drawn: number;
  interactive: number;
  layout: number;
  longest: number;
  /** Frame times while the reader zooms and pans, when measured. */
  frames?: number[];
  /** Navigation → drawn when the page is opened again in the same browser, when measured. */
  again?: number;
}

/**
 * Zooms in with the wheel, drags the graph across, zooms out, as a reader exploring a large
 * network would, and returns the time between frames meanwhile.
 */
async function panAndZoom(tab: Page): Promise<number[]> {
  // a string, so that the bundler's helpers around named functions do not reach the page
  await tab.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const loop = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  await tab.mouse.move(640, 360);
  for (let i = 0; i < 8; i++) {
    await tab.mouse.wheel(0, -240);
    await tab.waitForTimeout(40);
  }
  await tab.mouse.down();
  for (let i = 1; i <= 20; i++) await tab.mouse.move(640 - i * 15, 360 - i * 8);
  await tab.mouse.up();
  for (let i = 0; i < 8; i++) {
    await tab.mouse.wheel(0, 240);
    await tab.waitForTimeout(40);
  }
  await tab.waitForTimeout(200);
  return tab.evaluate(() => {
    const w = window as any;
    w.__stopFrames = true;
    return (w.__frames as number[]).slice(1);
  });
}

/** How long after a graph is interactive its page is still watched for long tasks. */
const SETTLE_MS = 1500;

async function measure(browser: Browser, url: string, timeout: number, { explore = false, revisit = false } = {}): Promise<Run | undefined> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const tab = await context.newPage();
  try {
    await tab.goto(url);
    await tab.waitForFunction(() => (window as any).__interactive !== undefined || (window as any).__failed !== undefined, null, { timeout, polling: 50 });
    const failed = await tab.evaluate(() => (window as any).__failed);
    if (failed) {
      process.stderr.write(`  failed: ${failed}\n`);
      return undefined;
    }
    // Cytoscape keeps building its textures for a while after the first frame: those tasks count too
    await tab.waitForTimeout(SETTLE_MS);
    const run: Run = await tab.evaluate(() => ({ drawn: (window as any).__drawn, interactive: (window as any).__interactive, layout: (window as any).__layout, longest: (window as any).__longest }));
    if (explore) run.frames = await panAndZoom(tab);
    if (revisit) {
      // the same browser: scripts and data come from its cache, and what the page stored is there
      await tab.goto(url);
      await tab.waitForFunction(() => (window as any).__interactive !== undefined, null, { timeout, polling: 50 });
      run.again = await tab.evaluate(() => (window as any).__drawn);
    }
    return run;
  } catch (error) {
    process.stderr.write(`  failed: ${String(error).split('\n')[0]}\n`);
    return undefined;
  } finally {
    await context.close();
  }
}

/** Heap in MB after switching between two models 100 times, after a garbage collection. */
async function heapAfterSwitches(browser: Browser, base: string, contender: 'ours' | 'naive'): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const tab = await context.newPage();
  await tab.goto(`${base}/${contender}.html?subject=0&builtin=domestic`);
  await tab.waitForFunction(() => (window as any).__drawn !== undefined, null, { timeout: 60_000 });
  const foreign = JSON.stringify(BUILTIN_MODELS.foreign);
  const domestic = JSON.stringify(BUILTIN_MODELS.domestic);
  await tab.evaluate(
    async ({ contender, foreign, domestic }) => {
      const graphs = [JSON.parse(foreign), JSON.parse(domestic)];
      for (let i = 0; i < 100; i++) {
        if (contender === 'ours') {
          const el = document.querySelector('governance-graph') as any;
          const ready = new Promise((resolve) => el.addEventListener('graph-ready', resolve, { once: true }));
          el.model = i % 2 === 0 ? 'foreign' : 'domestic';
          await ready;
        } else {
          const w = window as any;
          w.__cy?.destroy();
          const graph = graphs[i % 2];
          const cy = (w.__cy = w.cytoscape({
            container: document.getElementById('graph'),
            elements: [...graph.nodes.map((n: any) => ({ data: { id: n.id, label: n.label.en } })), ...graph.edges.map((e: any) => ({ data: { id: e.id, source: e.source, target: e.target } }))],
            style: [{ selector: 'node', style: { label: 'data(label)' } }],
          }));
          await new Promise((resolve) => cy.layout({ name: 'dagre', stop: resolve }).run());
        }
      }
    },
    { contender, foreign, domestic },
  );
  const session = await context.newCDPSession(tab);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
  await context.close();
  return usedSize / 1024 / 1024;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
const ms = (n: number | undefined) => (n === undefined ? '–' : `${Math.round(n).toLocaleString('en')} ms`);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`);

await build({ mode: 'lib', logLevel: 'warn' });
scripts['/governance-graph.js'] = file('dist/governance-graph.js');
const gzipKb = (contender: Contender) => scriptsOf[contender].reduce((sum, path) => sum + gzipSync(scripts[path]).length, 0) / 1024;

// `--only=ours,floor` and `--subjects=3,4` narrow a run while tuning
const option = (name: string) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1]?.split(',');
const onlyContenders = option('only') as Contender[] | undefined;
const onlySubjects = option('subjects')?.map(Number);
const { base, close } = await serve();
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const rows: string[] = [];
const frameRows: string[] = [];
const againRows: string[] = [];
const started = Date.now();
try {
  for (const [index, subject] of subjects.entries()) {
    if (onlySubjects && !onlySubjects.includes(index)) continue;
    const results: Partial<Record<Contender, Run>> = {};
    const runsOf = (contender: Contender) => (onlyContenders && !onlyContenders.includes(contender) ? 0 : (subject.runs[contender] ?? 0));
    const measured = Object.fromEntries(CONTENDERS.map((contender) => [contender, [] as Run[]])) as Record<Contender, Run[]>;
    // round robin, so that the machine's drift during the run weighs on every contender alike
    for (let i = 0; i < Math.max(...CONTENDERS.map(runsOf)); i++) {
      for (const contender of CONTENDERS) {
        const runs = runsOf(contender);
        if (i >= runs) continue;
        const builtin = contender === 'ours' && index === 0 ? '&builtin=domestic' : '';
        const explore = Boolean(subject.explore) && i === runs - 1 && (contender === 'ours' || contender === 'naive');
        const run = await measure(browser, `${base}/${contender}.html?subject=${index}${builtin}`, 120_000, { explore, revisit: subject.revisit });
        if (run) measured[contender].push(run);
        if (run?.frames) {
          const frames = [...run.frames].sort((a, b) => a - b);
          const at = (q: number) => frames[Math.min(frames.length - 1, Math.floor(q * frames.length))];
          frameRows.push(`| ${subject.name} | ${contender} | ${frames.length} | ${ms(at(0.5))} | ${ms(at(0.95))} | ${ms(frames.at(-1))} |`);
        }
      }
    }
    for (const contender of CONTENDERS) {
      const runs = measured[contender];
      if (runs.length > 0) {
        results[contender] = {
          drawn: median(runs.map((r) => r.drawn)),
          interactive: median(runs.map((r) => r.interactive)),
          layout: median(runs.map((r) => r.layout)),
          longest: Math.max(...runs.map((r) => r.longest)),
          again: subject.revisit ? median(runs.map((r) => r.again ?? NaN)) : undefined,
        };
      }
      process.stderr.write(`${subject.name} · ${contender}: ${ms(results[contender]?.drawn)}\n`);
    }
    for (const contender of CONTENDERS) {
      const again = results[contender]?.again;
      if (again !== undefined) againRows.push(`| ${subject.name} | ${contender} | ${ms(again)} | ${ratio(again, results.floor?.again)} | ${ratio(again, results.naive?.again)} |`);
    }
    for (const contender of CONTENDERS) {
      const r = results[contender];
      rows.push(
        `| ${subject.name} | ${contender} | ${ms(r?.drawn)} | ${ratio(r?.drawn, results.floor?.drawn)} | ${ratio(r?.drawn, results.naive?.drawn)} | ${contender === 'floor' ? '–' : ms(r?.interactive)} | ${contender === 'floor' ? '–' : ratio(r?.interactive, results.naive?.interactive)} | ${ms(r?.layout)} | ${ms(r?.longest)} | ${gzipKb(contender).toFixed(0)} kB |`,
      );
    }
  }
  const partial = Boolean(onlyContenders || onlySubjects);
  const heapOurs = partial ? NaN : await heapAfterSwitches(browser, base, 'ours');
  const heapNaive = partial ? NaN : await heapAfterSwitches(browser, base, 'naive');
  const table = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (headless Chromium, 1280×720, median per cell; ${Math.round((Date.now() - started) / 1000)} s in all).`,
    '',
    `| graph | contender | navigation → drawn | vs floor | vs naive | → interactive | vs naive | layout | longest task (to ${SETTLE_MS / 1000} s after interactive) | JS (gzip) |`,
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    'Opened again in the same browser (scripts and data from its cache, and whatever the page stored):',
    '',
    '| graph | contender | navigation → drawn | vs floor | vs naive |',
    '| --- | --- | --- | --- | --- |',
    ...againRows,
    '',
    'Zooming in with the wheel (8 steps), dragging across the graph, and zooming out again (8 steps), after it is interactive:',
    '',
    '| graph | contender | frames | median frame | 95th percentile | longest frame |',
    '| --- | --- | --- | --- | --- | --- |',
    ...frameRows,
    '',
    `Heap after 100 switches between the two built-in models: ours ${heapOurs.toFixed(1)} MB, naive cytoscape + dagre ${heapNaive.toFixed(1)} MB (${ratio(heapOurs, heapNaive)}).`,
  ].join('\n');
  console.log(table);
  if (process.argv.includes('--write')) {
    const readme = readFileSync('README.md', 'utf8');
    writeFileSync('README.md', readme.replace(/<!-- bench -->[\s\S]*<!-- \/bench -->/, `<!-- bench -->\n${table}\n<!-- /bench -->`));
  }
} finally {
  await browser.close();
  close();
}
