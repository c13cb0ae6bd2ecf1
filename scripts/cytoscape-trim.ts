import type { Plugin } from 'vite';

/** A span of Cytoscape's ES module to leave out: from the first `from` up to (not including) the next `to`. */
interface Cut {
  /** What the span holds, for the build's error message. */
  what: string;
  from: string;
  to: string;
  /** What takes its place, if anything. */
  insert?: string;
}

/**
 * What the elements never call, in `cytoscape` 3.35.0's `dist/cytoscape.esm.mjs`: the graph
 * algorithms but search (paths, centrality, clustering), every layout but `grid`, `null` and
 * `preset` (dagre is an extension of its own), and the WebGL renderer (the canvas renderer
 * draws, see PITFALLS). Each registers itself on loading, so no bundler can tell it is unused.
 * Also the drawing of styles they never set (background images, pie and stripe charts, gradients),
 * stylesheets as CSS text, `cy.json()`, and the stand-ins for `Map`, `Set` and `Promise`, which
 * every browser the elements run in has. What is replaced by a stub is never reached.
 */
const CUTS: Cut[] = [
  // breadth- and depth-first search stay: `components()` runs on them
  { what: 'the graph algorithms', from: ', elesfn$u, elesfn$t,', to: '].forEach(function (props) {\n  extend(elesfn$j, props);' },
  { what: 'the layouts before grid', from: 'var defaults$7 = {', to: 'var defaults$3 = {' },
  { what: 'the random layout', from: '\nvar defaults = {', to: 'var layout = [{' },
  { what: 'the registry of layouts before grid', from: "{\n  name: 'breadthfirst'", to: "{\n  name: 'grid'" },
  { what: 'the registry of the random layout', from: ", {\n  name: 'random'", to: '];\n\nfunction NullRenderer' },
  { what: 'the WebGL renderer', from: 'var CRp$4 = {};', to: 'var CRp$3 = {};' },
  { what: 'the registry of the WebGL renderer', from: 'CRp$4, ', to: 'CRp$3, ' },
  { what: 'drawing background images', from: 'CRp$8.drawInscribedImage = function (', to: '\n\nvar CRp$7 = {};', insert: 'CRp$8.drawInscribedImage = function () {};' },
  { what: 'drawing pie and stripe charts', from: 'CRp$6.drawPie = function (', to: '\n\nvar CRp$5 = {};', insert: 'CRp$6.drawPie = CRp$6.drawStripe = function () {};' },
  { what: 'gradients', from: 'CRp$5.createGradientStyleFor = function (', to: '\nCRp$5.gradientFillStyle = ', insert: 'CRp$5.createGradientStyleFor = function () {};' },
  { what: 'stylesheets as CSS text', from: 'styfn$3.appendFromString = function (', to: '\nstyfn$3.fromString = function (', insert: "styfn$3.appendFromString = function () {\n  throw new Error('this Cytoscape reads stylesheets as JSON only');\n};" },
  { what: 'cy.json()', from: '  json: function json(obj) {\n    var cy = this;', to: '\n});\ncorefn.$id = corefn.getElementById;', insert: "  json: function json() {\n    throw new Error('this Cytoscape has no cy.json()');\n  }" },
  { what: 'a Map for browsers without one', from: 'var ObjectMap = ', to: '\n\n/* global Set */', insert: 'var Map$1 = Map;' },
  { what: 'a Set for browsers without one', from: 'var ObjectSet = ', to: '\n\n// represents a node or an edge', insert: 'var Set$1 = Set;' },
  { what: 'a Promise for browsers without one', from: '/*!\nEmbeddable Minimum', to: '\n\nvar Animation = function', insert: 'var Promise$1 = Promise;' },
];

/** Cytoscape's module with the spans of `CUTS` taken out; throws if one is not where it was. */
export function trimCytoscape(code: string): string {
  let trimmed = code;
  for (const { what, from, to, insert = '' } of CUTS) {
    const start = trimmed.indexOf(from);
    const end = start < 0 ? -1 : trimmed.indexOf(to, start + from.length);
    if (start < 0 || end < 0 || trimmed.indexOf(from, start + 1) >= 0) {
      throw new Error(`cytoscape-trim: ${what} is no longer between ${JSON.stringify(from)} and ${JSON.stringify(to)}; update CUTS for this Cytoscape`);
    }
    trimmed = trimmed.slice(0, start) + insert + trimmed.slice(end);
  }
  return trimmed;
}

const CYTOSCAPE_MODULE = /\/node_modules\/cytoscape\/dist\/cytoscape\.esm\.mjs$/;

const transform = (code: string, id: string) => (CYTOSCAPE_MODULE.test(id) ? trimCytoscape(code) : undefined);

/**
 * Cytoscape less what the elements never use (see `CUTS`), an eighth of the embed bundle: in
 * builds, and pre-bundled for the dev server, so the browser tests run the Cytoscape that ships.
 */
export function cytoscapeTrim(): Plugin {
  return {
    name: 'governance-cytoscape-trim',
    enforce: 'pre',
    config: () => ({ optimizeDeps: { rolldownOptions: { plugins: [{ name: 'governance-cytoscape-trim', transform }] } } }),
    transform,
  };
}
