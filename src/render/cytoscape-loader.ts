import type cytoscape from 'cytoscape';
import type { Core, StylesheetJson } from 'cytoscape';
import { softwareCytoscape } from './software-canvas.js';

/** Cytoscape's factory, with the dagre layout registered. */
export type CytoscapeFactory = typeof cytoscape;

let loading: Promise<CytoscapeFactory> | undefined;

/**
 * Cytoscape and cytoscape-dagre, evaluated on first use rather than when the bundle loads: the
 * bundle stays one file, but the page's first render (a message, the legend) does not wait for its evaluation.
 */
export function loadCytoscape(): Promise<CytoscapeFactory> {
  loading ??= Promise.all([import('cytoscape'), import('cytoscape-dagre')]).then(([{ default: factory }, { default: dagre }]) => {
    factory.use(dagre);
    return factory;
  });
  return loading;
}

/**
 * Cytoscape puts an inline `<style>` into the page's head unless one with its id exists; a strict
 * Content-Security-Policy blocks it and reports a violation. Its one rule (position: relative)
 * is in our own styles, so a placeholder with that id keeps Cytoscape from adding it.
 */
function markCytoscapeStylesheet(document: Document): void {
  const id = '__________cytoscape_stylesheet';
  if (document.getElementById(id)) return;
  const placeholder = document.createElement('meta');
  placeholder.id = id;
  document.head.append(placeholder);
}

/**
 * A live Cytoscape in `container`, as every element of the page uses it: software canvases (see
 * `softwareCytoscape`), no inline stylesheet, selection left to the host (a trace, shown with the
 * `traced` class), and, for a `large` graph, panning and zooming as one picture of the viewport.
 */
export function createCytoscape(factory: CytoscapeFactory, container: HTMLElement, { style, large }: { style: StylesheetJson; large: boolean }): Core {
  markCytoscapeStylesheet(container.ownerDocument);
  return softwareCytoscape(factory)({
    container,
    style,
    // a wide hierarchy of thousands of actors must still fit on screen
    minZoom: 0.005,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autounselectify: true,
    // redrawn sharp when the view stops moving
    textureOnViewport: large,
  });
}
