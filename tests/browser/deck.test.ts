import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { cyOf, nextEvent, paintedPixels, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** Loads a page of the project in an iframe of the given size and returns its window. */
async function openFrame(src: string, width: number, height: number): Promise<Window & Record<string, any>> {
  const frame = document.createElement('iframe');
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as Window & Record<string, any>;
}

/** Opens the example deck in an iframe and waits for reveal.js to be ready. */
async function openDeck(width: number, height: number, query = ''): Promise<Window & Record<string, any>> {
  const win = await openFrame(`/deck/index.html${query}`, width, height);
  await expect.poll(() => win.Reveal?.isReady?.(), { timeout: 10_000 }).toBe(true);
  return win;
}

/** Every `<governance-graph>` of a slide, including those inside a `<governance-compare>`. */
function graphsOf(slide: Element): GovernanceGraph[] {
  const direct = [...slide.querySelectorAll<GovernanceGraph>('governance-graph')];
  const nested = [...slide.querySelectorAll('governance-compare')].flatMap((compare) => [...compare.shadowRoot!.querySelectorAll<GovernanceGraph>('governance-graph')]);
  return [...direct, ...nested];
}

/** Whether a graph is drawn and fitted inside its canvas. */
function drawnAndFitted(graph: GovernanceGraph): boolean {
  const cy = cyOf(graph);
  if (!cy || cy.nodes().empty() || cy.width() < 50 || paintedPixels(graph) < 1000) return false;
  const box = cy.nodes(':visible').renderedBoundingBox();
  return box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1;
}

describe('the example deck (public/deck)', () => {
  it('draws every graph slide when it comes up, in a scaled deck', async () => {
    const win = await openDeck(960, 540);
    const slides: Element[] = win.Reveal.getSlides();
    const graphSlides = slides.filter((slide) => slide.hasAttribute('data-graph-slide'));
    expect(graphSlides.length).toBeGreaterThanOrEqual(4);
    for (const slide of graphSlides) {
      win.Reveal.slide(slides.indexOf(slide));
      await expect.poll(() => graphsOf(slide).length > 0 && graphsOf(slide).every(drawnAndFitted), { timeout: 10_000 }).toBe(true);
    }
  });

  it('fragments build the chain step by step, and going back undoes a step', async () => {
    const win = await openDeck(960, 540);
    win.Reveal.slide(1);
    const graph = win.Reveal.getCurrentSlide().querySelector('governance-graph') as GovernanceGraph;
    await expect.poll(() => drawnAndFitted(graph), { timeout: 10_000 }).toBe(true);
    expect(graph.step).toBe(1);
    win.Reveal.nextFragment();
    win.Reveal.nextFragment();
    await expect.poll(() => graph.step).toBe(3);
    win.Reveal.prevFragment();
    await expect.poll(() => graph.step).toBe(2);
    expect(graph.step).toBe(2);
    // Cytoscape restyles on its next frame
    await expect.poll(() => cyOf(graph)!.nodes(':visible').length).toBe(3);
  });

  it('on the slide of a traced chain, the panel covers no actor: 市委, the top of the chain, stays in sight', async () => {
    const win = await openDeck(1280, 720);
    const slides: Element[] = win.Reveal.getSlides();
    const slide = slides.find((candidate) => candidate.querySelector('governance-graph[trace]'))!;
    win.Reveal.slide(slides.indexOf(slide));
    const graph = slide.querySelector('governance-graph') as GovernanceGraph;
    await expect.poll(() => drawnAndFitted(graph), { timeout: 10_000 }).toBe(true);
    const panel = graph.shadowRoot!.querySelector<HTMLElement>('[part="panel"]');
    expect(panel).not.toBeNull();
    const canvas = graph.shadowRoot!.querySelector('[part="canvas"]')!.getBoundingClientRect();
    const cover = panel!.getBoundingClientRect();
    // over the canvas, not beside it: the graph must make room
    expect(cover.left).toBeLessThan(canvas.right - 100);
    // the panel's box on the canvas, in the canvas's own pixels (the deck scales its slides)
    const scale = canvas.width / cyOf(graph)!.width();
    const covered = () =>
      cyOf(graph)!
        .nodes(':visible')
        .filter((node) => {
          const box = node.renderedBoundingBox();
          const [x1, x2, y1, y2] = [canvas.left + box.x1 * scale, canvas.left + box.x2 * scale, canvas.top + box.y1 * scale, canvas.top + box.y2 * scale];
          return x1 < cover.right && x2 > cover.left && y1 < cover.bottom && y2 > cover.top;
        })
        .map((node) => node.id());
    await expect.poll(covered, { timeout: 5_000 }).toEqual([]);
    expect(cyOf(graph)!.getElementById('city-party').visible()).toBe(true);
  });

  it('a click on a scaled slide hits the actor under the pointer', async () => {
    const win = await openDeck(800, 450);
    win.Reveal.slide(4);
    const graph = win.Reveal.getCurrentSlide().querySelector('governance-graph') as GovernanceGraph;
    await expect.poll(() => drawnAndFitted(graph), { timeout: 10_000 }).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const cy = cyOf(graph)!;
    const canvas = graph.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!;
    const rect = canvas.getBoundingClientRect();
    const scale = rect.width / canvas.clientWidth;
    expect(scale).toBeLessThan(0.8);
    // the leftmost actor, clear of the trace panel on the right
    const actor = cy.nodes().sort((a, b) => a.renderedPosition().x - b.renderedPosition().x)[0];
    const target = actor.renderedPosition();
    const point = { clientX: rect.left + target.x * scale, clientY: rect.top + target.y * scale, bubbles: true, composed: true, button: 0 };
    const selected = nextEvent<{ id: string }>(graph, 'actor-select');
    const layer = graph.shadowRoot!.elementFromPoint(point.clientX, point.clientY) ?? canvas;
    layer.dispatchEvent(new win.MouseEvent('mousedown', point));
    layer.dispatchEvent(new win.MouseEvent('mouseup', point));
    expect((await selected).detail.id).toBe(actor.id());
  });
});

describe("the deck's print/PDF mode (?print-pdf)", () => {
  it('lays every slide out as a page with its graph drawn', async () => {
    const win = await openDeck(960, 540, '?print-pdf');
    await expect.poll(() => win.document.documentElement.classList.contains('print-pdf')).toBe(true);
    expect(win.Reveal.isPrintView()).toBe(true);
    const graphSlides = [...win.document.querySelectorAll('section[data-graph-slide]')];
    await expect.poll(() => graphSlides.every((slide) => graphsOf(slide).length > 0 && graphsOf(slide).every(drawnAndFitted)), { timeout: 15_000 }).toBe(true);
  });

  it('prints the step-by-step slide once per step, each page at its step', async () => {
    const win = await openFrame('/deck/index.html?print-pdf', 960, 540);
    await expect.poll(() => win.document.querySelectorAll('.pdf-page').length, { timeout: 10_000 }).toBeGreaterThan(5);
    const steps = () => [...win.document.querySelectorAll('.pdf-page governance-graph[step]')].map((graph) => (graph as GovernanceGraph).step);
    await expect.poll(steps, { timeout: 10_000 }).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const last = [...win.document.querySelectorAll('.pdf-page governance-graph[step]')].at(-1) as GovernanceGraph;
    await expect.poll(() => drawnAndFitted(last) && cyOf(last)!.nodes(':visible').length, { timeout: 10_000 }).toBe(BUILTIN_MODELS.domestic.views!.find((view) => view.id === 'overview')!.actors.length);
  });
});

describe('the iframe page (embed.html)', () => {
  it('takes model, language, theme and trace from its query string', async () => {
    const win = await openFrame('/embed.html?model=foreign&lang=en&theme=dark&trace=resilience-office', 800, 500);
    const graph = win.document.querySelector('governance-graph') as GovernanceGraph;
    await expect.poll(() => Boolean(cyOf(graph)?.nodes().length) && drawnAndFitted(graph), { timeout: 10_000 }).toBe(true);
    expect(graph.lang).toBe('en');
    expect(graph.theme).toBe('dark');
    expect(cyOf(graph)!.getElementById('resilience-office').hasClass('traced')).toBe(true);
  });

  it('shows a step of a view', async () => {
    const win = await openFrame('/embed.html?model=domestic&view=overview&step=2&static=1', 800, 500);
    const graph = win.document.querySelector('governance-graph') as GovernanceGraph;
    await expect.poll(() => drawnAndFitted(graph), { timeout: 10_000 }).toBe(true);
    expect(graph.static).toBe(true);
    expect(graph.step).toBe(2);
    expect(cyOf(graph)!.nodes(':visible').length).toBe(3);
  });
});

describe('printing', () => {
  it('swaps the canvas for a picture of the graph while printing', async () => {
    const { el } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    window.dispatchEvent(new Event('beforeprint'));
    await el.updateComplete;
    const image = el.shadowRoot!.querySelector<HTMLImageElement>('[part="print"]')!;
    expect(image.src).toMatch(/^data:image\/png;base64,/);
    await image.decode();
    expect(image.naturalWidth).toBeGreaterThan(500);
    window.dispatchEvent(new Event('afterprint'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="print"]')).toBeNull();
  });
});

describe('layouts kept across visits', () => {
  it('a graph from a file, opened again in a new page, is drawn from the layout kept the first time', async () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('governance-graph/')) localStorage.removeItem(key);
    const visit = async () => {
      const win = await openFrame('/embed.html?src=/graph-data/foreign.json&lang=en', 800, 500);
      const graph = win.document.querySelector('governance-graph') as GovernanceGraph;
      await expect.poll(() => Boolean(cyOf(graph)?.nodes().length) && drawnAndFitted(graph), { timeout: 10_000 }).toBe(true);
      const positions = cyOf(graph)!.nodes().map((node) => [node.id(), Math.round(node.position('x')), Math.round(node.position('y'))]);
      const layouts = win.performance.getEntriesByName('governance-layout').length;
      document.body.replaceChildren();
      return { positions, layouts };
    };
    const first = await visit();
    const again = await visit();
    expect(first.layouts).toBeGreaterThan(0);
    expect(again.layouts).toBe(0);
    expect(again.positions).toEqual(first.positions);
  });
});
