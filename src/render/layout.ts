import type { EdgeSingular, LayoutOptions, NodeSingular } from 'cytoscape';
import type { Sector } from '../model/types.js';
import { SECTORS, SECTOR_TYPES, TIERS } from '../model/vocabulary.js';

/** An actor's row in the picture: the tier its elements carry (see `ActorData`), else its built-in sector's. */
export function tierOf(actor: { sector: Sector; tier?: number }): number {
  return actor.tier ?? SECTORS[actor.sector]?.tier ?? TIERS.default;
}

/** A sector's place in the built-in order; a model's own sectors come after them. */
const sectorRank = (node: NodeSingular) => {
  const rank = SECTOR_TYPES.indexOf(node.data('sector'));
  return rank < 0 ? SECTOR_TYPES.length : rank;
};

/** Ranks a relation spans in the layout: at least one, more when it crosses sector tiers (see `SectorInfo.tier`). */
export function rankSpan(upperTier: number, lowerTier: number): number {
  return Math.max(1, lowerTier - upperTier);
}

/** Dagre's ranking and spacing, in graph units. */
export const DAGRE_OPTIONS = {
  /** network-simplex gives the most compact ranks; fast enough below ~100 actors (see `FAST_LAYOUT_THRESHOLD`). */
  ranker: 'network-simplex',
  nodeSep: 22,
  rankSep: 50,
  edgeSep: 10,
} as const;

/**
 * The hierarchy layout (cytoscape-dagre), top to bottom. Node sizes already contain their
 * labels; upward relations are stored top-down (see `toElements`), so leaders rank above.
 */
export const HIERARCHY_LAYOUT = {
  name: 'dagre',
  rankDir: 'TB',
  ...DAGRE_OPTIONS,
  minLen: (edge: EdgeSingular) => rankSpan(tierOf(edge.source().data()), tierOf(edge.target().data())),
  /** Node sizes already hold their labels (see `toElements`); measuring labels again costs a third of the layout. */
  nodeDimensionsIncludeLabels: false,
  /** Dagre breaks ties by insertion order: leadership sectors first keeps them to the left. */
  sort: (a: NodeSingular, b: NodeSingular) => sectorRank(a) - sectorRank(b) || (a.id() < b.id() ? -1 : 1),
  /** The controller fits once the container has a size (a hidden slide has none). */
  fit: false,
  animate: false,
} as LayoutOptions;

/**
 * Above this many actors the layered layout replaces dagre, whose network simplex grows fast: in
 * Chromium on a 2-core laptop about 170 ms at 100 actors, 200 ms at 150, seconds at 1,000.
 */
export const FAST_LAYOUT_THRESHOLD = 100;

/**
 * Above this many relations the layered layout replaces dagre too: its crossing reduction grows
 * with relations, not actors (60 actors with 1,770 relations took 46 s; 100 with 150, 0.2 s).
 */
export const DAGRE_MAX_RELATIONS = 150;

/** Whether dagre lays out a graph of this many actors and relations quickly; others take the layered layout. */
export function fitsDagre(actors: number, relations: number): boolean {
  return actors <= FAST_LAYOUT_THRESHOLD && relations <= DAGRE_MAX_RELATIONS;
}

/** Spacing of the layered layout, matching dagre's. */
export const LAYER_SPACING = { nodeSep: DAGRE_OPTIONS.nodeSep, rankSep: DAGRE_OPTIONS.rankSep };

/** Padding around the graph when fitting, in px. */
export const FIT_PADDING = 12;

/** Largest zoom a fit uses, so that a graph of two actors is not drawn enormous. */
export const MAX_FIT_ZOOM = 2;

/** Space between separately laid-out components, in graph units. */
export const COMPONENT_GAP = 48;

/** Width and height of a laid-out piece of the graph. */
export interface Size {
  w: number;
  h: number;
}

/** Up to this many pieces, `packComponents` tries every row width at which rows break differently (a slide's few pieces; each try is a packing). */
const PACK_SEARCH_MAX = 24;

/**
 * Places separately laid-out components in rows so that the whole fills a canvas of the given
 * aspect (a slide is 16:9) as far as it can, instead of dagre's one long row: of the row width
 * for the canvas's shape at the pieces' area and (for a few pieces) every width at which rows
 * break differently, the one whose packing a fit shows largest. Tallest first, each row centred. Pure.
 *
 * @returns the top-left corner of each component, in input order.
 */
export function packComponents(sizes: Size[], aspect: number, gap: number): { x: number; y: number }[] {
  if (sizes.length === 0) return [];
  const order = sizes.map((_, i) => i).sort((a, b) => sizes[b].h - sizes[a].h || a - b);
  const widest = Math.max(...sizes.map(({ w }) => w));
  // about the canvas's shape for pieces of this area; with few pieces, also every width at which rows break differently:
  // the width of each run of pieces in order, as a row takes them
  const area = sizes.reduce((sum, { w, h }) => sum + (w + gap) * (h + gap), 0);
  const widths = new Set([Math.max(widest, Math.sqrt(area * aspect))]);
  if (sizes.length <= PACK_SEARCH_MAX) {
    order.forEach((_, first) => {
      let run = -gap;
      for (const i of order.slice(first)) widths.add(Math.max(widest, (run += sizes[i].w + gap)));
    });
  }
  // the height, in graph units, of the canvas a fit needs for the packing: the smaller, the larger it is shown
  const span = ({ width, height }: Packing) => Math.max(width / aspect, height);
  const packings = [...widths].map((width) => packRows(sizes, order, width, gap));
  return packings.reduce((best, packing) => (span(packing) < span(best) ? packing : best)).corners;
}

/** Pieces packed in rows: their top-left corners, in input order, and the width and height of the whole. */
interface Packing {
  corners: { x: number; y: number }[];
  width: number;
  height: number;
}

/** Packs pieces in `order` into rows no wider than `rowWidth` (a piece wider than it takes a row of its own), each row centred. */
function packRows(sizes: readonly Size[], order: readonly number[], rowWidth: number, gap: number): Packing {
  const rows: number[][] = [[]];
  let x = 0;
  for (const i of order) {
    // a hair of tolerance: a width that is the sum of a run of pieces must take that run, whatever the rounding
    if (x > 0 && x + sizes[i].w > rowWidth + 1e-6) {
      rows.push([]);
      x = 0;
    }
    rows[rows.length - 1].push(i);
    x += sizes[i].w + gap;
  }
  const corners: { x: number; y: number }[] = new Array(sizes.length);
  const widthOf = (row: number[]) => row.reduce((sum, i) => sum + sizes[i].w, 0) + gap * (row.length - 1);
  const width = Math.max(...rows.map(widthOf));
  let y = 0;
  for (const row of rows) {
    let left = (width - widthOf(row)) / 2;
    for (const i of row) {
      corners[i] = { x: left, y };
      left += sizes[i].w + gap;
    }
    y += Math.max(...row.map((i) => sizes[i].h)) + gap;
  }
  return { corners, width, height: y - gap };
}

/** A box in graph coordinates. */
export interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Zoom and pan of a Cytoscape viewport. */
export interface Viewport {
  zoom: number;
  pan: { x: number; y: number };
}

/** Pixels at the edges of the canvas that a fit leaves free (a search box, a caption, a panel). */
export interface Reserved {
  top: number;
  bottom: number;
  right?: number;
}

/**
 * The viewport that centres `box` in a canvas of `width` × `height` px with `FIT_PADDING` around
 * it and `reserved` px kept free at the top, bottom and right, zoomed at most to `MAX_FIT_ZOOM`.
 * Undefined when nothing fits (a canvas of no size).
 */
export function fitViewport(box: Bounds, width: number, height: number, reserved: Reserved = { top: 0, bottom: 0 }): Viewport | undefined {
  const top = FIT_PADDING + reserved.top;
  const [innerWidth, innerHeight] = [width - 2 * FIT_PADDING - (reserved.right ?? 0), height - top - FIT_PADDING - reserved.bottom];
  const zoom = Math.min(innerWidth / Math.max(box.x2 - box.x1, 1), innerHeight / Math.max(box.y2 - box.y1, 1), MAX_FIT_ZOOM);
  if (!(zoom > 0)) return undefined;
  return {
    zoom,
    pan: { x: FIT_PADDING + innerWidth / 2 - (zoom * (box.x1 + box.x2)) / 2, y: top + innerHeight / 2 - (zoom * (box.y1 + box.y2)) / 2 },
  };
}

/** An actor with its centre and size, as laid out. */
export interface PlacedActor {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `box` grown to hold `points` (the bends of lines routed round actors: a fit holds them too, as they may run outside the actors). */
export function withPoints(box: Bounds, points: Iterable<{ x: number; y: number }>): Bounds {
  for (const { x, y } of points) [box.x1, box.x2, box.y1, box.y2] = [Math.min(box.x1, x), Math.max(box.x2, x), Math.min(box.y1, y), Math.max(box.y2, y)];
  return box;
}

/** The box around placed actors. */
export function extentOfActors(actors: Iterable<PlacedActor>): Bounds {
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  for (const { x, y, width, height } of actors) {
    box.x1 = Math.min(box.x1, x - width / 2);
    box.x2 = Math.max(box.x2, x + width / 2);
    box.y1 = Math.min(box.y1, y - height / 2);
    box.y2 = Math.max(box.y2, y + height / 2);
  }
  return box;
}
