import type { Core } from 'cytoscape';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ENGINES, launch, type EnginePage } from './browsers.js';

const base = inject('enginesBase');
const files = inject('enginesFiles');

/** A box in viewport coordinates, in whole CSS pixels. */
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the test page tells of one `<governance-graph>`. */
interface GraphState {
  /** Cytoscape has drawn actors in a container of a usable size. */
  drawn: boolean;
  /** Every visible actor lies inside the canvas. */
  fitted: boolean;
  /** The canvas part, in viewport coordinates. */
  canvas: Box;
}

/**
 * State of every `<governance-graph>` on the page (those inside a `<governance-compare>` too), of
 * those in the deck's current slide, or in its slide of that index. Runs in the page.
 */
function graphStates(scope: 'page' | 'slide' | number): GraphState[] {
  const reveal = (window as unknown as { Reveal?: { getCurrentSlide(): Element; getSlides(): Element[] } }).Reveal;
  const root: ParentNode = scope === 'page' ? document : scope === 'slide' ? reveal!.getCurrentSlide() : reveal!.getSlides()[scope];
  const graphs = [...root.querySelectorAll('governance-graph'), ...[...root.querySelectorAll('governance-compare')].flatMap((compare) => [...compare.shadowRoot!.querySelectorAll('governance-graph')])];
  return graphs.map((graph) => {
    const cy = (graph as unknown as { cytoscape: { cy?: Core } }).cytoscape.cy;
    const rect = graph.shadowRoot!.querySelector('[part="canvas"]')!.getBoundingClientRect();
    const canvas = { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
    if (!cy || cy.nodes(':visible').empty() || cy.width() < 50) return { drawn: false, fitted: false, canvas };
    const box = cy.nodes(':visible').renderedBoundingBox();
    return { drawn: true, fitted: box.x1 >= -1 && box.y1 >= -1 && box.x2 <= cy.width() + 1 && box.y2 <= cy.height() + 1, canvas };
  });
}

/**
 * How many pixels of `box` in a screenshot differ from the box's commonest colour (its
 * background): the ink a reader sees there. Decodes the PNG in the page.
 */
function inkIn(page: EnginePage, png: string, box: Box): Promise<number> {
  return page.run(
    async (png, { x, y, width, height }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [width, height];
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      context.drawImage(image, -x, -y);
      const { data } = context.getImageData(0, 0, width, height);
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const colour = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(colour, (counts.get(colour) ?? 0) + 1);
      }
      const background = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      const [r, g, b] = [background >> 16, (background >> 8) & 255, background & 255];
      let ink = 0;
      for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) > 48) ink++;
      return ink;
    },
    png,
    box,
  );
}

/**
 * Share of the points along the left and top edges of `box`, just inside, that a screenshot shows
 * in the CSS colour `colour`: where the graph's focus outline is drawn. Decodes the PNG in the page.
 */
function ringShare(page: EnginePage, png: string, box: Box, colour: string): Promise<number> {
  return page.run(
    async (png, { x, y, width, height }, colour) => {
      const image = new Image();
      image.src = `data:image/png;base64,${png}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      [canvas.width, canvas.height] = [image.width, image.height];
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      // the colour as pixels, whatever CSS syntax it came in
      context.fillStyle = colour;
      context.fillRect(0, 0, 1, 1);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      context.drawImage(image, 0, 0);
      const points = [
        ...Array.from({ length: Math.floor((height - 20) / 5) }, (_, i) => [x + 1, y + 10 + 5 * i]),
        ...Array.from({ length: Math.floor((width - 20) / 5) }, (_, i) => [x + 10 + 5 * i, y + 1]),
      ];
      const ringed = points.filter(([px, py]) => {
        const [pr, pg, pb] = context.getImageData(px, py, 1, 1).data;
        return Math.abs(pr - r) + Math.abs(pg - g) + Math.abs(pb - b) < 48;
      });
      return ringed.length / points.length;
    },
    png,
    box,
    colour,
  );
}

/** Opens the test page (the embed bundle and nothing else) with `markup` in a 1000 × 600 box; resolves on its first `graph-ready`. */
async function mount(page: EnginePage, markup: string): Promise<{ nodes: number; edges: number }> {
  await page.open(`${base}engines.html`);
  return page.run(async (markup) => {
    await customElements.whenDefined('governance-graph');
    const host = document.createElement('div');
    host.style.cssText = 'width: 1000px; height: 600px';
    document.body.append(host);
    const ready = new Promise<{ nodes: number; edges: number }>((resolve, reject) => {
      host.addEventListener('graph-ready', (event) => resolve((event as CustomEvent<{ nodes: number; edges: number }>).detail), { once: true });
      setTimeout(() => reject(new Error('no graph-ready within 20 s')), 20_000);
    });
    // the tests' own fixed markup
    host.innerHTML = markup;
    return ready;
  }, markup);
}

/** Whether the deck's current slide has come to rest (its slide transition has ended). Runs in the page. */
function slideAtRest(): boolean {
  const slide = (window as unknown as { Reveal: { getCurrentSlide(): Element } }).Reveal.getCurrentSlide();
  return getComputedStyle(slide).transform === 'none' && slide.getAnimations().length === 0;
}

/** Boxes of the caption and the legend of the graph on the deck's current slide. Runs in the page. */
function captionAndLegend(): { caption: Box; legend: Box } {
  const graph = (window as unknown as { Reveal: { getCurrentSlide(): Element } }).Reveal.getCurrentSlide().querySelector('governance-graph')!;
  const box = (selector: string) => {
    const rect = graph.shadowRoot!.querySelector(selector)!.getBoundingClientRect();
    return { x: Math.round(rect.x), y: Math.round(rect.y), width: Math.round(rect.width), height: Math.round(rect.height) };
  };
  return { caption: box('[part="caption"]'), legend: box('governance-legend') };
}

/** Waits for the deck's reveal.js to be ready. */
async function deckReady(page: EnginePage): Promise<void> {
  await expect.poll(() => page.run(() => Boolean((window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady())), { timeout: 20_000 }).toBe(true);
}

describe.each(ENGINES)('in %s', (engine) => {
  let page: EnginePage;

  beforeAll(async () => {
    page = await launch(engine);
  });

  afterAll(async () => {
    await page?.close();
  });

  it.each([
    { shown: 'a model', hash: '' },
    { shown: 'the compare view', hash: '&model=compare' },
  ])("the app's toolbar is one line on a 1280 px projector, its shortened menus taking all the room there is, showing $shown", async ({ hash }) => {
    await page.open(`${base}index.html#lang=en${hash}`);
    const rows = await page.run(async () => {
      await customElements.whenDefined('governance-app');
      await document.fonts.ready;
      const header = document.querySelector('governance-app')!.shadowRoot!.querySelector('header')!;
      // what a reader sees of the toolbar: its controls and the text of its labels
      const items = [...header.querySelectorAll('*')].filter((item) => (item.children.length === 0 || item.localName === 'select') && item.getBoundingClientRect().width > 0);
      const boxes = items.filter((item) => item.localName !== 'option').map((item) => item.getBoundingClientRect());
      const end = header.getBoundingClientRect().right - parseFloat(getComputedStyle(header).paddingRight);
      return { items: boxes.length, lowestTop: Math.max(...boxes.map((box) => box.top)), highestBottom: Math.min(...boxes.map((box) => box.bottom)), left: end - Math.max(...boxes.map((box) => box.right)) };
    });
    expect(rows.items).toBeGreaterThan(8);
    // one line: every item overlaps every other vertically
    expect(rows.lowestTop).toBeLessThan(rows.highestBottom);
    // the model titles are longer than the row: no room is left over while they are shortened
    expect(rows.left).toBeLessThan(16);
  });

  it("the app's toolbar in both languages wraps rather than run off the window, each label on one line", async () => {
    await page.open(`${base}index.html#lang=both&model=compare`);
    const bar = await page.run(async () => {
      await customElements.whenDefined('governance-app');
      await document.fonts.ready;
      const header = document.querySelector('governance-app')!.shadowRoot!.querySelector('header')!;
      const labels = [...header.querySelectorAll('label')].filter((label) => label.querySelector('select'));
      return {
        // the toolbar's controls, each within the window
        right: Math.max(...[...header.children].map((child) => child.getBoundingClientRect().right)) - window.innerWidth,
        // a label whose text wraps is taller than its menu
        tall: labels.filter((label) => label.getBoundingClientRect().height > label.querySelector('select')!.getBoundingClientRect().height + 4).map((label) => label.textContent!.trim().slice(0, 12)),
      };
    });
    expect(bar.right).toBeLessThanOrEqual(0);
    expect(bar.tall).toEqual([]);
  });

  it('draws a slide from a double-clicked file with the classic-script build: no server, no module', async () => {
    await page.open(`${files}classic.html`);
    await expect.poll(() => page.run(graphStates, 'page'), { timeout: 20_000 }).toEqual([expect.objectContaining({ drawn: true, fitted: true })]);
    const [state] = await page.run(graphStates, 'page');
    expect(await inkIn(page, await page.screenshot(), state.canvas)).toBeGreaterThan(5_000);
  });

  it('draws the built-in model with ink on its canvas, fitted inside the element', async () => {
    const ready = await mount(page, '<governance-graph model="domestic" lang="en"></governance-graph>');
    expect(ready.nodes).toBeGreaterThan(10);
    const [state] = await page.run(graphStates, 'page');
    expect(state).toMatchObject({ drawn: true, fitted: true });
    expect(await inkIn(page, await page.screenshot(), state.canvas)).toBeGreaterThan(5_000);
  });

  it('a click on an actor selects it and rings the graph with its focus outline', async () => {
    await mount(page, '<governance-graph model="domestic" lang="en"></governance-graph>');
    const target = await page.run(() => {
      const graph = document.querySelector('governance-graph')!;
      const cy = (graph as unknown as { cytoscape: { cy: Core } }).cytoscape.cy;
      const canvas = graph.shadowRoot!.querySelector('[part="canvas"]')!.getBoundingClientRect();
      // the actor nearest the middle, clear of the search box and the legend
      const middle = { x: cy.width() / 2, y: cy.height() / 2 };
      const distance = (node: { renderedPosition(): { x: number; y: number } }) => Math.hypot(node.renderedPosition().x - middle.x, node.renderedPosition().y - middle.y);
      const actor = cy.nodes(':visible').sort((a, b) => distance(a) - distance(b))[0];
      const selected = new Promise<string>((resolve) => graph.addEventListener('actor-select', (event) => resolve(event.detail.id), { once: true }));
      Object.assign(window, { selected });
      return {
        id: actor.id(),
        x: canvas.x + actor.renderedPosition().x,
        y: canvas.y + actor.renderedPosition().y,
        canvas: { x: Math.round(canvas.x), y: Math.round(canvas.y), width: Math.round(canvas.width), height: Math.round(canvas.height) },
        ring: getComputedStyle(graph).getPropertyValue('--gg-highlight'),
      };
    });
    expect(await ringShare(page, await page.screenshot(), target.canvas, target.ring)).toBeLessThan(0.1);
    await page.click(target.x, target.y);
    const selected = await page.run(() => Promise.race([(window as unknown as { selected: Promise<string> }).selected, new Promise((resolve) => setTimeout(() => resolve('no actor-select within 10 s'), 10_000))]));
    expect(selected).toBe(target.id);
    // keys now act on the graph: the outline says so, as Tab would
    await expect.poll(async () => ringShare(page, await page.screenshot(), target.canvas, target.ring)).toBeGreaterThan(0.9);
  });

  it('exports an SVG that parses and a PNG at least 1920 px wide', async () => {
    await mount(page, '<governance-graph model="foreign" lang="en"></governance-graph>');
    const exported = await page.run(async () => {
      const graph = document.querySelector('governance-graph')!;
      const svg = new DOMParser().parseFromString(await graph.exportSvg(), 'image/svg+xml');
      const png = await graph.exportPng();
      const bitmap = await createImageBitmap(png);
      return {
        root: svg.documentElement.localName,
        parseErrors: svg.getElementsByTagName('parsererror').length,
        labels: svg.getElementsByTagName('text').length,
        type: png.type,
        bytes: png.size,
        width: bitmap.width,
      };
    });
    expect(exported).toMatchObject({ root: 'svg', parseErrors: 0, type: 'image/png' });
    expect(exported.labels).toBeGreaterThan(10);
    expect(exported.bytes).toBeGreaterThan(10_000);
    expect(exported.width).toBeGreaterThanOrEqual(1920);
  });

  it('the compare view draws both models side by side', async () => {
    await page.open(`${base}engines.html`);
    await page.run(async () => {
      await customElements.whenDefined('governance-compare');
      const compare = document.createElement('governance-compare');
      compare.setAttribute('left', 'domestic');
      compare.setAttribute('right', 'foreign');
      compare.setAttribute('lang', 'en');
      compare.style.cssText = 'display: block; width: 1200px; height: 640px';
      document.body.append(compare);
    });
    await expect.poll(() => page.run(graphStates, 'page').then((states) => states.length === 2 && states.every((state) => state.drawn && state.fitted)), { timeout: 20_000 }).toBe(true);
    const png = await page.screenshot();
    for (const state of await page.run(graphStates, 'page')) expect(await inkIn(page, png, state.canvas)).toBeGreaterThan(2_000);
  });

  it("the deck's step slide, reached through the slide transition, is drawn with its caption and legend as when the deck opens on it", async () => {
    // what a reader sees of the graph, its caption and its legend once the slide is at rest
    const painted = async () => {
      await expect.poll(() => page.run(slideAtRest), { timeout: 20_000 }).toBe(true);
      await expect.poll(() => page.run(graphStates, 'slide').then(([state]) => Boolean(state?.drawn && state.fitted)), { timeout: 20_000 }).toBe(true);
      // the element refits on the frame after the transition ends
      await page.run(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const [{ canvas }] = await page.run(graphStates, 'slide');
      const boxes = await page.run(captionAndLegend);
      const png = await page.screenshot();
      return { canvas: await inkIn(page, png, canvas), caption: await inkIn(page, png, boxes.caption), legend: await inkIn(page, png, boxes.legend) };
    };
    await page.open(`${base}deck/index.html`);
    await deckReady(page);
    // as when a teacher moves on from the title: the next slide's graph is drawn, out of view
    await expect.poll(() => page.run(graphStates, 1).then(([state]) => Boolean(state?.drawn)), { timeout: 20_000 }).toBe(true);
    await page.run(() => (window as unknown as { Reveal: { slide(index: number): void } }).Reveal.slide(1));
    const navigated = await painted();
    await page.open(`${base}deck/index.html?opened-on-the-slide#/1`);
    await deckReady(page);
    const opened = await painted();
    expect(navigated.canvas).toBeGreaterThan(1_000);
    expect(opened.caption).toBeGreaterThan(500);
    expect(opened.legend).toBeGreaterThan(500);
    expect(navigated.caption).toBeGreaterThan(0.9 * opened.caption);
    expect(navigated.legend).toBeGreaterThan(0.9 * opened.legend);
  });
});
