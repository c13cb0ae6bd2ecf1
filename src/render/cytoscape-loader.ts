import type cytoscape from 'cytoscape';

/** Cytoscape's factory, with the dagre layout registered. */
export type CytoscapeFactory = typeof cytoscape;

let loaded: CytoscapeFactory | undefined;
let loading: Promise<CytoscapeFactory> | undefined;

/**
 * Cytoscape and cytoscape-dagre, evaluated on first use rather than when the bundle loads: the
 * bundle stays one file, but the first picture of a graph does not wait for ~40 ms of evaluation.
 */
export function loadCytoscape(): Promise<CytoscapeFactory> {
  loading ??= Promise.all([import('cytoscape'), import('cytoscape-dagre')]).then(([{ default: factory }, { default: dagre }]) => {
    factory.use(dagre);
    loaded = factory;
    return factory;
  });
  return loading;
}

/** Cytoscape if it has been loaded already, so later graphs are created without waiting a turn. */
export function loadedCytoscape(): CytoscapeFactory | undefined {
  return loaded;
}
