import { afterEach, describe, expect, it } from 'vitest';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { SECTOR_STYLES } from '../../src/render/palette.js';
import type { Sector } from '../../src/model/types.js';
import { syntheticGraph } from '../../scripts/bench/synthetic.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { cyOf, dataUrl, nextEvent } from './helpers.js';

afterEach(() => document.body.replaceChildren());

interface Picture {
  /** A copy of the first picture, taken the moment it was painted. */
  pixels: ImageData;
  ratio: number;
  /** Whether Cytoscape existed when it was painted. */
  cytoscapeReady: boolean;
}

/** A `<governance-graph>` with these attributes, connected in a host of the given style. */
function mountGraph(attributes: Record<string, string>, hostStyle = 'width: 1000px; height: 600px') {
  const host = document.createElement('div');
  host.style.cssText = hostStyle;
  document.body.append(host);
  const el = document.createElement('governance-graph') as GovernanceGraph;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  host.append(el);
  return { host, el };
}

/**
 * Calls `shown` with the first picture's canvas whenever it is shown. Call it right after
 * connecting: the shadow root exists then, and the first render comes later, in a microtask.
 */
function onFirstPicture(el: GovernanceGraph, shown: (canvas: HTMLCanvasElement) => void): void {
  new MutationObserver(() => {
    const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('.preview');
    if (canvas && !canvas.hidden && canvas.width > 0) shown(canvas);
  }).observe(el.shadowRoot!, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
}

/**
 * Mounts a graph and copies its first picture as soon as it is shown (before Cytoscape draws
 * and replaces it); resolves once the graph is ready.
 */
async function mountAndCatchFirstPicture(attributes: Record<string, string>, size = { width: 1000, height: 600 }) {
  const { el } = mountGraph(attributes, `width: ${size.width}px; height: ${size.height}px;`);
  const ready = nextEvent(el, 'graph-ready', 20_000);
  let picture: Picture | undefined;
  onFirstPicture(el, (canvas) => {
    picture ??= { pixels: canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height), ratio: canvas.width / canvas.clientWidth, cytoscapeReady: Boolean(cyOf(el)) };
  });
  await ready;
  return { el, picture };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Share of the pixels in an actor's box (as Cytoscape drew it) that have its sector's colour. */
function sectorShare(el: GovernanceGraph, picture: Picture, id: string): number {
  const node = cyOf(el)!.getElementById(id);
  const { x, y } = node.renderedPosition();
  const [w, h] = [node.renderedWidth(), node.renderedHeight()];
  const [r, g, b] = rgb(SECTOR_STYLES[node.data('sector') as Sector].colour);
  const { data, width } = picture.pixels;
  let [matching, total] = [0, 0];
  for (let py = Math.round((y - h / 2) * picture.ratio); py < (y + h / 2) * picture.ratio; py++) {
    for (let px = Math.round((x - w / 2) * picture.ratio); px < (x + w / 2) * picture.ratio; px++) {
      const i = (py * width + px) * 4;
      total++;
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30 && data[i + 3] > 200) matching++;
    }
  }
  return matching / total;
}

describe('the first picture', () => {
  it('shows a built-in model before Cytoscape is ready, each actor where Cytoscape then draws it', async () => {
    const { el, picture } = await mountAndCatchFirstPicture({ model: 'domestic', view: 'overview', lang: 'en' });
    expect(picture).toBeDefined();
    expect(picture!.cytoscapeReady).toBe(false);
    const actors = cyOf(el)!.nodes().map((node) => node.id());
    expect(actors.length).toBeGreaterThan(15);
    for (const id of actors) expect(sectorShare(el, picture!, id), id).toBeGreaterThan(0.3);
    // once Cytoscape has drawn, the picture goes and gives back its memory
    const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('.preview')!;
    expect(canvas.hidden).toBe(true);
    expect(canvas.width).toBe(0);
  });

  it('draws each of several relations between two actors on the curve Cytoscape then gives it', async () => {
    const { el, picture } = await mountAndCatchFirstPicture({ model: 'domestic', view: 'overview', lang: 'en' });
    const cy = cyOf(el)!;
    const bundled = cy.edges().filter((edge) => edge.parallelEdges().length > 1);
    expect(bundled.length).toBeGreaterThan(1);
    const { data, width } = picture!.pixels;
    const paintedNear = (x: number, y: number) => {
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const i = (Math.round(y * picture!.ratio + dy) * width + Math.round(x * picture!.ratio + dx)) * 4;
          if (data[i + 3] > 60) return true;
        }
      }
      return false;
    };
    for (const edge of bundled) {
      const { x, y } = edge.renderedMidpoint();
      expect(paintedNear(x, y), edge.id()).toBe(true);
    }
  });

  it('on a step slide, leaves out the actors that come in later steps', async () => {
    const { el, picture } = await mountAndCatchFirstPicture({ model: 'domestic', view: 'overview', lang: 'zh', step: '2', static: '' });
    const cy = cyOf(el)!;
    const shown = cy.nodes(':visible').map((node) => node.id());
    const later = cy.nodes(':hidden').map((node) => node.id());
    expect(shown.length).toBeGreaterThan(0);
    expect(later.length).toBeGreaterThan(0);
    for (const id of shown) expect(sectorShare(el, picture!, id), id).toBeGreaterThan(0.3);
    for (const id of later) expect(sectorShare(el, picture!, id), id).toBeLessThan(0.05);
  });

  it('shows a large graph from a file with the layered layout, before Cytoscape is ready', async () => {
    const { el, picture } = await mountAndCatchFirstPicture({ src: dataUrl(syntheticGraph(200)), lang: 'en' }, { width: 1600, height: 900 });
    expect(picture?.cytoscapeReady).toBe(false);
    const cy = cyOf(el)!;
    expect(cy.nodes().length).toBe(200);
    // actors drawn large enough to measure
    const big = cy.nodes().filter((node) => node.renderedWidth() > 10 && node.renderedHeight() > 5);
    expect(big.length, `zoom ${cy.zoom()}`).toBeGreaterThan(20);
    for (const node of big) expect(sectorShare(el, picture!, node.id()), node.id()).toBeGreaterThan(0.25);
  });

  it('shows a small graph from a file, laid out by dagre, before the renderer is set up', async () => {
    // renamed, so no layout is shipped for it
    const graph = { ...BUILTIN_MODELS.foreign, id: 'my-own-model' };
    const { el, picture } = await mountAndCatchFirstPicture({ src: dataUrl(graph), lang: 'en' });
    expect(picture?.cytoscapeReady).toBe(false);
    const actors = cyOf(el)!.nodes().map((node) => node.id());
    expect(actors).toHaveLength(graph.nodes.length);
    for (const id of actors) expect(sectorShare(el, picture!, id), id).toBeGreaterThan(0.3);
  });

  it('goes when the graph is replaced by one that fails, before Cytoscape is ready', async () => {
    const { el } = mountGraph({ model: 'domestic' }, 'width: 800px; height: 500px');
    const failed = nextEvent<{ message: string }>(el, 'graph-error');
    let replaced = false;
    onFirstPicture(el, () => {
      if (replaced) return;
      replaced = true;
      el.src = dataUrl('{"nodes": [');
    });
    expect((await failed).detail.message).toMatch(/JSON/i);
    await el.updateComplete;
    expect(replaced).toBe(true);
    expect(el.shadowRoot!.querySelector<HTMLCanvasElement>('.preview')!.hidden).toBe(true);
    expect(el.shadowRoot!.querySelector('[part="error"]')).not.toBeNull();
  });

  it('is not painted for a graph in a hidden slide, which has no size', async () => {
    const { host, el } = mountGraph({ model: 'foreign' }, 'display: none');
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(el.shadowRoot!.querySelector<HTMLCanvasElement>('.preview')!.hidden).toBe(true);
    const ready = nextEvent(el, 'graph-ready');
    host.style.cssText = 'width: 800px; height: 500px';
    await ready;
    expect(cyOf(el)!.nodes().length).toBeGreaterThan(5);
  });
});
