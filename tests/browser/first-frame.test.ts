import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import type { Sector } from '../../src/model/types.js';
import { SECTOR_STYLES } from '../../src/render/palette.js';
import { syntheticGraph } from '../../scripts/bench/synthetic.js';
import { cyOf, dataUrl, nextEvent, renderGraph } from './helpers.js';

afterEach(() => document.body.replaceChildren());

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

/** The pixels of the frame Cytoscape shows now, and how many of them make one CSS pixel. */
async function frameOf(el: GovernanceGraph): Promise<{ pixels: ImageData; ratio: number }> {
  const cy = cyOf(el)!;
  const bitmap = await createImageBitmap(cy.png({ output: 'blob', full: false, bg: '#ffffff' }));
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return { pixels: context.getImageData(0, 0, bitmap.width, bitmap.height), ratio: bitmap.width / cy.width() };
}

const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** Share of the pixels in an actor's box that have its sector's colour. */
function sectorShare(el: GovernanceGraph, { pixels, ratio }: { pixels: ImageData; ratio: number }, id: string): number {
  const node = cyOf(el)!.getElementById(id);
  const { x, y } = node.renderedPosition();
  const [w, h] = [node.renderedWidth(), node.renderedHeight()];
  const [r, g, b] = rgb(SECTOR_STYLES[node.data('sector') as Sector].colour);
  const { data, width } = pixels;
  let [matching, total] = [0, 0];
  for (let py = Math.round((y - h / 2) * ratio); py < (y + h / 2) * ratio; py++) {
    for (let px = Math.round((x - w / 2) * ratio); px < (x + w / 2) * ratio; px++) {
      const i = (py * width + px) * 4;
      total++;
      if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 30) matching++;
    }
  }
  return matching / total;
}

describe('the first frame', () => {
  it('shows every actor of a built-in model in its colour when graph-ready fires, and answers a click at once', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en"></governance-graph>`);
    const frame = await frameOf(el);
    const actors = cy.nodes().map((node) => node.id());
    expect(actors.length).toBeGreaterThan(15);
    for (const id of actors) expect(sectorShare(el, frame, id), id).toBeGreaterThan(0.3);
    // nothing else to wait for: the first click traces the actor under the pointer
    const selected = nextEvent<{ id: string }>(el, 'actor-select');
    const { x, y } = cy.getElementById('city-gov').renderedPosition();
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    expect((await selected).detail.id).toBe('city-gov');
    expect(cy.getElementById('city-gov').hasClass('traced')).toBe(true);
  });

  it('on a step slide, leaves out the actors that come in later steps', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="zh" step="2" static></governance-graph>`);
    const frame = await frameOf(el);
    const [shown, later] = [cy.nodes(':visible'), cy.nodes(':hidden')];
    expect(shown.length).toBeGreaterThan(0);
    expect(later.length).toBeGreaterThan(0);
    for (const node of shown) expect(sectorShare(el, frame, node.id()), node.id()).toBeGreaterThan(0.3);
  });

  it('draws a large graph from a file with the layered layout, each actor in its colour', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph src=${dataUrl(syntheticGraph(200))} lang="en"></governance-graph>`, { width: 1600, height: 900 });
    expect(cy.nodes().length).toBe(200);
    const frame = await frameOf(el);
    const big = cy.nodes().filter((node) => node.renderedWidth() > 10 && node.renderedHeight() > 5);
    expect(big.length, `zoom ${cy.zoom()}`).toBeGreaterThan(20);
    for (const node of big) expect(sectorShare(el, frame, node.id()), node.id()).toBeGreaterThan(0.25);
  });

  it('shows the error, not a graph, when the graph is replaced at once by one that fails', async () => {
    const { el } = mountGraph({ model: 'domestic' }, 'width: 800px; height: 500px');
    const failed = nextEvent<{ message: string }>(el, 'graph-error');
    // replaced right after the first render, while Cytoscape is still being loaded or created
    await el.updateComplete;
    el.src = dataUrl('{"nodes": [');
    expect((await failed).detail.message).toMatch(/JSON/i);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')).not.toBeNull();
    expect(cyOf(el)?.elements().length ?? 0).toBe(0);
  });

  it('is drawn in a hidden slide only once the slide is shown, and then reports it', async () => {
    const { host, el } = mountGraph({ model: 'foreign' }, 'display: none');
    let early = false;
    el.addEventListener('graph-ready', () => (early = host.style.display === 'none'), { once: true });
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(early).toBe(false);
    const ready = nextEvent(el, 'graph-ready');
    host.style.cssText = 'width: 800px; height: 500px';
    await ready;
    expect(cyOf(el)!.nodes().length).toBeGreaterThan(5);
  });
});
