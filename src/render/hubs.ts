import type { Core, ElementDefinition } from 'cytoscape';
import { extentOfActors, type PlacedActor } from './layout.js';
import { MIN_ROW_GAP } from './slide-layout.js';
import { fitsSlide } from './slide-metrics.js';

/**
 * Actors that many lines meet are drawn taller, into the free room above and below them, so that
 * their lines meet them apart instead of in one knot: the municipal government of the overview
 * meets twenty-one, along a side of three lines' height. Only where the lines are routed (see
 * `routeRelations`), which spreads their ends along a side; centres stay where the layout put them.
 * Pure, apart from `growHubsIn`, which hands the heights to Cytoscape.
 */

/** Height a hub wants per line that meets it, in graph units: ends this far apart read as separate arrowheads. */
export const HUB_END_ROOM = 5;

/** Least a hub grows, in graph units: room for three more line ends, else it keeps its label's height. */
export const HUB_MIN_GROWTH = 3 * HUB_END_ROOM;

/** An actor where it stands, at its label's size. */
export interface HubActor extends PlacedActor {
  id: string;
}

/**
 * The heights of the actors that grow, by id: each wants `HUB_END_ROOM` per line that meets it, at
 * most its width (a hub grows into a square, not a pillar), and grows as far as the room allows
 * (by `HUB_MIN_GROWTH` at least, or not at all), the same above and below so its label stays centred: a row's gap (`MIN_ROW_GAP`) is kept to every
 * actor above or below it, and it stays within the actors' extent, so the fit keeps its zoom.
 */
export function hubHeights(actors: readonly HubActor[], relations: readonly { source: string; target: string }[]): Map<string, number> {
  const ends = new Map<string, number>();
  for (const { source, target } of relations) if (source !== target) for (const id of [source, target]) ends.set(id, (ends.get(id) ?? 0) + 1);
  const extent = extentOfActors(actors);
  const heights = new Map<string, number>();
  for (const hub of actors) {
    const wanted = Math.min(hub.width, (ends.get(hub.id) ?? 0) * HUB_END_ROOM);
    if (wanted <= hub.height) continue;
    const [top, bottom] = [hub.y - hub.height / 2, hub.y + hub.height / 2];
    let room = Math.min(top - extent.y1, extent.y2 - bottom, (wanted - hub.height) / 2);
    for (const other of actors) {
      if (other === hub || Math.abs(other.x - hub.x) >= (other.width + hub.width) / 2) continue;
      const [otherTop, otherBottom] = [other.y - other.height / 2, other.y + other.height / 2];
      if (otherBottom <= top) room = Math.min(room, top - otherBottom - MIN_ROW_GAP);
      else if (otherTop >= bottom) room = Math.min(room, otherTop - bottom - MIN_ROW_GAP);
      else room = 0;
    }
    // a box a few units taller than its like would look like a slip, not room for lines
    if (2 * room >= HUB_MIN_GROWTH) heights.set(hub.id, hub.height + 2 * room);
  }
  return heights;
}

/**
 * `elements` with the actors that many lines meet drawn taller where they stand (see `hubHeights`):
 * what the screen draws, for exports that draw from the elements. Unchanged for a graph too large to route.
 */
export function withHubsGrown(elements: readonly ElementDefinition[], positions: ReadonlyMap<string, { x: number; y: number }>): readonly ElementDefinition[] {
  const relations = elements.filter(({ data }) => data.source !== undefined).map(({ data }) => ({ source: data.source as string, target: data.target as string }));
  if (!fitsSlide(elements.length - relations.length, relations.length)) return elements;
  const actors = elements.flatMap(({ data }) => (data.source === undefined && positions.has(data.id!) ? [{ id: data.id!, ...positions.get(data.id!)!, width: data.width as number, height: data.height as number }] : []));
  const heights = hubHeights(actors, relations);
  return heights.size ? elements.map((element) => (heights.has(element.data.id!) ? { ...element, data: { ...element.data, height: heights.get(element.data.id!) } } : element)) : elements;
}

/** The data key of a grown actor's height at its label's size (see `growHubsIn`), against which a new scene's sizes are compared. */
export const LABEL_HEIGHT = 'labelHeight';

/**
 * Draws the actors of `cy` that many lines meet taller where they stand (see `hubHeights`), the
 * others at their label's size (`elements`, as the scene sized them), keeping a grown one's own
 * height as `LABEL_HEIGHT`; a graph too large to route keeps every actor at its label's size.
 */
export function growHubsIn(cy: Core, elements: readonly ElementDefinition[]): void {
  const own = new Map(elements.filter(({ data }) => data.source === undefined).map(({ data }) => [data.id!, data.height as number]));
  const grown = withHubsGrown(elements, new Map(cy.nodes().map((node) => [node.id(), node.position()])));
  cy.batch(() => {
    for (const { data } of grown) {
      const node = cy.getElementById(data.id!);
      if (data.source !== undefined || node.empty()) continue;
      if (node.data('height') !== data.height) node.data('height', data.height);
      if (data.height !== own.get(data.id!)) node.data(LABEL_HEIGHT, own.get(data.id!));
      else if (node.data(LABEL_HEIGHT) !== undefined) node.removeData(LABEL_HEIGHT);
    }
  });
}

/** Draws every actor of `cy` at its label's height again (see `growHubsIn`). */
export function atLabelSize(cy: Core): void {
  cy.batch(() => {
    for (const node of cy.nodes(`[${LABEL_HEIGHT}]`)) node.data('height', node.data(LABEL_HEIGHT)).removeData(LABEL_HEIGHT);
  });
}
