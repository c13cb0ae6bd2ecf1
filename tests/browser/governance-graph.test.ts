import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { cyOf, dataUrl, nextEvent, paintedPixels, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

const domestic = BUILTIN_MODELS.domestic;

describe('<governance-graph>', () => {
  it('draws every actor and relation of the built-in model, and paints the canvas', async () => {
    const { el, cy, detail } = await renderGraph(html`<governance-graph model="domestic"></governance-graph>`);
    expect(detail).toEqual({ id: 'domestic', nodes: domestic.nodes.length, edges: domestic.edges.length });
    expect(cy.nodes()).toHaveLength(domestic.nodes.length);
    expect(paintedPixels(el)).toBeGreaterThan(5000);
  });

  it('fits the graph inside the canvas on load', async () => {
    const { cy } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
    const box = cy.elements().renderedBoundingBox();
    expect(box.x1).toBeGreaterThanOrEqual(0);
    expect(box.y1).toBeGreaterThanOrEqual(0);
    expect(box.x2).toBeLessThanOrEqual(cy.width() + 1);
    expect(box.y2).toBeLessThanOrEqual(cy.height() + 1);
    expect(Math.max(box.w / cy.width(), box.h / cy.height())).toBeGreaterThan(0.75);
  });

  it('shows only the actors of a view', async () => {
    const { cy } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
    const view = domestic.views!.find((v) => v.id === 'city')!;
    expect(cy.nodes().map((n) => n.id()).sort()).toEqual([...view.actors].sort());
  });

  it('switches labels between Chinese, English and both without moving actors', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
    expect(cy.getElementById('city-gov').data('label')).toBe('市政府');
    const redrawn = nextEvent(el, 'graph-ready');
    el.lang = 'en';
    await redrawn;
    expect(cy.getElementById('city-gov').data('label')).toBe('Municipal\nGovernment');
    const again = nextEvent(el, 'graph-ready');
    el.lang = 'both';
    await again;
    expect(cy.getElementById('city-gov').data('label')).toBe('市政府\nMunicipal\nGovernment');
    expect(el.shadowRoot!.querySelector('governance-legend')!.shadowRoot!.textContent).toContain('领导 · leads');
  });

  it('clicking an actor fires actor-select and opens its panel with both names and a source quote', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city" lang="en"></governance-graph>`);
    const node = cy.getElementById('emergency-department');
    const { x, y } = node.renderedPosition();
    const selected = nextEvent<{ id: string }>(el, 'actor-select');
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    expect((await selected).detail).toEqual({ id: 'emergency-department' });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const text = panel.shadowRoot!.textContent!;
    expect(text).toContain('Emergency Management Bureau');
    expect(text).toContain('应急管理部门');
    expect(text).toContain('coordinates');
    expect(text).toContain('应急部门综合协调');
    expect(text).toContain('China Development Research Foundation');
    expect(node.hasClass('traced')).toBe(true);
  });

  it('Escape clears the selection and closes the panel', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
    const { x, y } = cy.getElementById('city-gov').renderedPosition();
    const canvas = el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!;
    await userEvent.click(canvas, { position: { x, y } });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="panel"]')).not.toBeNull();
    await userEvent.keyboard('{Escape}');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="panel"]')).toBeNull();
    expect(cy.$('.traced')).toHaveLength(0);
  });

  it('a graph that starts in a hidden container is fitted and drawn when shown', async () => {
    const host = document.createElement('div');
    host.style.cssText = 'display: none; width: 900px; height: 500px;';
    host.innerHTML = '<governance-graph model="foreign" style="height: 100%"></governance-graph>';
    document.body.append(host);
    const el = host.querySelector('governance-graph')!;
    let ready = false;
    el.addEventListener('graph-ready', () => (ready = true));
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(ready).toBe(false);
    const drawn = nextEvent(el, 'graph-ready');
    host.style.display = 'block';
    await drawn;
    const cy = cyOf(el)!;
    const box = cy.elements().renderedBoundingBox();
    expect(box.x1).toBeGreaterThanOrEqual(0);
    expect(box.x2).toBeLessThanOrEqual(cy.width() + 1);
    expect(box.y2).toBeLessThanOrEqual(cy.height() + 1);
    expect(paintedPixels(el)).toBeGreaterThan(2000);
  });

  it('refits when the element is resized', async () => {
    const { el, cy, host } = await renderGraph(html`<governance-graph model="foreign" style="height: 100%"></governance-graph>`, { width: 1000, height: 600 });
    const zoom = cy.zoom();
    host.style.width = '500px';
    host.style.height = '300px';
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(cy.zoom()).toBeLessThan(zoom);
    expect(cy.elements().renderedBoundingBox().x2).toBeLessThanOrEqual(cy.width() + 1);
    expect(el.isConnected).toBe(true);
  });

  it('two graphs on one page work independently', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    host.innerHTML = `<governance-graph id="a" model="domestic" view="city" lang="en" style="height: 400px"></governance-graph>
      <governance-graph id="b" model="foreign" style="height: 400px"></governance-graph>`;
    const [a, b] = [host.querySelector<any>('#a'), host.querySelector<any>('#b')];
    await Promise.all([nextEvent(a, 'graph-ready'), nextEvent(b, 'graph-ready')]);
    const [cyA, cyB] = [cyOf(a)!, cyOf(b)!];
    expect(cyA).not.toBe(cyB);
    expect(cyA.getElementById('city-gov').data('label')).toBe('Municipal\nGovernment');
    expect(cyB.getElementById('resilience-office').data('label')).toBe('韧性办公室');
    const { x, y } = cyA.getElementById('city-gov').renderedPosition();
    await userEvent.click(a.shadowRoot.querySelector('[part="canvas"]'), { position: { x, y } });
    expect(cyA.$('.traced').map((n) => n.id())).toEqual(['city-gov']);
    expect(cyB.$('.traced')).toHaveLength(0);
  });

  it('removing the element destroys its Cytoscape instance, and putting it back draws it again', async () => {
    const { el, cy, host } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    el.remove();
    expect(cy.destroyed()).toBe(true);
    const drawn = nextEvent(el, 'graph-ready');
    host.append(el);
    await drawn;
    expect(cyOf(el)).not.toBe(cy);
    expect(cyOf(el)!.nodes()).toHaveLength(BUILTIN_MODELS.foreign.nodes.length);
  });

  it('the legend lists only the sectors on screen and hides one when clicked', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="foreign" lang="en"></governance-graph>`);
    const legend = el.shadowRoot!.querySelector('governance-legend')!;
    const keys = [...legend.shadowRoot!.querySelectorAll('button')].map((b) => b.dataset.key);
    expect(keys).toContain('market');
    expect(keys).not.toContain('party');
    const changed = nextEvent<{ hidden: string[] }>(el, 'filter-change');
    await userEvent.click(legend.shadowRoot!.querySelector<HTMLElement>('button[data-key="market"]')!);
    expect((await changed).detail.hidden).toEqual(['market']);
    expect(cy.getElementById('market').visible()).toBe(false);
    expect(legend.shadowRoot!.querySelector('button[data-key="market"]')!.getAttribute('aria-pressed')).toBe('false');
  });

  it("the legend draws each relation in the colour its lines have on the canvas, in every theme", async () => {
    for (const theme of ['light', 'dark', 'projector']) {
      const { el, cy } = await renderGraph(html`<governance-graph model="domestic" theme=${theme}></governance-graph>`);
      const legend = el.shadowRoot!.querySelector('governance-legend')!;
      for (const relation of ['leads', 'guides', 'participates']) {
        const swatch = legend.shadowRoot!.querySelector(`button[data-key="${relation}"] svg`)!;
        const line = cy.edges(`[relation = "${relation}"]`).first().style('line-color');
        expect(getComputedStyle(swatch).color.replace(/\s/g, ''), `${theme} ${relation}`).toBe(line.replace(/\s/g, ''));
      }
      document.body.replaceChildren();
    }
  });
});

describe('<governance-graph> for slides', () => {
  it('static mode draws the graph but ignores clicks, pan and zoom', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city" static></governance-graph>`);
    let selected = false;
    el.addEventListener('actor-select', () => (selected = true));
    const { x, y } = cy.getElementById('city-gov').renderedPosition();
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    await el.updateComplete;
    expect(selected).toBe(false);
    expect(el.shadowRoot!.querySelector('[part="panel"]')).toBeNull();
    expect(cy.userZoomingEnabled()).toBe(false);
    expect(cy.userPanningEnabled()).toBe(false);
  });

  it('the dark theme changes the background and draws lines light on dark', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="foreign" theme="dark"></governance-graph>`);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(22, 24, 29)');
    const [r, g, b] = cy.getElementById('city-government--establishes--resilience-office').style('line-color').match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeGreaterThan(600);
    const redrawn = nextEvent(el, 'graph-ready');
    el.theme = 'light';
    await redrawn;
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
  });

  it('the projector theme draws larger labels and thicker lines', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    const edge = cy.getElementById('city-government--establishes--resilience-office');
    const [font, width, nodeWidth] = [parseFloat(cy.getElementById('market').style('font-size')), parseFloat(edge.style('width')), cy.getElementById('market').width()];
    const redrawn = nextEvent(el, 'graph-ready');
    el.theme = 'projector';
    await redrawn;
    expect(parseFloat(cy.getElementById('market').style('font-size'))).toBeGreaterThan(font);
    expect(parseFloat(edge.style('width'))).toBeGreaterThan(width);
    expect(cy.getElementById('market').width()).toBeGreaterThan(nodeWidth);
  });
});

describe('<governance-graph> with bad input', () => {
  it('an unknown model gives graph-error and a visible message with a suggestion', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const error = nextEvent<{ message: string; problems: unknown[] }>(host, 'graph-error');
    host.innerHTML = '<governance-graph model="domestc" lang="en"></governance-graph>';
    expect((await error).detail.message).toContain('Did you mean "domestic"?');
    const el = host.querySelector('governance-graph')!;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).toContain('Did you mean "domestic"?');
  });

  it('a graph file with mistakes lists each problem with its path', async () => {
    const graph = structuredClone(BUILTIN_MODELS.foreign) as any;
    graph.edges[0].target = 'resilience-ofice';
    graph.nodes[1].sector = 'goverment';
    const host = document.createElement('div');
    document.body.append(host);
    const error = nextEvent<{ message: string; problems: { path: string }[] }>(host, 'graph-error');
    host.innerHTML = `<governance-graph src="${dataUrl(graph)}" lang="en"></governance-graph>`;
    const { detail } = await error;
    expect(detail.problems.map((p) => p.path)).toEqual(['$.nodes[1].sector', '$.edges[0].target']);
    const el = host.querySelector('governance-graph')!;
    await el.updateComplete;
    const text = el.shadowRoot!.querySelector('[part="error"]')!.textContent!;
    expect(text).toContain('$.edges[0].target');
    expect(text).toContain('Did you mean "resilience-office"?');
  });

  it('markup in labels is shown as text, never run', async () => {
    const graph = structuredClone(BUILTIN_MODELS.foreign) as any;
    graph.nodes[0].label.en = '<img src=x onerror="window.__pwned=1">City';
    const { el, cy } = await renderGraph(html`<governance-graph lang="en" src=${dataUrl(graph)}></governance-graph>`);
    const id = graph.nodes[0].id;
    const { x, y } = cy.getElementById(id).renderedPosition();
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    await (panel as any).updateComplete;
    expect(panel.shadowRoot!.querySelector('img')).toBeNull();
    expect(panel.shadowRoot!.textContent).toContain('<img src=x onerror="window.__pwned=1">City');
    expect((window as any).__pwned).toBeUndefined();
  });
});
