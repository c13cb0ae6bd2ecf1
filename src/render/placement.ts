import type { Core, ElementDefinition, NodeCollection } from 'cytoscape';
import type { Sector } from '../model/types.js';
import { SECTORS, SECTOR_TYPES } from '../model/vocabulary.js';
import { layeredGraphLayout, type LayerEdge, type LayerNode } from './fast-layout.js';
import { contentHash, layoutCache, type StoredLayout } from './layout-cache.js';
import { judgeAsDrawnOn, readsBetterThan, SLIDE_CANVAS_WIDTH, SLIDE_LAYOUT, slideLayout, type SlideCanvas } from './slide-layout.js';
import { fitsSlide } from './slide-metrics.js';
import { COMPONENT_GAP, DAGRE_MAX_RELATIONS, DAGRE_OPTIONS, FAST_LAYOUT_THRESHOLD, HIERARCHY_LAYOUT, LAYER_SPACING, extentOfActors, fitsDagre, packComponents, rankSpan, tierOf, type Bounds } from './layout.js';

/**
 * Where actors go, in one place: a layout known before (shipped with the built-in models,
 * remembered in this page, or kept from an earlier visit) wins; otherwise one is computed: the
 * layered layout for large hierarchies, dagre for the rest, sector bands on request. Layouts are
 * keyed by the data and by the options that shape them, so changing an option lays out afresh.
 */

/**
 * `hierarchy`: top-down, by dagre or the slide layout, whichever reads better; `rows`: one row per
 * step of the relations (the slide layout alone, so depth on screen is the depth of the chains, as
 * the compare view needs), a hierarchy for graphs too large for it; `bands`: one horizontal band
 * per sector tier.
 */
export type LayoutMode = 'hierarchy' | 'rows' | 'bands';

/** Centre of each actor, by id, in graph coordinates. */
export type Positions = Map<string, { x: number; y: number }>;

/** Vertical distance between bands, in graph units; the same on both sides so bands line up (more where actors are too tall for it). */
export const BAND_GAP = 130;

/** Canvas shapes are told apart in steps of a `SHAPE_STEPS`th of a power of two (see `aspectClass`): one slide layout serves every shape of its step. */
const SHAPE_STEPS = 4;

/** Everything besides the data that decides where actors go. */
export const LAYOUT_OPTIONS = {
  hierarchy: DAGRE_OPTIONS,
  layered: { ...LAYER_SPACING, threshold: FAST_LAYOUT_THRESHOLD, relations: DAGRE_MAX_RELATIONS },
  slide: SLIDE_LAYOUT,
  shapeSteps: SHAPE_STEPS,
  tiers: Object.fromEntries(SECTOR_TYPES.map((sector) => [sector, SECTORS[sector].tier])),
  sectorOrder: SECTOR_TYPES,
  componentGap: COMPONENT_GAP,
  bandGap: BAND_GAP,
} as const;

/** A short hash of layout options; part of every layout's key. */
export function layoutVersion(options: unknown): string {
  return contentHash(options);
}

/** The version of the current layout options: layouts made with other options are not reused. */
export const LAYOUT_VERSION = layoutVersion(LAYOUT_OPTIONS);

/** The key of a layout: the options' version and what it depends on besides node sizes. */
export function layoutKey(parts: { graph: string; view?: string; lang: string; fontSize: number; mode: LayoutMode }): string {
  return [LAYOUT_VERSION, parts.graph, parts.view ?? '', parts.lang, parts.fontSize, parts.mode].join('|');
}

/** What to place. */
export interface PlacementRequest {
  elements: readonly ElementDefinition[];
  /** See `layoutKey`; none: nothing is reused or kept. */
  key?: string;
  mode: LayoutMode;
  /** Width over height of the canvas, for packing separate pieces of the graph and for a slide's layout. */
  aspect: number;
  /** Width of the canvas in px, for a slide's layout: type must read at the size the canvas is. */
  width: number;
  /** Keep a computed layout for later visits too (graphs from files). */
  persist: boolean;
  /**
   * For a slide, only a layout made for a canvas of this very shape (see `aspectClass`), not one of
   * a near shape: the canvas above a slide's legend, laid out after the whole canvas's layout left the
   * legend no corner (see `FloatingLegend`), which is near in shape but not what it is fitted into.
   */
  exactShape?: boolean;
}

const positionsOf = (layout: StoredLayout): Positions => new Map(Object.entries(layout.positions).map(([id, [x, y]]) => [id, { x, y }]));

const actorData = (elements: readonly ElementDefinition[]) => elements.filter(({ data }) => data.source === undefined).map(({ data }) => data);

/** Actor id → [width, height]. */
function actorSizes(elements: readonly ElementDefinition[]): Map<string, [number, number]> {
  return new Map(actorData(elements).map((data) => [data.id!, [data.width, data.height]]));
}

/** Keeps positions under the request's key (for later visits too, with `persist`); returns them as kept (rounded). */
function keep(request: PlacementRequest, positions: Positions, { persist = false } = {}): Positions {
  const layout: StoredLayout = {
    sizes: Object.fromEntries(actorSizes(request.elements)),
    positions: Object.fromEntries([...positions].map(([id, { x, y }]) => [id, [Math.round(x), Math.round(y)]])),
  };
  if (request.key) layoutCache.remember(request.key, layout, { persist: persist && request.persist });
  return positionsOf(layout);
}

/**
 * Positions known without dagre: a kept layout for these actors and sizes, or, for a graph with
 * too many actors or relations for dagre (see `fitsDagre`), the layered layout, in bands if asked
 * (quick to make again, so kept for this page only). Undefined when dagre has to run (see
 * `computePlacement`).
 */
export function knownPlacement(request: PlacementRequest): Positions | undefined {
  const sizes = actorSizes(request.elements);
  const relations = request.elements.length - sizes.size;
  const keyed = keyedBySlide(request);
  const known = findNearShape(request, sizes);
  if (known) return positionsOf(known);
  if (fitsDagre(sizes.size, relations)) return undefined;
  const start = performance.now();
  const { nodes, edges } = layerGraph(request.elements);
  const positions = layeredGraphLayout(nodes, edges, { spacing: LAYER_SPACING, aspect: request.aspect, gap: COMPONENT_GAP });
  // bands keep the layered left-to-right order, which keeps related actors near
  const placed = request.mode === 'bands' ? bandPositions(nodes.map((node) => ({ ...node, x: positions.get(node.id)!.x }))) : positions;
  performance.measure('governance-layout', { start });
  return keep(keyed, placed);
}

/** Whether a request is laid out for a slide (see `slideLayout`): a small hierarchy. */
const forSlide = (request: PlacementRequest) => {
  const relations = request.elements.filter(({ data }) => data.source !== undefined).length;
  return request.mode !== 'bands' && fitsSlide(request.elements.length - relations, relations);
};

/** Shapes of canvas this many classes apart (see `aspectClass`) share a slide's layout: 2^(NEAR_SHAPE / SHAPE_STEPS) times wider or narrower. */
const NEAR_SHAPE = 2;

/** A kept layout for the request: for a slide, the one made for the nearest shape of a canvas of its size within `NEAR_SHAPE`. */
function findNearShape(request: PlacementRequest, sizes: Map<string, [number, number]>): StoredLayout | undefined {
  if (!request.key) return undefined;
  if (!forSlide(request)) return layoutCache.find(request.key, sizes);
  const shape = aspectClass(request.aspect);
  for (let distance = 0; distance <= (request.exactShape ? 0 : NEAR_SHAPE); distance++) {
    for (const near of new Set([shape - distance, shape + distance])) {
      const found = layoutCache.find(`${request.key}|${near}|${widthClass(request.width)}`, sizes);
      if (found) return found;
    }
  }
  return undefined;
}

/** A slide's layout follows the canvas's shape and size, so both are part of its key. */
const keyedBySlide = (request: PlacementRequest): PlacementRequest =>
  request.key && forSlide(request) ? { ...request, key: `${request.key}|${aspectClass(request.aspect)}|${widthClass(request.width)}` } : request;

/** The step of a canvas's shape (see `SHAPE_STEPS`): a layout made for one fits its neighbours. */
export function aspectClass(aspect: number): number {
  return Math.round(Math.log2(aspect > 0 && Number.isFinite(aspect) ? aspect : 16 / 9) * SHAPE_STEPS);
}

const aspectOf = (aspectClass: number) => 2 ** (aspectClass / SHAPE_STEPS);

/** Canvas widths are told apart in steps of half a power of two (about 41 %) from a slide's: a half-slide pane is laid out for its own size. */
export function widthClass(width: number): number {
  return Math.round(Math.log2(width > 0 && Number.isFinite(width) ? width / SLIDE_CANVAS_WIDTH : 1) * 2);
}

const widthOf = (widthClass: number) => SLIDE_CANVAS_WIDTH * 2 ** (widthClass / 2);

/** The elements as input to the pure layouts: actors with their sizes and lowest rank, relations with the ranks they span. */
function layerGraph(elements: readonly ElementDefinition[]): { nodes: (LayerNode & { sector: Sector; tier: number })[]; edges: LayerEdge[] } {
  const actors = actorData(elements);
  const tiers = new Map(actors.map((node) => [node.id!, tierOf(node as BandPlacement)]));
  return {
    nodes: actors.map((node) => ({ id: node.id!, sector: node.sector as Sector, tier: tiers.get(node.id!)!, width: node.width, height: node.height, minRank: tiers.get(node.id!)! })),
    edges: elements
      .filter(({ data }) => data.source !== undefined)
      .map(({ data }) => ({ source: data.source, target: data.target, minLen: rankSpan(tiers.get(data.source)!, tiers.get(data.target)!), influence: data.kind === 'influence' })),
  };
}

/**
 * Lays the request's elements out in `cy` (the live instance, or a headless one with the same
 * stylesheet) with dagre or, for a slide, with dagre or the slide layout, whichever reads better
 * (see `acrossShapes`), and keeps the result.
 */
export function computePlacement(cy: Core, request: PlacementRequest): Positions {
  const start = performance.now();
  const slide = forSlide(request);
  let positions: Positions;
  if (request.mode === 'bands') {
    cy.batch(() => layOutBands(cy));
    positions = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  } else if (slide && request.mode === 'rows') positions = inRows(request);
  else {
    // a slide's separate pieces are packed for each shape of its canvas's step, and of those packings and the slide
    // layout, the one that reads best on all the step's shapes is kept: one layout serves every canvas of the step
    const shapes = slide ? stepShapes(request) : [{ width: request.width, aspect: request.aspect }];
    let packings: Positions[] = [];
    cy.batch(() => (packings = layOutHierarchy(cy, shapes.map(({ aspect }) => aspect))));
    positions = slide ? acrossShapes(request, shapes, [...packings, inRows(request)]) : packings[0];
  }
  const kept = keep(keyedBySlide(request), positions, { persist: true });
  // visible in the browser's performance panel and to `npm run bench`
  performance.measure('governance-layout', { start });
  return kept;
}

/** The canvases of the request's step of shape (see `aspectClass`): its narrowest, its middle and its widest, at the step's width. */
const stepShapes = (request: PlacementRequest) => [-0.5, 0, 0.5].map((offset) => ({ width: widthOf(widthClass(request.width)), aspect: aspectOf(aspectClass(request.aspect) + offset) }));

/**
 * Of placements, the one that reads best on all of `canvases` together: fewest goals missed in all,
 * then lowest cost in all (see `judgeAsDrawn`); the first of equals. Dagre's placements come
 * first, so the slide layout wins only by reading better: dagre keeps separate pieces apart, the
 * slide layout wraps wide ranks.
 */
function acrossShapes(request: PlacementRequest, canvases: readonly SlideCanvas[], placements: readonly Positions[]): Positions {
  if (placements.length === 1) return placements[0];
  const { nodes, edges } = layerGraph(request.elements);
  const relations = edges.map((edge, i) => ({ id: String(i), ...edge }));
  const judged = (positions: Positions) => {
    const actors = nodes.map((node) => ({ ...node, ...positions.get(node.id)! }));
    return judgeAsDrawnOn(actors, relations, canvases).reduce((sum, { missed, cost }) => ({ missed: sum.missed + missed, cost: sum.cost + cost }), { missed: 0, cost: 0 });
  };
  const judgements = placements.map(judged);
  return placements[judgements.reduce((best, judgement, i) => (readsBetterThan(judgement, judgements[best]) ? i : best), 0)];
}

/** The slide layout alone (see `LayoutMode`). */
function inRows(request: PlacementRequest): Positions {
  const { nodes, edges } = layerGraph(request.elements);
  return slideLayout(nodes, edges, { spacing: LAYER_SPACING, canvas: slideCanvas(request) });
}

/** The representative canvas of the request's classes: every canvas of the classes gets the same layout. */
const slideCanvas = (request: PlacementRequest) => ({ width: widthOf(widthClass(request.width)), aspect: aspectOf(aspectClass(request.aspect)) });

/** Puts the actors of `cy` where they go: at a layout known without dagre (see `knownPlacement`), or where dagre puts them now. */
export function placeActors(cy: Core, request: PlacementRequest): void {
  const positions = knownPlacement(request) ?? computePlacement(cy, request);
  // one batch: Cytoscape otherwise updates bounds and styles after every single position
  cy.batch(() => cy.nodes().positions((node) => positions.get(node.id()) ?? node.position()));
}

/**
 * The box around actors from their positions and sizes. Cytoscape's own `boundingBox()` measures
 * every label, which takes hundreds of milliseconds on large graphs; our sizes already hold them.
 */
export function extentOf(nodes: NodeCollection): Bounds {
  return extentOfActors(nodes.map((node) => ({ ...node.position(), width: node.data('width'), height: node.data('height') })));
}

/**
 * Each connected component as a hierarchy, then the components packed to each of the canvas shapes
 * `aspects` (see `packComponents`): the placements, one per shape, in their order (one in all for
 * a graph in one piece).
 */
function layOutHierarchy(cy: Core, aspects: readonly number[]): Positions[] {
  const components = cy.elements().components();
  for (const component of components) component.layout(HIERARCHY_LAYOUT).run();
  const laidOut: Positions = new Map(cy.nodes().map((node) => [node.id(), { ...node.position() }]));
  // one piece: one placement, whatever the shape
  if (components.length === 1) return [laidOut];
  const boxes = components.map((component) => extentOf(component.nodes()));
  return aspects.map((aspect) => {
    const corners = packComponents(
      boxes.map((box) => ({ w: box.x2 - box.x1, h: box.y2 - box.y1 })),
      aspect,
      COMPONENT_GAP,
    );
    const packed: Positions = new Map();
    components.forEach((component, i) =>
      component.nodes().forEach((node) => {
        const { x, y } = laidOut.get(node.id())!;
        packed.set(node.id(), { x: x + corners[i].x - boxes[i].x1, y: y + corners[i].y - boxes[i].y1 });
      }),
    );
    return packed;
  });
}

/** Dagre gives a left-to-right order that keeps related actors near; the sector tiers give the height. */
function layOutBands(cy: Core): void {
  cy.elements().layout(HIERARCHY_LAYOUT).run();
  const positions = bandPositions(
    cy.nodes().map((node) => ({ id: node.id(), sector: node.data('sector'), tier: tierOf(node.data()), width: node.data('width'), height: node.data('height'), x: node.position('x') })),
  );
  cy.nodes().positions((node) => positions.get(node.id()) ?? node.position());
}

/** Where each actor goes in a band layout. */
export interface BandPlacement {
  id: string;
  sector: Sector;
  /** The sector's row (see `SectorInfo.tier`); default: the built-in sector's. */
  tier?: number;
  width: number;
  height: number;
  /** Horizontal position from a previous layout, to keep its left-to-right order. */
  x: number;
}

/**
 * Positions for a band layout: every actor at its sector's tier, in the left-to-right order of
 * `x`, spaced so that none overlap, each band centred on x = 0. Tier t sits `t × BAND_GAP` down,
 * or further where tall actors would otherwise touch the band above. Pure.
 */
export function bandPositions(actors: BandPlacement[], gap = 24): Positions {
  const positions: Positions = new Map();
  const tiers = [...new Set(actors.map(tierOf))].sort((a, b) => a - b);
  let above: { y: number; half: number } | undefined;
  for (const tier of tiers) {
    const members = actors.filter((a) => tierOf(a) === tier).sort((a, b) => a.x - b.x || (a.id < b.id ? -1 : 1));
    if (members.length === 0) continue;
    const half = Math.max(...members.map((a) => a.height / 2));
    const y = Math.max(tier * BAND_GAP, above ? above.y + above.half + half + gap : 0);
    const total = members.reduce((sum, a) => sum + a.width, 0) + gap * (members.length - 1);
    let left = -total / 2;
    for (const actor of members) {
      positions.set(actor.id, { x: left + actor.width / 2, y });
      left += actor.width + gap;
    }
    above = { y, half };
  }
  return positions;
}
