import { html } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/app/governance-app.js';
import '../../src/components/governance-compare.js';
import type { GovernanceCompare } from '../../src/components/governance-compare.js';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { SEARCH_DELAY } from '../../src/components/governance-search.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { LOAD_TIMEOUT, MAX_ACTORS } from '../../src/model/limits.js';
import type { Graph } from '../../src/model/types.js';
import { loadCytoscape } from '../../src/render/cytoscape-loader.js';
import { cyOf, dataUrl, nextEvent, renderGraph } from './helpers.js';

/** Uncaught errors and unhandled rejections of the page while a test runs: there must be none. */
let uncaught: string[] = [];
const onError = (event: ErrorEvent) => uncaught.push(event.message);
const onRejection = (event: PromiseRejectionEvent) => uncaught.push(String(event.reason));

beforeEach(() => {
  uncaught = [];
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
});

afterEach(() => {
  window.removeEventListener('error', onError);
  window.removeEventListener('unhandledrejection', onRejection);
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname + location.search);
  localStorage.clear();
});

/** Puts `<governance-graph>` with these attributes on the page; resolves with the event that settles it, drawn or failed. */
async function settle(attributes: Record<string, string>, timeout = 10_000): Promise<{ type: string; detail: any; el: GovernanceGraph }> {
  const el = document.createElement('governance-graph');
  el.style.cssText = 'display: block; width: 800px; height: 500px';
  // the messages these tests read are shown in the element's language
  for (const [name, value] of Object.entries({ lang: 'en', ...attributes })) el.setAttribute(name, value);
  const settled = Promise.race(['graph-ready', 'graph-error'].map((type) => nextEvent(el, type, timeout).then(({ detail }) => ({ type, detail }))));
  document.body.append(el);
  const outcome = await settled;
  await el.updateComplete;
  return { ...outcome, el };
}

const errorText = (el: Element) => el.shadowRoot!.querySelector('[part="error"]')?.textContent ?? '';
const foreign = () => structuredClone(BUILTIN_MODELS.foreign) as Graph;

/** A line of `count` departments, each leading the next. */
function line(count: number): Graph {
  return {
    id: 'line',
    title: { zh: '链', en: 'Line' },
    nodes: Array.from({ length: count }, (_, i) => ({ id: `a${i}`, label: { zh: `单位${i}`, en: `Unit ${i}` }, sector: 'department' as const })),
    edges: Array.from({ length: count - 1 }, (_, i) => ({ id: `r${i}`, source: `a${i}`, target: `a${i + 1}`, relation: 'leads' as const })),
  };
}

/** A page of the project in an iframe, resolved once the graph in it is drawn or has failed. */
async function page(src: string): Promise<{ frame: HTMLIFrameElement; graph: GovernanceGraph }> {
  const frame = document.createElement('iframe');
  frame.title = 'page';
  frame.style.cssText = 'width: 800px; height: 500px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const find = () => (doc.querySelector('governance-graph') ?? doc.querySelector('governance-app')?.shadowRoot?.querySelector('governance-graph')) as GovernanceGraph;
  await expect.poll(() => (cyOf(find())?.nodes().length ?? 0) > 0 || errorText(find()) !== '', { timeout: 15_000 }).toBe(true);
  return { frame, graph: find() };
}

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'];

describe('1. names every JavaScript object has', () => {
  for (const name of PROTOTYPE_NAMES) {
    it(`model="${name}" ends in graph-error and a message naming the built-in models`, async () => {
      const { type, detail, el } = await settle({ model: name });
      expect(type).toBe('graph-error');
      expect(detail.message).toContain(`There is no built-in model "${name}"`);
      expect(errorText(el)).toContain('Built-in models: domestic, foreign');
      expect(uncaught).toEqual([]);
    });
  }

  it('embed.html?model=constructor shows the message in the page', async () => {
    const { graph } = await page('/embed.html?model=constructor&lang=en');
    expect(errorText(graph)).toContain('There is no built-in model "constructor"');
  });

  it("the app's #model=__proto__ shows the message in the page", async () => {
    const { graph } = await page('/index.html#model=__proto__&lang=en');
    expect(errorText(graph)).toContain('There is no built-in model "__proto__"');
  });

  it('<governance-compare left="constructor"> shows a message on that side and draws the other', async () => {
    const host = document.createElement('div');
    host.style.height = '700px';
    document.body.append(host);
    host.innerHTML = '<governance-compare left="constructor" style="height: 100%"></governance-compare>';
    const compare = host.querySelector('governance-compare') as GovernanceCompare;
    await compare.updateComplete;
    const [left, right] = [...compare.shadowRoot!.querySelectorAll('governance-graph')];
    await Promise.all([nextEvent(left, 'graph-error'), nextEvent(right, 'graph-ready')]);
    await left.updateComplete;
    expect(errorText(left)).not.toBe('');
    expect(uncaught).toEqual([]);
  });

  it('a file whose actors are called constructor and toString ends in graph-error with the paths', async () => {
    const graph = foreign();
    const [a, b] = [graph.nodes[0].id, graph.nodes[1].id];
    graph.nodes[0].id = 'constructor';
    graph.nodes[1].id = 'toString';
    const renamed = (id: string) => (id === a ? 'constructor' : id === b ? 'toString' : id);
    graph.edges = graph.edges.map((edge) => ({ ...edge, source: renamed(edge.source), target: renamed(edge.target) }));
    graph.views = [];
    const { type, detail, el } = await settle({ src: dataUrl(graph) });
    expect(type).toBe('graph-error');
    expect(detail.problems.map((p: { path: string }) => p.path)).toEqual(['$.nodes[0].id', '$.nodes[1].id']);
    expect(errorText(el)).toContain('choose another, e.g. "constructor-1"');
    expect(uncaught).toEqual([]);
  });
});

describe('2. "did you mean" and long values', () => {
  it('an unknown trace of 1.5 MB leaves the graph drawn, and the notice repeats 80 characters of it', async () => {
    const { type, el } = await settle({ model: 'foreign', trace: 'x'.repeat(1_500_000) });
    expect(type).toBe('graph-ready');
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!.textContent!;
    expect(notice).toMatch(/has no actor "x{79}…" to trace\.$/);
  });
});

describe('3. layouts chosen by relations too', () => {
  it(`a ${MAX_ACTORS}-actor line is drawn in bands, without dagre`, async () => {
    const { type, detail } = await settle({ src: dataUrl(line(MAX_ACTORS)), layout: 'bands' }, 30_000);
    expect(type).toBe('graph-ready');
    expect(detail.nodes).toBe(MAX_ACTORS);
    expect(uncaught).toEqual([]);
  }, 60_000);
});

describe('4. moving the element while its file loads', () => {
  it('loads again where it lands, and reports no abort', async () => {
    const [first, second] = [document.createElement('div'), document.createElement('div')];
    document.body.append(first, second);
    const el = document.createElement('governance-graph');
    el.style.height = '400px';
    el.src = dataUrl(foreign());
    const errors: string[] = [];
    el.addEventListener('graph-error', (event) => errors.push(event.detail.message));
    const ready = nextEvent(el, 'graph-ready');
    first.append(el);
    await el.updateComplete;
    second.append(el);
    await ready;
    expect(errors).toEqual([]);
    expect(errorText(el)).toBe('');
    expect(cyOf(el)!.nodes()).toHaveLength(foreign().nodes.length);
  });
});

describe('5. a layout that fails', () => {
  it('ends in graph-error and a message, not an exception and a blank canvas', async () => {
    const cytoscape = await loadCytoscape();
    const dagre = cytoscape('layout', 'dagre');
    // dagre's recursion on a long chain failed like this before large graphs took the layered layout
    function Failing() {}
    Failing.prototype.run = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    Failing.prototype.stop = () => undefined;
    cytoscape('layout', 'dagre', Failing);
    try {
      const { type, detail, el } = await settle({ src: dataUrl({ ...foreign(), id: 'not-shipped' }) });
      expect(type).toBe('graph-error');
      expect(detail.problems[0].path).toBe('layout');
      expect(errorText(el)).toContain('could not be laid out (Maximum call stack size exceeded)');
      expect(uncaught).toEqual([]);
    } finally {
      cytoscape('layout', 'dagre', dagre);
    }
  });
});

describe('6. removing the hide attribute', () => {
  it('shows everything again, on the graph and on the compare view', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="foreign" hide="market"></governance-graph>`);
    el.removeAttribute('hide');
    await el.updateComplete;
    expect(cy.getElementById('market').visible()).toBe(true);
    const compare = document.createElement('governance-compare');
    compare.setAttribute('hide', 'market');
    document.body.append(compare);
    await compare.updateComplete;
    compare.removeAttribute('hide');
    await compare.updateComplete;
    expect(uncaught).toEqual([]);
  });
});

describe('7. control characters', () => {
  it('in a label end in graph-error naming the label and the character', async () => {
    const graph = foreign();
    graph.nodes[0].label.en = 'City\u0000government';
    const { type, el } = await settle({ src: dataUrl(graph) });
    expect(type).toBe('graph-error');
    expect(errorText(el)).toContain('$.nodes[0].label.en: The text contains the control character U+0000 at character 5');
  });
});

describe('8. a file that never comes', () => {
  it(`ends after ${LOAD_TIMEOUT / 1000} s in graph-error naming the URL`, async () => {
    const fetch = vi.spyOn(window, 'fetch').mockImplementation(
      (_, init) => new Promise((_resolve, reject) => init!.signal!.addEventListener('abort', () => reject(init!.signal!.reason))),
    );
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const el = document.createElement('governance-graph');
      el.src = '/never.json';
      el.lang = 'en';
      let failure: string | undefined;
      el.addEventListener('graph-error', (event) => (failure = event.detail.message));
      document.body.append(el);
      await el.updateComplete;
      await vi.advanceTimersByTimeAsync(LOAD_TIMEOUT);
      await el.updateComplete;
      expect(failure).toBe(`/never.json did not arrive within ${LOAD_TIMEOUT / 1000} s: check the address and the server, or try again on a better connection.`);
      expect(errorText(el)).toContain('did not arrive');
    } finally {
      vi.useRealTimers();
      fetch.mockRestore();
    }
  });
});

describe('9. markup through CSS into exports', () => {
  const payload = 'red"/><script>window.__xss=1</script><rect fill="';

  it('a --gg-text that is no colour is ignored, and the SVG export holds no markup', async () => {
    const { el } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    el.style.setProperty('--gg-text', payload);
    el.style.setProperty('--gg-background', 'url(javascript:alert(1))');
    const svg = await el.exportSvg();
    const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(parsed.querySelector('parsererror')).toBeNull();
    expect(parsed.querySelectorAll('script')).toHaveLength(0);
    expect(svg).not.toContain('javascript:');
  });

  it('exportSvg({ background }) takes only a colour', async () => {
    const { el } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    await expect(el.exportSvg({ background: payload })).rejects.toThrowError(/^The background "red"\/><script>.*" is not a CSS colour/);
    expect(await el.exportSvg({ background: 'rgb(10 20 30 / 50%)' })).toContain('fill="rgba(10, 20, 30, 0.5)"');
  });
});

describe('10. graphs from other sites', () => {
  const elsewhere = () => `http://${location.hostname === 'localhost' ? '127.0.0.1' : 'localhost'}:${location.port}`;

  it('the embed page lets it load only from its own origin, with no websockets', async () => {
    const { frame, graph } = await page(`/embed.html?src=${encodeURIComponent(`${elsewhere()}/graph-data/foreign.json`)}&lang=en`);
    const policy = frame.contentDocument!.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!;
    expect(policy).toContain("connect-src 'self';");
    expect(policy).not.toMatch(/ws:|http:|https:/);
    expect(errorText(graph)).toMatch(/Could not reach .*: .* the page's Content-Security-Policy allows it \(connect-src\)/);
  });

  it('a graph from another origin names that origin over the graph; one from the page does not', async () => {
    const { type, el } = await settle({ src: `${elsewhere()}/graph-data/foreign.json`, lang: 'en' });
    expect(type).toBe('graph-ready');
    expect(el.shadowRoot!.querySelector('[part="origin"]')!.textContent).toBe(`Data from ${elsewhere()}`);
    const own = await settle({ src: '/graph-data/foreign.json' });
    expect(own.el.shadowRoot!.querySelector('[part="origin"]')).toBeNull();
  });
});

describe('11. layouts poisoned in storage', () => {
  /** Rewrites every stored layout of the page's origin. */
  const poison = (change: (layout: { positions: Record<string, unknown> }) => void) => {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith('governance-graph/layout/'))) {
      const layout = JSON.parse(localStorage.getItem(key)!);
      change(layout);
      localStorage.setItem(key, JSON.stringify(layout));
    }
  };
  const src = '/embed.html?src=/graph-data/foreign.json&lang=en';

  it('a position that is null is ignored: the graph is laid out again and drawn', async () => {
    await page(src);
    poison((layout) => (layout.positions.nobody = null));
    const { graph } = await page(src);
    expect(cyOf(graph)!.nodes()).toHaveLength(foreign().nodes.length);
  });

  it('actors stored a billion units apart are laid out again, all on screen', async () => {
    await page(src);
    poison((layout) => {
      for (const [id, position] of Object.entries(layout.positions)) layout.positions[id] = (position as number[]).map((v, i) => v * 1e9 + i);
    });
    const { graph } = await page(src);
    const cy = cyOf(graph)!;
    await expect.poll(() => cy.nodes().filter((node) => node.renderedPosition().x >= 0 && node.renderedPosition().x <= cy.width()).length).toBe(cy.nodes().length);
  });
});

describe('12. right-to-left names', () => {
  it('are isolated in the panel’s chain sentences', async () => {
    const graph = line(3);
    graph.nodes[1].label = { zh: 'مجلس المدينة', en: 'مجلس المدينة' };
    const { el } = await renderGraph(html`<governance-graph src=${dataUrl(graph)} lang="en" trace="a2"></governance-graph>`);
    const panel = el.shadowRoot!.querySelector('[part="panel"]') as HTMLElement & { updateComplete: Promise<unknown> };
    await panel.updateComplete;
    const chain = panel.shadowRoot!.querySelector('.chain')!;
    expect([...chain.querySelectorAll('bdi')].map((name) => name.textContent)).toEqual(['Unit 2', 'مجلس المدينة', 'Unit 0']);
  });
});

describe('13. smaller findings', () => {
  it("the app's Export buttons say why nothing is exported when the graph could not be drawn", async () => {
    history.replaceState(null, '', '#model=constructor&lang=en');
    const app = document.createElement('governance-app');
    document.body.append(app);
    await app.updateComplete;
    await app.shadowRoot!.querySelector('governance-graph')!.updateComplete;
    // Export SVG is in the File menu
    await userEvent.click(app.shadowRoot!.querySelector<HTMLElement>('.menu summary')!);
    const button = [...app.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Export SVG'))!;
    await userEvent.click(button);
    await expect.poll(() => app.shadowRoot!.querySelector('[role="status"]')!.textContent).toContain('Nothing to export: the graph is not drawn yet, or could not be drawn.');
    expect(uncaught).toEqual([]);
  });

  it('the search box searches once typing pauses, not at every key', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" lang="en"></governance-graph>`);
    const search = el.shadowRoot!.querySelector('[part="search"]') as HTMLElement & { updateComplete: Promise<unknown> };
    const input = search.shadowRoot!.querySelector('input')!;
    const options = () => search.shadowRoot!.querySelectorAll('[role="option"]');
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      for (const text of ['w', 'wa', 'wat', 'wate', 'water']) {
        input.value = text;
        input.dispatchEvent(new InputEvent('input'));
        await search.updateComplete;
        expect(options()).toHaveLength(0);
        vi.advanceTimersByTime(SEARCH_DELAY - 1);
      }
      vi.advanceTimersByTime(1);
      await search.updateComplete;
      expect(options()[0].textContent).toContain('Water Affairs Bureau');
    } finally {
      vi.useRealTimers();
    }
  });

  it('step="1.5", "NaN" and "-1" then next() move by one step within the view', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" step="1.5"></governance-graph>`);
    const caption = () => el.shadowRoot!.querySelector('.step-number')?.textContent;
    el.next();
    await el.updateComplete;
    expect(el.step).toBe(2);
    expect(caption()).toBe('2 / 7');
    el.setAttribute('step', 'NaN');
    el.next();
    await el.updateComplete;
    expect(caption()).toBe('1 / 7');
    el.setAttribute('step', '-1');
    await el.updateComplete;
    expect(caption()).toBe('1 / 7');
    el.next();
    await el.updateComplete;
    expect(caption()).toBe('2 / 7');
  });
});
