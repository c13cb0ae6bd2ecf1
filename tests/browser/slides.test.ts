import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

const overview = BUILTIN_MODELS.domestic.views!.find((v) => v.id === 'overview')!;
const steps = overview.steps!;
const shownAt = (n: number) => new Set(steps.slice(0, n).flatMap((s) => s.actors));

describe('presentation steps', () => {
  it('step 1 shows only the actors of the first step, with its caption', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" step="1" lang="en"></governance-graph>`);
    const visible = cy.nodes(':visible').map((n) => n.id()).sort();
    expect(visible).toEqual([...shownAt(1)].sort());
    expect(el.shadowRoot!.querySelector('[part="caption"]')!.textContent).toContain(steps[0].caption.en);
  });

  it('next() and prev() build the chain up and take it back exactly, without moving anyone', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" step="1"></governance-graph>`);
    const positions = () => cy.nodes().map((n) => `${n.id()}:${Math.round(n.position('x'))},${Math.round(n.position('y'))}`);
    const before = positions();
    for (let n = 2; n <= steps.length; n++) {
      const changed = nextEvent<{ step: number; total: number }>(el, 'step-change');
      el.next();
      expect((await changed).detail).toEqual({ step: n, total: steps.length });
      expect(cy.nodes(':visible').length).toBe(shownAt(n).size);
    }
    el.next();
    await el.updateComplete;
    expect(el.step).toBe(steps.length);
    el.prev();
    el.prev();
    await el.updateComplete;
    expect(cy.nodes(':visible').map((n) => n.id()).sort()).toEqual([...shownAt(steps.length - 2)].sort());
    expect(positions()).toEqual(before);
  });

  it('frames each step: its actors fill the view, which zooms out as actors join and back in exactly', async () => {
    await commands.emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" step="1"></governance-graph>`);
      const fill = () => {
        const box = cy.nodes(':visible').renderedBoundingBox();
        return Math.max(box.w / cy.width(), box.h / cy.height());
      };
      const first = { zoom: cy.zoom(), pan: { ...cy.pan() } };
      expect(fill()).toBeGreaterThan(0.5);
      const zooms = [cy.zoom()];
      for (let n = 2; n <= steps.length; n++) {
        el.next();
        await el.updateComplete;
        zooms.push(cy.zoom());
        expect(fill(), `step ${n}`).toBeGreaterThan(0.5);
      }
      expect(zooms.at(-1)).toBeLessThan(zooms[0]);
      // steadily: never in again as actors join
      zooms.slice(1).forEach((zoom, i) => expect(zoom, `step ${i + 2}`).toBeLessThanOrEqual(zooms[i] + 1e-9));
      for (let n = steps.length; n > 1; n--) el.prev();
      await el.updateComplete;
      expect(cy.zoom()).toBeCloseTo(first.zoom);
      expect(cy.pan().x).toBeCloseTo(first.pan.x);
    } finally {
      await commands.emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('arrow keys step through when the graph has focus, and only then', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" step="2"></governance-graph>`);
    await userEvent.keyboard('{ArrowRight}');
    expect(el.step).toBe(2);
    el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(el.step).toBe(3);
    await userEvent.keyboard('{ArrowLeft}');
    expect(el.step).toBe(2);
  });
});

describe('export', () => {
  it('exportSvg gives a vector SVG with the labels as escaped text, the legend, title and source', async () => {
    const graph = structuredClone(BUILTIN_MODELS.foreign) as any;
    graph.nodes.find((n: any) => n.id === 'market').label.short = { en: 'Market <b>&</b> "firms"' };
    const src = `data:application/json,${encodeURIComponent(JSON.stringify(graph))}`;
    const { el, cy } = await renderGraph(html`<governance-graph src=${src} lang="en"></governance-graph>`);
    const svg = await el.exportSvg();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.querySelectorAll('g.actor')).toHaveLength(cy.nodes().length);
    expect(doc.querySelectorAll('g.relation')).toHaveLength(cy.edges().length);
    const texts = [...doc.querySelectorAll('text')].map((t) => (t.children.length ? [...t.children].map((line) => line.textContent).join(' ') : t.textContent));
    expect(texts).toContain('Market <b>&</b> "firms"');
    expect(doc.querySelector('b')).toBeNull();
    expect(texts).toContain('The foreign model of resilient-city construction');
    expect(texts.some((t) => t!.includes('China Development Research Foundation'))).toBe(true);
    expect(doc.querySelector('g.legend')!.textContent).toContain('establishes');
  });

  it('exportSvg draws a relation routed around actors through the same bends as the screen, corners rounded', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="zh" theme="projector" static style="height: 100%"></governance-graph>`, { width: 1280, height: 720 });
    const routed = cy.edges().filter((edge) => (edge.segmentPoints() ?? []).length > 0);
    expect(routed.length).toBeGreaterThan(0);
    const doc = new DOMParser().parseFromString(await el.exportSvg(), 'image/svg+xml');
    for (const edge of routed) {
      const d = doc.querySelector(`g.relation[data-id="${edge.id()}"] path`)!.getAttribute('d')!;
      // each rounded corner is a quadratic piece whose control point is the bend
      const corners = [...d.matchAll(/Q(-?[\d.]+),(-?[\d.]+)/g)].map(([, x, y]) => ({ x: Number(x), y: Number(y) }));
      const bends = edge.segmentPoints();
      expect(corners).toHaveLength(bends.length);
      corners.forEach((corner, i) => {
        expect(corner.x).toBeCloseTo(bends[i].x, 1);
        expect(corner.y).toBeCloseTo(bends[i].y, 1);
      });
    }
  });

  it('exportSvg leaves out what is hidden and keeps Chinese text', async () => {
    const { el } = await renderGraph(html`<governance-graph model="foreign" hide="market"></governance-graph>`);
    const svg = await el.exportSvg({ title: false, source: false });
    expect(svg).toContain('韧性办公室');
    expect(svg).not.toContain('data-id="market"');
    expect(svg).not.toContain('>市场<');
  });

  it('exportPng is at least 1920 px wide, and crisper at 2×', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="city" lang="en"></governance-graph>`);
    const size = async (blob: Blob) => {
      const bitmap = await createImageBitmap(blob);
      return { width: bitmap.width, height: bitmap.height };
    };
    const png = await el.exportPng();
    expect(png.type).toBe('image/png');
    const one = await size(png);
    expect(one.width).toBeGreaterThanOrEqual(1920);
    const two = await size(await el.exportPng({ scale: 2 }));
    expect(two.width).toBe(one.width * 2);
  });

  it('exports fill a 16:9 slide by default, the graph centred, or fit tightly round the graph on request', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en"></governance-graph>`);
    const sizeOf = (svg: string) => {
      const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
      return { width: Number(root.getAttribute('width')), height: Number(root.getAttribute('height')) };
    };
    const slide = sizeOf(await el.exportSvg());
    expect(slide.width / slide.height).toBeCloseTo(16 / 9, 2);
    const tight = sizeOf(await el.exportSvg({ fit: 'tight' }));
    expect(Math.abs(tight.width / tight.height - 16 / 9)).toBeGreaterThan(0.05);
    expect(tight.width * tight.height).toBeLessThan(slide.width * slide.height);
    const png = await createImageBitmap(await el.exportPng());
    expect(png.width / png.height).toBeCloseTo(16 / 9, 2);
  });

  it('exports labels any SVG reader draws where the screen does: each line on a baseline of its own, centred in its actor; the legend nearly as large, in even columns; the graph centred on the slide', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="zh" theme="projector"></governance-graph>`);
    const svg = await el.exportSvg();
    // librsvg and PowerPoint's importer ignore dominant-baseline: a label relying on it is drawn shifted up
    expect(svg).not.toContain('dominant-baseline');
    const host = document.createElement('div');
    host.innerHTML = svg;
    document.body.append(host);
    const root = host.querySelector('svg')!;
    const actors = [...root.querySelectorAll<SVGGElement>('g.actor')];
    expect(actors.length).toBe(overview.actors.length);
    let labelSize = 0;
    for (const actor of actors) {
      const [shape, text] = [actor.querySelector('path')!.getBBox(), actor.querySelector('text')!];
      const lines = [...text.querySelectorAll('tspan')];
      for (const line of lines) expect(line.getAttribute('y'), actor.dataset.id).toMatch(/^-?\d/);
      const box = text.getBBox();
      // in the slide's units: the graph is drawn scaled to fit
      labelSize = Number(text.getAttribute('font-size')) * text.getCTM()!.a;
      // the ink's middle at the box's middle, within a tenth of the type
      const matrix = actor.querySelector('path')!.transform.baseVal.consolidate()!.matrix;
      expect(Math.abs(box.y + box.height / 2 - (matrix.f + shape.y + shape.height / 2)), actor.dataset.id).toBeLessThan(Number(text.getAttribute('font-size')) * 0.15);
    }
    const legend = [...root.querySelectorAll<SVGTextElement>('g.legend > text')];
    expect(legend.length).toBeGreaterThan(5);
    for (const entry of legend) expect(Number(entry.getAttribute('font-size')) * entry.getCTM()!.a).toBeGreaterThanOrEqual(labelSize * 0.8);
    const columns = [...new Set(legend.map((entry) => Number(entry.getAttribute('x'))))].sort((a, b) => a - b);
    const gaps = columns.slice(1).map((x, i) => x - columns[i]);
    expect(gaps.length).toBeGreaterThan(0);
    for (const gap of gaps) expect(gap).toBeCloseTo(gaps[0], 1);
    // the graph in the middle of the slide's width
    const slide = root.getBoundingClientRect();
    const graph = actors.map((actor) => actor.getBoundingClientRect()).reduce((a, b) => ({ x1: Math.min(a.x1, b.left), x2: Math.max(a.x2, b.right) }), { x1: Infinity, x2: -Infinity });
    expect(Math.abs((graph.x1 + graph.x2) / 2 - (slide.left + slide.right) / 2)).toBeLessThan(slide.width * 0.05);
  });

  it('exportPng can be transparent', async () => {
    const { el } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    const bitmap = await createImageBitmap(await el.exportPng({ background: 'transparent' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    expect(context.getImageData(2, 2, 1, 1).data[3]).toBe(0);
    const opaque = await createImageBitmap(await el.exportPng());
    context.clearRect(0, 0, bitmap.width, bitmap.height);
    context.drawImage(opaque, 0, 0);
    expect(context.getImageData(2, 2, 1, 1).data[3]).toBe(255);
  });
});

describe('the legend during a presentation', () => {
  it('lists only the sectors shown so far', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" step="2"></governance-graph>`);
    const keys = () => [...el.shadowRoot!.querySelector('governance-legend')!.shadowRoot!.querySelectorAll('button')].map((b) => b.dataset.key);
    expect(keys()).toEqual(expect.arrayContaining(['party', 'government', 'leads']));
    expect(keys()).not.toContain('market');
    el.step = 7;
    await el.updateComplete;
    await el.shadowRoot!.querySelector('governance-legend')!.updateComplete;
    expect(keys()).toContain('market');
  });
});
