import type { EdgeSingular, LayoutOptions, NodeSingular } from 'cytoscape';
import type { Sector } from '../model/types.js';
import { SECTOR_TYPES } from '../model/vocabulary.js';

const sectorRank = (node: NodeSingular) => SECTOR_TYPES.indexOf(node.data('sector'));

/**
 * Band of each sector from the top: leadership, then coordination and documents, departments,
 * then market and society. Relations span at least the bands between their ends.
 */
export const SECTOR_TIERS: Readonly<Record<Sector, number>> = {
  party: 0,
  government: 1,
  region: 1,
  international: 1,
  coordination: 2,
  policy: 2,
  department: 3,
  market: 4,
  society: 4,
};

/** Ranks a relation spans in the layout: at least one, more when it crosses sector bands. */
export function rankSpan(upper: Sector, lower: Sector): number {
  return Math.max(1, SECTOR_TIERS[lower] - SECTOR_TIERS[upper]);
}

/**
 * The hierarchy layout (cytoscape-dagre), top to bottom. Node sizes already contain their
 * labels; upward relations are stored top-down (see `toElements`), so leaders rank above.
 */
export const HIERARCHY_LAYOUT = {
  name: 'dagre',
  rankDir: 'TB',
  /** network-simplex gives the most compact ranks; fast enough below ~300 actors. */
  ranker: 'network-simplex',
  nodeSep: 22,
  rankSep: 50,
  edgeSep: 10,
  minLen: (edge: EdgeSingular) => rankSpan(edge.source().data('sector'), edge.target().data('sector')),
  /** Node sizes already hold their labels (see `toElements`); measuring labels again costs a third of the layout. */
  nodeDimensionsIncludeLabels: false,
  /** Dagre breaks ties by insertion order: leadership sectors first keeps them to the left. */
  sort: (a: NodeSingular, b: NodeSingular) => sectorRank(a) - sectorRank(b) || (a.id() < b.id() ? -1 : 1),
  /** The controller fits once the container has a size (a hidden slide has none). */
  fit: false,
  animate: false,
} as LayoutOptions;

/** Above this many actors the layered layout replaces dagre, whose network simplex takes seconds. */
export const FAST_LAYOUT_THRESHOLD = 150;

/** Spacing of the layered layout, matching dagre's. */
export const LAYER_SPACING = { nodeSep: 22, rankSep: 50 };

/** Padding around the graph when fitting, in px. */
export const FIT_PADDING = 24;

/** Largest zoom a fit uses, so that a graph of two actors is not drawn enormous. */
export const MAX_FIT_ZOOM = 2;

/** Space between separately laid-out components, in graph units. */
export const COMPONENT_GAP = 48;

/** Width and height of a laid-out piece of the graph. */
export interface Size {
  w: number;
  h: number;
}

/**
 * Places separately laid-out components in rows so that the whole has roughly the given
 * aspect ratio (a slide is 16:9), instead of dagre's one long row. Tallest first, each row
 * centred. Pure.
 *
 * @returns the top-left corner of each component, in input order.
 */
export function packComponents(sizes: Size[], aspect: number, gap: number): { x: number; y: number }[] {
  if (sizes.length === 0) return [];
  const area = sizes.reduce((sum, { w, h }) => sum + (w + gap) * (h + gap), 0);
  const rowWidth = Math.max(...sizes.map(({ w }) => w), Math.sqrt(area * aspect));
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b].h - sizes[a].h || a - b);
  const rows: number[][] = [[]];
  let x = 0;
  for (const i of order) {
    if (x > 0 && x + sizes[i].w > rowWidth) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push(i);
    x += sizes[i].w + gap;
  }
  const corners: { x: number; y: number }[] = new Array(sizes.length);
  let y = 0;
  for (const row of rows) {
    const width = row.reduce((sum, i) => sum + sizes[i].w, 0) + gap * (row.length - 1);
    let left = (rowWidth - width) / 2;
    for (const i of row) {
      corners[i] = { x: left, y };
      left += sizes[i].w + gap;
    }
    y += Math.max(...row.map((i) => sizes[i].h)) + gap;
  }
  return corners;
}
