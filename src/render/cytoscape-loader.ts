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

/** The part of Cytoscape's renderer that measures labels (not in its types): it makes the canvas on first use. */
interface LabelMeasuring {
  labelCalcCanvas?: HTMLCanvasElement;
  labelCalcCanvasContext?: Pick<CanvasRenderingContext2D, 'font' | 'measureText'>;
}

/**
 * Cytoscape sets the font and measures each line of a wrapped label twice per label (to wrap it,
 * then to size it), every time a label is laid out: give it a context that measures each text in
 * each font once. The widths are the canvas's own.
 */
function measureLabelsOnce(cy: Core, document: Document): void {
  const renderer = (cy as unknown as { renderer(): LabelMeasuring | undefined }).renderer();
  const context = document.createElement('canvas').getContext('2d');
  if (!renderer || !context) return;
  const measured = new Map<string, TextMetrics>();
  let font = context.font;
  renderer.labelCalcCanvas = context.canvas;
  renderer.labelCalcCanvasContext = {
    get font() {
      return font;
    },
    set font(value) {
      font = value;
    },
    measureText(text) {
      const key = `${font}\n${text}`;
      let metrics = measured.get(key);
      if (!metrics) {
        if (context.font !== font) context.font = font;
        measured.set(key, (metrics = context.measureText(text)));
      }
      return metrics;
    },
  };
}

/**
 * A live Cytoscape in `container`, as every element of the page uses it: software canvases (see
 * `softwareCytoscape`), no inline stylesheet, labels measured once (see `measureLabelsOnce`),
 * selection left to the host (a trace, shown with the `traced` class), and, for a `large` graph,
 * panning and zooming as one picture of the viewport.
 */
export function createCytoscape(factory: CytoscapeFactory, container: HTMLElement, { style, large }: { style: StylesheetJson; large: boolean }): Core {
  markCytoscapeStylesheet(container.ownerDocument);
  const cy = softwareCytoscape(factory)({
    container,
    style,
    // a wide hierarchy of thousands of actors must still fit on screen
    minZoom: 0.005,
    maxZoom: 4,
    boxSelectionEnabled: false,
    autounselectify: true,
    // redrawn sharp when the view stops moving
    textureOnViewport: large,
    // actors stay where the layout put them: routes, exports and slides all follow its positions
    autoungrabify: true,
  });
  measureLabelsOnce(cy, container.ownerDocument);
  return cy;
}
