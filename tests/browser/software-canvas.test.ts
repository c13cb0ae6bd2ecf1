import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** What Cytoscape's renderer keeps of its canvases (internal). */
interface Renderer {
  data: { contexts: CanvasRenderingContext2D[] };
  makeOffscreenCanvas(width: number, height: number): OffscreenCanvas | HTMLCanvasElement;
}

const software = (context: CanvasRenderingContext2D | null) => Boolean(context?.getContextAttributes().willReadFrequently);

describe('software canvases (WebKit leaves layers of GPU canvases unpainted after a slide transition)', () => {
  it("Cytoscape's layers and the canvases it caches textures in are software canvases", async () => {
    const { cy } = await renderGraph(html`<governance-graph model="foreign" lang="en"></governance-graph>`);
    const renderer = (cy as unknown as { renderer(): Renderer }).renderer();
    expect(renderer.data.contexts.every(software)).toBe(true);
    const texture = renderer.makeOffscreenCanvas(64, 64) as HTMLCanvasElement;
    expect(software(texture.getContext('2d'))).toBe(true);
    // the page's own canvases are left alone
    expect(software(document.createElement('canvas').getContext('2d'))).toBe(false);
  });
});
