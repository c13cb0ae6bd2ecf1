import type { Plugin } from 'vite';

/** A span of Cytoscape's ES module to leave out: from the first `from` up to (not including) the next `to`. */
interface Cut {
  /** What the span holds, for the build's error message. */
  what: string;
  from: string;
  to: string;
}

/**
 * What the elements never call, in `cytoscape` 3.35.0's `dist/cytoscape.esm.mjs`: the graph
 * algorithms (traversal, paths, centrality, clustering), every layout but `grid`, `null` and
 * `preset` (dagre is an extension of its own), and the WebGL renderer (the canvas renderer
 * draws, see PITFALLS). Each registers itself on loading, so no bundler can tell it is unused.
 */
const CUTS: Cut[] = [
  { what: 'the graph algorithms', from: 'elesfn$v, elesfn$u,', to: '].forEach(function (props) {\n  extend(elesfn$j, props);' },
  { what: 'the layouts before grid', from: 'var defaults$7 = {', to: 'var defaults$3 = {' },
  { what: 'the random layout', from: '\nvar defaults = {', to: 'var layout = [{' },
  { what: 'the registry of layouts before grid', from: "{\n  name: 'breadthfirst'", to: "{\n  name: 'grid'" },
  { what: 'the registry of the random layout', from: ", {\n  name: 'random'", to: '];\n\nfunction NullRenderer' },
  { what: 'the WebGL renderer', from: 'var CRp$4 = {};', to: 'var CRp$3 = {};' },
  { what: 'the registry of the WebGL renderer', from: 'CRp$4, ', to: 'CRp$3, ' },
];

/** Cytoscape's module with the spans of `CUTS` taken out; throws if one is not where it was. */
export function trimCytoscape(code: string): string {
  let trimmed = code;
  for (const { what, from, to } of CUTS) {
    const start = trimmed.indexOf(from);
    const end = start < 0 ? -1 : trimmed.indexOf(to, start + from.length);
    if (start < 0 || end < 0 || trimmed.indexOf(from, start + 1) >= 0) {
      throw new Error(`cytoscape-trim: ${what} is no longer between ${JSON.stringify(from)} and ${JSON.stringify(to)}; update CUTS for this Cytoscape`);
    }
    trimmed = trimmed.slice(0, start) + trimmed.slice(end);
  }
  return trimmed;
}

/**
 * Builds with Cytoscape less what the elements never use (see `CUTS`): a seventh less of the embed
 * bundle (about 28 kB gzip). The dev server and the browser tests load Cytoscape whole; the
 * engine tests drive the built bundle.
 */
export function cytoscapeTrim(): Plugin {
  return {
    name: 'governance-cytoscape-trim',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (/\/node_modules\/cytoscape\/dist\/cytoscape\.esm\.mjs$/.test(id)) return trimCytoscape(code);
    },
  };
}
