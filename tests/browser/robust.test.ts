import fc from 'fast-check';
import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { cyOf, dataUrl, nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** Renders `<governance-graph src=…>` and resolves with the event that settles it: drawn or failed. */
async function outcome(src: string, timeout = 10_000): Promise<{ type: string; detail: any; el: GovernanceGraph }> {
  const host = document.createElement('div');
  host.style.cssText = 'width: 600px; height: 400px';
  document.body.append(host);
  const el = document.createElement('governance-graph');
  el.style.height = '100%';
  el.setAttribute('src', src);
  // the messages these tests read are shown in the element's language
  el.setAttribute('lang', 'en');
  const settled = new Promise<{ type: string; detail: any }>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`neither graph-ready nor graph-error for ${src.slice(0, 120)}`)), timeout);
    for (const type of ['graph-ready', 'graph-error']) {
      el.addEventListener(type, (event) => {
        clearTimeout(timer);
        resolve({ type, detail: (event as CustomEvent).detail });
      });
    }
  });
  host.append(el);
  return { ...(await settled), el };
}

const small = () => structuredClone(BUILTIN_MODELS.foreign) as any;

describe('every way a graph file can be wrong gives graph-error and a message that says where and how', () => {
  const cases: [string, () => string, RegExp][] = [
    ['an unreachable URL, with the HTTP status', () => '/no-such-graph.json', /HTTP 404|is HTML/],
    ['text that is not JSON, with the position', () => dataUrl('{ "id": "x", '), /not valid JSON at line 1, column \d+/],
    ['an HTML page instead of JSON', () => `data:text/html,${encodeURIComponent('<!doctype html><p>Sign in</p>')}`, /is HTML, not JSON/],
    ['JSON that is not a graph', () => dataUrl([1, 2, 3]), /found an array/],
    ['a schema violation', () => dataUrl({ ...small(), nodes: [{ id: 'a', sector: 'party' }] }), /\$\.nodes\[0\]\.label/],
    ['a dangling edge, with a suggestion', () => dataUrl({ ...small(), edges: [{ ...small().edges[0], target: 'resilience-ofice' }] }), /Did you mean "resilience-office"/],
    ['duplicate ids', () => dataUrl({ ...small(), nodes: [...small().nodes, small().nodes[0]] }), /Duplicate node id/],
    ['an unknown relation', () => dataUrl({ ...small(), edges: [{ ...small().edges[0], relation: 'commands' }] }), /Unknown relation "commands"/],
    ['an unknown sector', () => dataUrl({ ...small(), nodes: [{ ...small().nodes[0], sector: 'army' }, ...small().nodes.slice(1)] }), /Unknown sector "army"/],
    ['an empty graph', () => dataUrl({ ...small(), nodes: [], edges: [] }), /no actors/],
    [
      'a graph too large to draw, with the way around it',
      () => dataUrl({ ...small(), edges: [], nodes: Array.from({ length: 5001 }, (_, i) => ({ id: `n${i}`, label: { zh: '甲', en: 'A' }, sector: 'society' })) }),
      /more than the 5000 that can be drawn: split it into views/,
    ],
  ];
  for (const [name, src, message] of cases) {
    it(name, async () => {
      const { type, detail, el } = await outcome(src());
      expect(type).toBe('graph-error');
      expect(detail.message).toMatch(message);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).toMatch(message);
    });
  }
});

describe('markup in data is text, everywhere', () => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

  it('labels, descriptions, quotes, titles and links never become elements or run', async () => {
    const graph = small();
    graph.title = { zh: payload, en: payload };
    graph.source = { title: { zh: payload, en: payload }, author: { zh: payload, en: payload }, url: 'https://example.org/?q=<b>' };
    graph.nodes[0].label = { zh: payload, en: payload, short: { zh: payload, en: payload } };
    graph.nodes[0].description = { zh: payload, en: payload };
    graph.edges[0].evidence = [{ quote: payload, note: { zh: payload, en: payload } }];
    const { el, cy } = await renderGraph(html`<governance-graph src=${dataUrl(graph)} lang="en"></governance-graph>`);
    el.trace = graph.nodes[0].id;
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    await (panel as any).updateComplete;
    for (const details of panel.shadowRoot!.querySelectorAll('details')) details.open = true;
    const roots = [el.shadowRoot!, panel.shadowRoot!, el.shadowRoot!.querySelector('governance-legend')!.shadowRoot!];
    for (const root of roots) expect(root.querySelectorAll('img, script')).toHaveLength(0);
    expect(panel.shadowRoot!.textContent).toContain(payload);
    expect(cy.getElementById(graph.nodes[0].id).data('label')).toContain('<img');
    const svg = new DOMParser().parseFromString(await el.exportSvg(), 'image/svg+xml');
    expect(svg.querySelector('parsererror')).toBeNull();
    expect(svg.querySelectorAll('img, script')).toHaveLength(0);
    expect(svg.documentElement.textContent).toContain('<script>');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as any).__xss).toBeUndefined();
  });

  it('a javascript: link in the source is not made a link', async () => {
    const graph = small();
    graph.source = { title: { zh: '文', en: 'Text' }, url: 'javascript:alert(1)' };
    const { type, detail } = await outcome(dataUrl(graph));
    expect(type).toBe('graph-error');
    expect(detail.problems[0].path).toBe('$.source.url');
  });

  it('markup in an id is shown as text in the error message', async () => {
    const graph = small();
    graph.edges[0].target = payload;
    const { el } = await outcome(dataUrl(graph));
    await el.updateComplete;
    const error = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(error.querySelectorAll('img, script')).toHaveLength(0);
    expect(error.textContent).toContain('<img src=x');
  });
});

describe('random broken graphs (fast-check)', () => {
  it('always end in graph-ready or graph-error, never an uncaught exception', async () => {
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    const onRejection = (event: PromiseRejectionEvent) => errors.push(String(event.reason));
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.record({ field: fc.constantFrom('nodes', 'edges', 'views', 'title', 'label', 'short', 'relation', 'sector'), value: fc.anything() }),
          async ({ field, value }) => {
            const graph = small();
            if (field === 'label' || field === 'sector') graph.nodes[1][field] = value;
            else if (field === 'short') graph.nodes[1].label.short = value;
            else if (field === 'relation') graph.edges[1].relation = value;
            else graph[field] = value;
            const { type } = await outcome(dataUrl(graph));
            expect(['graph-ready', 'graph-error']).toContain(type);
            document.body.replaceChildren();
          },
        ),
        { numRuns: 40 },
      );
      expect(errors).toEqual([]);
    } finally {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    }
  });
});

describe('lifecycle', () => {
  it('creating and removing the element a hundred times leaves no listeners, observers or heap behind', async () => {
    const listeners = new Map<string, number>();
    const [add, remove] = [window.addEventListener, window.removeEventListener];
    // a null listener (Cytoscape's check for passive events) is no listener
    window.addEventListener = function (this: Window, type: string, ...rest: any[]) {
      if (rest[0]) listeners.set(type, (listeners.get(type) ?? 0) + 1);
      return (add as any).call(this, type, ...rest);
    } as typeof window.addEventListener;
    window.removeEventListener = function (this: Window, type: string, ...rest: any[]) {
      if (rest[0]) listeners.set(type, (listeners.get(type) ?? 0) - 1);
      return (remove as any).call(this, type, ...rest);
    } as typeof window.removeEventListener;
    let observing = 0;
    const [observe, disconnect] = [ResizeObserver.prototype.observe, ResizeObserver.prototype.disconnect];
    ResizeObserver.prototype.observe = function (this: ResizeObserver, ...args) {
      observing++;
      return observe.apply(this, args);
    };
    ResizeObserver.prototype.disconnect = function (this: ResizeObserver) {
      observing--;
      return disconnect.apply(this);
    };
    const heap = () => {
      (window as any).gc?.();
      return (performance as any).memory.usedJSHeapSize as number;
    };
    try {
      const cycle = async () => {
        const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview"></governance-graph>`);
        const cy = cyOf(el)!;
        el.parentElement!.remove();
        expect(cy.destroyed()).toBe(true);
      };
      for (let i = 0; i < 10; i++) await cycle();
      const before = heap();
      const counted = new Map(listeners);
      for (let i = 0; i < 100; i++) await cycle();
      const after = heap();
      for (const [type, count] of listeners) expect(count, `window "${type}" listeners`).toBe(counted.get(type) ?? 0);
      expect(observing).toBe(0);
      expect((after - before) / 1024 / 1024).toBeLessThan(3);
    } finally {
      window.addEventListener = add;
      window.removeEventListener = remove;
      ResizeObserver.prototype.observe = observe;
      ResizeObserver.prototype.disconnect = disconnect;
    }
  }, 60_000); // 110 full draws: slow on a loaded 2-core machine, and no measure of speed

  it('quick changes of model, language, trace and step end in the state last asked for', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview"></governance-graph>`);
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    for (let i = 0; i < 20; i++) {
      el.lang = i % 2 ? 'en' : 'zh';
      el.trace = i % 3 ? 'city-gov' : 'emergency-department';
      el.step = (i % 7) + 1;
      if (i % 5 === 0) await Promise.resolve();
    }
    el.model = 'foreign';
    el.view = undefined;
    el.step = undefined;
    el.model = 'domestic';
    el.view = 'overview';
    el.lang = 'en';
    el.trace = 'water-department';
    el.step = 4;
    await nextEvent(el, 'graph-ready');
    await el.updateComplete;
    window.removeEventListener('error', onError);
    expect(errors).toEqual([]);
    const live = cyOf(el) ?? cy;
    expect(live.getElementById('city-gov').data('label')).toBe('Municipal\nGovernment');
    expect(live.getElementById('water-department').hasClass('traced')).toBe(true);
    expect(el.shadowRoot!.querySelector('[part="caption"]')!.textContent).toContain('4 / 7');
  });
});

describe('a strict Content-Security-Policy', () => {
  it('the embed page draws under script-src and style-src self, with no inline style added', async () => {
    const frame = document.createElement('iframe');
    frame.style.cssText = 'width: 800px; height: 500px';
    frame.src = '/embed.html?model=foreign&lang=en';
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const doc = frame.contentDocument!;
    expect(doc.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toContain("script-src 'self'");
    const graph = doc.querySelector('governance-graph') as GovernanceGraph;
    await expect.poll(() => cyOf(graph)?.nodes().length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(doc.head.querySelectorAll('style')).toHaveLength(0);
    // inline style attributes are blocked there: the legend's lighter influence lines must not rely on one
    const legend = graph.shadowRoot!.querySelector('governance-legend')!;
    const colour = (key: string) => frame.contentWindow!.getComputedStyle(legend.shadowRoot!.querySelector(`button[data-key="${key}"] svg`)!).color;
    expect(colour('establishes')).toBe('rgb(51, 51, 51)');
    expect(colour('participates')).toBe('rgb(107, 107, 107)');
  });
});
