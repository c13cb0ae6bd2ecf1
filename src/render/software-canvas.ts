import type { Core, CytoscapeOptions } from 'cytoscape';
import type { CytoscapeFactory } from './cytoscape-loader.js';

/**
 * Settings of every 2D canvas the element draws on: a software canvas. WebKit gives a GPU canvas a
 * compositing layer of its own, and with it whatever is drawn over it (caption, search box, panel)
 * and the host, which contains it (legend); WebKitGTK leaves such layers partly or wholly unpainted
 * in a slide moved in by a transition in 3D perspective (reveal.js's `slide`). A software canvas is
 * painted with the page, so nothing of the element needs a layer.
 */
export const SOFTWARE_CANVAS: CanvasRenderingContext2DSettings = { willReadFrequently: true };

/** The part of Cytoscape's canvas renderer that makes the canvases it caches textures in (not in its types). */
interface TextureCanvases {
  makeOffscreenCanvas?(width: number, height: number): OffscreenCanvas | HTMLCanvasElement;
}

/**
 * Cytoscape's factory, drawing on software canvases only ({@link SOFTWARE_CANVAS}): the layers it
 * makes and opens in its constructor, and the canvases it caches textures in later, since a GPU
 * texture drawn onto a software canvas would be read back on every frame.
 */
export function softwareCytoscape(cytoscape: CytoscapeFactory): (options: CytoscapeOptions) => Core {
  return (options) => {
    const prototype = HTMLCanvasElement.prototype;
    const getContext = prototype.getContext;
    prototype.getContext = function (this: HTMLCanvasElement, type: string, settings?: object) {
      return getContext.call(this, type, type === '2d' ? { ...settings, ...SOFTWARE_CANVAS } : settings);
    } as typeof getContext;
    let cy: Core;
    try {
      cy = cytoscape(options);
    } finally {
      prototype.getContext = getContext;
    }
    const renderer = (cy as unknown as { renderer(): TextureCanvases | undefined }).renderer();
    const make = renderer?.makeOffscreenCanvas;
    if (renderer && make) {
      // a context opened first keeps its settings: Cytoscape's own getContext('2d') then gets this one
      renderer.makeOffscreenCanvas = (width, height) => {
        const canvas = make.call(renderer, width, height);
        (canvas as HTMLCanvasElement).getContext('2d', SOFTWARE_CANVAS);
        return canvas;
      };
    }
    return cy;
  };
}
