import type { ElementDefinition } from 'cytoscape';
import type { ActorData, RelationData } from './elements.js';
import type { Sector } from '../model/types.js';
import type { Look } from './looks.js';
import { SECTOR_STYLES, type SectorStyle } from './palette.js';
import { BUNDLE_STEP, ROUTE_RADIUS, routeRelations, type MarkOptions } from './routing.js';
import { flatSide, outlineOf, SHAPE_POLYGONS, uprightSide } from './shapes.js';
import { fitsSlide } from './slide-metrics.js';

/** Where relations run between placed actors, for every painter that draws without Cytoscape (the slides). */

/** A point in graph coordinates. */
export interface Point {
  x: number;
  y: number;
}

/** One relation as drawn: from where it leaves its source's outline to where it meets its target's, straight or through `control`. */
export interface RelationPath {
  data: RelationData;
  start: Point;
  end: Point;
  /** The control point of a quadratic curve, for one relation of several between the same two actors. */
  control?: Point;
  /** Where a relation routed around actors bends (see `routeRelations`), drawn with rounded corners (see `roundedCorners`). */
  bends?: Point[];
  /** The middle of the line, where the mark of an inferred relation goes. */
  middle: Point;
}

/** What the outline of an actor depends on: its size, and its shape (default: its built-in sector's). */
type Outline = { width: number; height: number; sector: Sector; shape?: SectorStyle['shape'] };

/** Where a line from an actor's centre towards `toward` leaves its outline (as Cytoscape ends a relation there). */
export function exitPoint(centre: Point, actor: Outline, toward: Point): Point {
  const [dx, dy] = [toward.x - centre.x, toward.y - centre.y];
  if (Math.hypot(dx, dy) < 1e-9) return centre;
  const fraction = Math.min(1, exitFraction(actor, dx, dy));
  return { x: centre.x + dx * fraction, y: centre.y + dy * fraction };
}

/** How far from an actor's centre, as a fraction of (dx, dy), a line towards (dx, dy) leaves its outline. */
function exitFraction({ width, height, sector, shape = SECTOR_STYLES[sector]?.shape }: Outline, dx: number, dy: number): number {
  if (shape === 'ellipse') return 1 / Math.hypot(dx / (width / 2), dy / (height / 2));
  // the nearest crossing of an outline side, in coordinates around the centre (every shape is star-shaped from it)
  const corners = (outlineOf(shape, width, height) ?? SHAPE_POLYGONS.rectangle!).map(([x, y]) => ({ x: (x - 0.5) * width, y: (y - 0.5) * height }));
  let nearest = Infinity;
  corners.forEach((p, i) => {
    const q = corners[(i + 1) % corners.length];
    const [ex, ey] = [q.x - p.x, q.y - p.y];
    const denominator = dx * ey - dy * ex;
    if (Math.abs(denominator) < 1e-12) return;
    const along = (p.x * ey - p.y * ex) / denominator;
    const side = (p.x * dy - p.y * dx) / denominator;
    if (along > 0 && side >= 0 && side <= 1) nearest = Math.min(nearest, along);
  });
  return nearest;
}

/**
 * The control point of one relation among several between the same two actors, fanned out on
 * both sides of the straight line as Cytoscape's bezier bundles are (the middle one of an odd
 * bundle stays straight: undefined). `bundle` lists the relations between the two actors in the
 * order they were added; the actor added first is the bundle's start.
 */
function bundleControlPoint(relation: RelationData, bundle: readonly RelationData[], actors: ReadonlyMap<string, ActorData & Point & { order: number }>): Point | undefined {
  const [source, target] = [actors.get(relation.source)!, actors.get(relation.target)!];
  const swapped = source.order > target.order;
  const offset = (0.5 - bundle.length / 2 + bundle.indexOf(relation)) * BUNDLE_STEP * (swapped ? -1 : 1);
  if (offset === 0) return undefined;
  const [a, b] = swapped ? [target, source] : [source, target];
  const [from, to] = [exitPoint(a, a, b), exitPoint(b, b, a)];
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const [nx, ny] = [-(to.y - from.y) / length, (to.x - from.x) / length];
  return { x: (from.x + to.x) / 2 + nx * offset, y: (from.y + to.y) / 2 + ny * offset };
}

/** One piece of a drawn line: straight to `to`, or a quadratic curve through `via`. */
export interface LinePiece {
  to: Point;
  via?: Point;
}

/**
 * A line through `points` with each inner corner rounded off by `radius` (less where its
 * segments are short), as Cytoscape draws round segments: pieces from the first point on.
 */
export function roundedCorners(points: readonly Point[], radius = ROUTE_RADIUS): LinePiece[] {
  const toward = (from: Point, to: Point, distance: number) => {
    const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
    return { x: from.x + ((to.x - from.x) / length) * distance, y: from.y + ((to.y - from.y) / length) * distance };
  };
  const pieces: LinePiece[] = [];
  for (let i = 1; i + 1 < points.length; i++) {
    const [before, corner, after] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(radius, Math.hypot(corner.x - before.x, corner.y - before.y) / 2, Math.hypot(after.x - corner.x, after.y - corner.y) / 2);
    pieces.push({ to: toward(corner, before, r) }, { to: toward(corner, after, r), via: corner });
  }
  if (points.length > 1) pieces.push({ to: points.at(-1)! });
  return pieces;
}

/** The middle of a routed line where Cytoscape puts it: the middle bend, or halfway between the two middle ones. */
const bendsMiddle = (bends: readonly Point[]): Point => {
  const half = bends.length / 2;
  return bends.length % 2 ? bends[Math.floor(half)] : { x: (bends[half - 1].x + bends[half].x) / 2, y: (bends[half - 1].y + bends[half].y) / 2 };
};

const quadraticMidpoint = (a: Point, control: Point, b: Point): Point => ({ x: 0.25 * a.x + 0.5 * control.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * control.y + 0.25 * b.y });

/**
 * The relations to draw, lowest first (by their looks' z-index), each from outline to outline:
 * straight, routed around actors, or fanned out where several join the same two actors, as
 * Cytoscape draws them.
 * Relations hidden by their look or with an end hidden or unplaced are left out, and so are those
 * whose actors overlap (no line between them to draw).
 */
export function relationPaths(elements: readonly ElementDefinition[], positions: ReadonlyMap<string, Point>, looks: ReadonlyMap<string, Partial<Look>>, marks: MarkOptions = {}): RelationPath[] {
  const visible = (id: string) => positions.has(id) && !looks.get(id)?.hidden;
  // actors with their positions and the order they were added in, for bundles
  const placed = new Map<string, ActorData & Point & { order: number; shape?: SectorStyle['shape'] }>();
  for (const { data } of elements) {
    if (data.source === undefined && positions.has(data.id!)) placed.set(data.id!, { ...(data as ActorData), ...positions.get(data.id!)!, order: placed.size, shape: looks.get(data.id!)?.shape });
  }
  const drawn = elements
    .filter(({ data }) => data.source !== undefined && !looks.get(data.id!)?.hidden && visible(data.source) && visible(data.target))
    .map(({ data }) => data as RelationData);
  // relations between the same two actors fan out as in Cytoscape's bezier bundles
  const pairOf = (relation: RelationData) => [relation.source, relation.target].sort().join('\n');
  const bundles = new Map<string, RelationData[]>();
  for (const relation of drawn) {
    const pair = pairOf(relation);
    const bundle = bundles.get(pair);
    if (bundle) bundle.push(relation);
    else bundles.set(pair, [relation]);
  }
  // routed as the screen routes them: round the shown actors, the shown relations only, in a graph that fits a slide as a whole (see `routesIn`)
  const routes = fitsSlide(placed.size, elements.filter(({ data }) => data.source !== undefined).length)
    ? routeRelations(
        [...placed.values()].filter((actor) => visible(actor.id)).map((actor) => ({ ...actor, flat: flatSide(actor.shape, actor.width, actor.height), upright: uprightSide(actor.shape, actor.width, actor.height) })),
        drawn.map((relation) => ({ id: relation.id, source: relation.source, target: relation.target, inferred: relation.inferred === true })),
        marks,
      )
    : new Map<string, Point[]>();
  const paths: RelationPath[] = [];
  for (const data of [...drawn].sort((a, b) => (looks.get(a.id)!.zIndex ?? 0) - (looks.get(b.id)!.zIndex ?? 0))) {
    const [source, target] = [placed.get(data.source)!, placed.get(data.target)!];
    const bends = routes.get(data.id);
    if (bends) {
      paths.push({ data, start: exitPoint(source, source, bends[0]), end: exitPoint(target, target, bends.at(-1)!), bends, middle: bendsMiddle(bends) });
      continue;
    }
    const control = bundleControlPoint(data, bundles.get(pairOf(data))!, placed);
    const start = exitPoint(source, source, control ?? target);
    const end = exitPoint(target, target, control ?? source);
    if (!control && (target.x - source.x) * (end.x - start.x) + (target.y - source.y) * (end.y - start.y) <= 0) continue;
    const middle = control ? quadraticMidpoint(start, control, end) : { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 };
    paths.push({ data, start, end, control, middle });
  }
  return paths;
}
