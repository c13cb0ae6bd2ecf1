import type { Core } from 'cytoscape';
import type { SectorStyle } from './palette.js';
import { flatSide, uprightSide } from './shapes.js';
import { distanceToSegment2, fitsSlide, segmentsCross, segmentThroughBox } from './slide-metrics.js';

/**
 * Where a relation runs when a straight line would cross a third actor: around the actors, by
 * the shortest way along their corners, each bend costing a little length so that routes stay
 * simple; and where a line crossing others can run round them instead, a crossing costing as much
 * length as a few bends. Slide-sized graphs only (see `fitsSlide`): on larger ones lines are hairlines anyway.
 * Pure, apart from `routeRelationsIn`, which hands the routes to Cytoscape.
 */

type Point = { x: number; y: number };

/** An actor's box: centre and size, in graph units. */
export interface RouteActor extends Point {
  id: string;
  width: number;
  height: number;
  /** Share of its width its top and bottom run straight (see `flatSide`); the whole width if absent. */
  flat?: number;
  /** Share of its height both its left and right run straight (see `uprightSide`); the whole height if absent. */
  upright?: number;
}

/** The Cytoscape selector of a routed relation: its bends are in its data. */
export const ROUTED = 'edge[bendWeights]';

/** Radius of a route's rounded bends, in graph units. */
export const ROUTE_RADIUS = 14;

/** A relation between two actors. */
export interface RouteRelation {
  id: string;
  source: string;
  target: string;
  /** The author's reading: carries a mark (∗) at its middle bend, placed clear of other marks (see `placeMarks`). */
  inferred?: boolean;
}

/** Where the marks of inferred relations go (see `placeMarks`). */
export interface MarkOptions {
  /** Radius of a mark in graph units (see `inferredBadge`); none: marks stay at their lines' middles. */
  markRadius?: number;
}

/** Room kept between a route and the actors it passes, in graph units (under half the gap between neighbours, see `LAYER_SPACING`). */
export const ROUTE_CLEARANCE = 9;

/** What a bend costs, in graph units of length: a route bends only to save more than this. */
const BEND_COST = 60;

/** What a crossing of two lines costs, in graph units of length: a line runs this much further, at most, to avoid one. */
const CROSSING_COST = 400;

/** Lines are run round other lines in graphs of up to this many relations (the built-in views have 32 at most): each line's search counts crossings with every other. */
export const UNCROSS_MAX = 40;

/** A line run round others is at most this many times as long as the straight line between its ends: longer, the eye loses it. */
const DETOUR_MAX = 1.6;

/** Cytoscape's default distance between the relations of one bundle (`control-point-step-size`), in graph units. */
export const BUNDLE_STEP = 40;

/** Distance between relations that share a route, in graph units. */
const BUNDLE_GAP = 7;

/** A straight line passing this close to a third actor counts as through it. */
const GRAZE = 3;

type Box = { x1: number; y1: number; x2: number; y2: number };

const boxOf = (actor: RouteActor, margin: number): Box => ({
  x1: actor.x - actor.width / 2 - margin,
  y1: actor.y - actor.height / 2 - margin,
  x2: actor.x + actor.width / 2 + margin,
  y2: actor.y + actor.height / 2 + margin,
});

const inside = (p: Point, box: Box) => p.x > box.x1 && p.x < box.x2 && p.y > box.y1 && p.y < box.y2;

/**
 * The bends of each relation whose straight line would cross a third actor, in graph units, from
 * source to target, of each that runs round other lines where that saves crossings (see `uncross`),
 * of each that meets a busy side of an actor at a place of its own (see `spreadPorts`),
 * and, given a `markRadius`, of each inferred relation whose mark is placed along its line (see
 * `placeMarks`); relations that run straight, or find no way around, are left out. Relations
 * between the same two actors share a route, side by side; unrouted, they run apart through the
 * middles of the curves Cytoscape would fan them out on.
 */
export function routeRelations(actors: readonly RouteActor[], relations: readonly RouteRelation[], { markRadius }: MarkOptions = {}): Map<string, Point[]> {
  const routes = new Map<string, Point[]>();
  if (!fitsSlide(actors.length, relations.length)) return routes;
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  // relations between the same two actors take one route, side by side
  const bundles = new Map<string, RouteRelation[]>();
  for (const relation of relations) {
    const pair = [relation.source, relation.target].sort().join('\n');
    bundles.set(pair, [...(bundles.get(pair) ?? []), relation]);
  }

  // lines keep out of these boxes and bend at their corners, just outside; a bundle keeps further out by its half width
  const networks = new Map<number, Network>();
  const networkFor = (margin: number) => networks.get(margin) ?? networks.set(margin, network(actors, margin)).get(margin)!;

  const place = (bundle: readonly RouteRelation[], route: readonly Point[], gap = BUNDLE_GAP) => {
    const [source, target] = [byId.get(bundle[0].source)!, byId.get(bundle[0].target)!];
    // side by side across the line between the two actors, each in its own direction
    const [dx, dy] = [target.x - source.x, target.y - source.y];
    const length = Math.hypot(dx, dy) || 1;
    bundle.forEach((relation, k) => {
      const offset = (k - (bundle.length - 1) / 2) * gap;
      const bends = route.map((p) => ({ x: p.x - (dy / length) * offset, y: p.y + (dx / length) * offset }));
      if (bends.length) routes.set(relation.id, relation.source === source.id ? bends : bends.reverse());
      else routes.delete(relation.id);
    });
  };
  const marginOf = (bundle: readonly RouteRelation[]) => ROUTE_CLEARANCE + ((bundle.length - 1) / 2) * BUNDLE_GAP;
  // unrouted, a bundle fans out as Cytoscape's curves do, its lines half their control points' distance apart; lines that
  // each carry a mark part as far as marks need to stand side by side
  const fanGap = (bundle: readonly RouteRelation[]) =>
    markRadius && bundle.every((relation) => relation.inferred) ? Math.max(BUNDLE_STEP / 2, 2 * markRadius + MARK_GAP) : BUNDLE_STEP / 2;

  const drawn: Line[] = [];
  for (const bundle of bundles.values()) {
    const [source, target] = [byId.get(bundle[0].source), byId.get(bundle[0].target)];
    if (!source || !target || source === target) continue;
    const ends = new Set([source.id, target.id]);
    const line: Line = { bundle, source, target, bends: [] };
    drawn.push(line);
    const bulge = ((bundle.length - 1) / 2) * fanGap(bundle);
    const straightThrough = actors.some((actor) => !ends.has(actor.id) && segmentThroughBox(source, target, boxOf(actor, GRAZE + bulge)));
    if (!straightThrough) continue;
    const route = shortestRoute(source, target, networkFor(marginOf(bundle)));
    if (!route) continue;
    line.bends = route;
    place(bundle, route);
  }
  if (relations.length <= UNCROSS_MAX) uncross(drawn, (line) => networkFor(marginOf(line.bundle)), place);
  // a fan is drawn as segments through the middles of the curves Cytoscape would draw (their control points' distance
  // halved): each of its lines can then meet a busy side at a place of its own, and a mark move along its line. The
  // middle of the part drawn between the two boxes: the centres' middle lies inside a wide actor beside a small one, and
  // Cytoscape draws no line whose first bend is inside its source (see `fanGap` for marks: two actors close together leave
  // no room for one mark past the other along the lines)
  for (const bundle of bundles.values()) {
    const [source, target] = [byId.get(bundle[0].source), byId.get(bundle[0].target)];
    if (bundle.length > 1 && !routes.has(bundle[0].id) && source && target && source !== target) {
      const middle = (exitDistance(source, target) + lengthOf([source, target]) - exitDistance(target, source)) / 2;
      place(bundle, [pointAlong([source, target], middle)], fanGap(bundle));
    }
  }
  spreadPorts(byId, relations, routes, networkFor(ROUTE_CLEARANCE).clear);
  const marks = markRadius ? placeMarks(byId, relations, (relation) => relation.inferred === true, routes, markRadius) : new Map<string, number>();
  for (const relation of relations) {
    const bends = routes.get(relation.id);
    const mark = marks.get(relation.id);
    if (!bends && mark === undefined) continue;
    const [source, target] = [byId.get(relation.source)!, byId.get(relation.target)!];
    const points = [source, ...(bends ?? []), target];
    const placed = withMiddleBend(source, target, bends ?? [], mark ?? lengthOf(points) / 2);
    if (placed) routes.set(relation.id, placed);
  }
  return routes;
}

/** Places along its visible line a mark may take, as shares of that line from its middle outwards: near an end it would meet an arrowhead. */
const MARK_PLACES = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

/** Room kept between a mark and another mark or an actor, in graph units. */
const MARK_GAP = 8;

/**
 * Where each inferred relation's mark goes, as a distance along its line from its source's centre:
 * the middle of the part drawn between the two actors, unless another mark, an actor or another
 * line is there; then the nearest place along it that is clear (see `MARK_PLACES`), or the least
 * covered, of those where its bend can go (see `withMiddleBend`; none: it stays at the middle). Marks meeting stack two ∗ into a blot that reads as neither; one on another line reads
 * as that line's. In the order given, each clear of those placed before it.
 */
function placeMarks(
  byId: ReadonlyMap<string, RouteActor>,
  relations: readonly RouteRelation[],
  marked: (relation: RouteRelation) => boolean,
  routes: ReadonlyMap<string, Point[]>,
  radius: number,
): Map<string, number> {
  const actors = [...byId.values()];
  const drawn = relations.filter(({ source, target }) => byId.has(source) && byId.has(target) && source !== target);
  const lineOf = (relation: RouteRelation) => [byId.get(relation.source)!, ...(routes.get(relation.id) ?? []), byId.get(relation.target)!];
  const lines = new Map(drawn.map((relation) => [relation, lineOf(relation)]));
  const placed: Point[] = [];
  const marks = new Map<string, number>();
  for (const relation of drawn.filter(marked)) {
    const [source, target] = [byId.get(relation.source)!, byId.get(relation.target)!];
    const points = lines.get(relation)!;
    // the part drawn: from where the line leaves its source's box to where it meets its target's
    const [from, to] = [exitDistance(source, points[1]), lengthOf(points) - exitDistance(target, points.at(-2)!)];
    if (!(to > from)) continue;
    // a mark or an actor in the way weighs more than a line under it
    const covered = (at: Point) =>
      10 * placed.filter((mark) => Math.hypot(mark.x - at.x, mark.y - at.y) < 2 * radius + MARK_GAP).length +
      10 * actors.filter((actor) => inside(at, boxOf(actor, radius + MARK_GAP))).length +
      drawn.filter((other) => other !== relation && nearLine(at, lines.get(other)!, radius)).length;
    // only where its bend can go (see `withMiddleBend`), each place's cover counted once
    const candidates = MARK_PLACES.map((share) => from + share * (to - from))
      .filter((distance) => withMiddleBend(source, target, routes.get(relation.id) ?? [], distance))
      .map((distance) => ({ distance, at: pointAlong(points, distance) }))
      .map((place) => ({ ...place, cover: covered(place.at), room: roomAround(place.at, actors) }));
    if (candidates.length === 0) continue;
    // of places as covered, the one furthest from any actor: a line hugging an actor still has a stretch clear of its glow
    const best = candidates.reduce((a, b) => (b.cover < a.cover || (b.cover === a.cover && b.room > a.room) ? b : a));
    placed.push(best.at);
    marks.set(relation.id, best.distance);
  }
  return marks;
}

/** How far `at` is from the nearest actor's box. */
const roomAround = (at: Point, actors: readonly RouteActor[]) =>
  Math.min(...actors.map((actor) => Math.hypot(Math.max(0, Math.abs(at.x - actor.x) - actor.width / 2), Math.max(0, Math.abs(at.y - actor.y) - actor.height / 2))));

/** Whether `at` is within `distance` of the line through `points`. */
const nearLine = (at: Point, points: readonly Point[], distance: number) => points.slice(1).some((p, i) => distanceToSegment2(at, points[i], p) < distance ** 2);

/** How far from an actor's centre a line towards `toward` leaves its box. */
function exitDistance(actor: RouteActor, toward: Point): number {
  const [dx, dy] = [Math.abs(toward.x - actor.x), Math.abs(toward.y - actor.y)];
  const length = Math.hypot(dx, dy);
  if (length === 0) return 0;
  return length * Math.min(dx > 0 ? actor.width / 2 / dx : Infinity, dy > 0 ? actor.height / 2 / dy : Infinity, 1);
}

/** The point `distance` along the line through `points`. */
function pointAlong(points: readonly Point[], distance: number): Point {
  let left = distance;
  for (let i = 1; i < points.length; i++) {
    const [a, b] = [points[i - 1], points[i]];
    const length = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= length || i === points.length - 1) {
      const t = length > 0 ? Math.min(1, left / length) : 0;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    left -= length;
  }
  return points[0];
}

/**
 * The bends of a line (none: straight) with one more `along` its length from the source's centre,
 * made its middle bend by points along straight stretches: Cytoscape puts a relation's mark (∗)
 * at its middle bend, which would otherwise be a corner beside an actor. Undefined when a new
 * point would fall inside either end's actor, where Cytoscape could not end the line.
 */
function withMiddleBend(source: RouteActor, target: RouteActor, bends: readonly Point[], along: number): Point[] | undefined {
  const points = [source, ...bends, target];
  const lengths = points.slice(1).map((p, i) => Math.hypot(p.x - points[i].x, p.y - points[i].y));
  let segment = 0;
  while (segment < lengths.length - 1 && along > lengths[segment]) along -= lengths[segment++];
  const [a, b] = [points[segment], points[segment + 1]];
  const t = lengths[segment] > 0 ? along / lengths[segment] : 0.5;
  const middle = { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
  // bends before the middle one, and after; a bend the middle falls on is the middle (twice, Cytoscape would round a
  // corner of no length, and draw neither it nor a mark there)
  const apart = (p: Point) => Math.hypot(p.x - middle.x, p.y - middle.y) > 1e-6;
  const [before, after] = [bends.slice(0, segment).filter(apart), bends.slice(segment).filter(apart)];
  // points on the straight stretch next to the middle, on the side with fewer bends, until both sides have as many: near
  // the middle, which is clear of both ends (a mark placed near one end leaves little of the stretch outside its actor)
  const toward = (p: Point, q: Point, t: number) => ({ x: p.x + (q.x - p.x) * t, y: p.y + (q.y - p.y) * t });
  while (before.length < after.length) before.push(toward(middle, before.at(-1) ?? source, 0.1));
  while (after.length < before.length) after.unshift(toward(middle, after[0] ?? target, 0.1));
  const added = [...before, middle, ...after].filter((point) => !bends.includes(point));
  const ends = [boxOf(source, GRAZE), boxOf(target, GRAZE)];
  return added.some((point) => ends.some((box) => inside(point, box))) ? undefined : [...before, middle, ...after];
}

/** An actor with at least this many relations leaving through one of its sides gives each its own place along that side. */
const PORTS_FROM = 4;

/** Where a line whose own place along a busy side is blocked (its line from there would run through another actor) may meet the side instead: shares of the way from that place to where it would meet it unspread. */
const PORT_FALLBACKS = [0.25, 0.5, 0.75];

/** Ports keep this far from a side's ends, in graph units. */
const PORT_INSET = 8;

/** A side of an actor's box: along the x axis (top, bottom) or the y axis (left, right), and whether it faces the axis's far end (bottom, right). */
type Side = { along: 'x' | 'y'; far: boolean };

/** The side of an actor's box a line from its centre toward `toward` leaves by. */
function sideToward(actor: RouteActor, toward: Point): Side {
  const [dx, dy] = [toward.x - actor.x, toward.y - actor.y];
  return Math.abs(dy) * actor.width >= Math.abs(dx) * actor.height ? { along: 'x', far: dy > 0 } : { along: 'y', far: dx > 0 };
}

/**
 * Gives the relations that leave a busy side of an actor each its own place along that side, in
 * the order of where they go, so that lines fan out from the side instead of meeting at one point
 * with their arrowheads stacked (a line leaves by the side it heads for: one to a far neighbour a
 * little lower leaves by the left or right, not along the bottom to its corner): a first (or last)
 * bend just outside the side, where it is clear of other actors; a line that would run from its
 * place through another actor meets the side nearer where it would unspread, as far from the others
 * as it can, or keeps its line.
 */
function spreadPorts(
  byId: ReadonlyMap<string, RouteActor>,
  relations: readonly RouteRelation[],
  routes: Map<string, Point[]>,
  clear: Network['clear'],
): void {
  type End = { relation: RouteRelation; atSource: boolean; toward: Point };
  const sides = new Map<string, { actor: RouteActor; side: Side; ends: End[] }>();
  for (const relation of relations) {
    const [source, target] = [byId.get(relation.source), byId.get(relation.target)];
    if (!source || !target || source === target) continue;
    const bends = routes.get(relation.id) ?? [];
    for (const atSource of [true, false]) {
      const actor = atSource ? source : target;
      const toward = atSource ? (bends[0] ?? target) : (bends.at(-1) ?? source);
      const side = sideToward(actor, toward);
      const key = `${actor.id}\n${side.along}\n${side.far}`;
      const entry = sides.get(key) ?? sides.set(key, { actor, side, ends: [] }).get(key)!;
      entry.ends.push({ relation, atSource, toward });
    }
  }
  for (const { actor, side, ends } of sides.values()) {
    if (ends.length < PORTS_FROM) continue;
    // x along a top or bottom, y along a left or right side; `across` the other
    const across = side.along === 'x' ? 'y' : 'x';
    const [length, depth] = side.along === 'x' ? [actor.width, actor.height] : [actor.height, actor.width];
    // in order along the side by the slope of where each goes, so that neighbouring lines do not cross at the side
    const slope = ({ toward }: End) => (toward[side.along] - actor[side.along]) / Math.abs(toward[across] - actor[across]);
    ends.sort((a, b) => slope(a) - slope(b) || (a.relation.id < b.relation.id ? -1 : 1));
    const half = depth / 2;
    // along the straight part of the side only: a slanted or round one would end the line elsewhere
    const usable = length * ((side.along === 'x' ? actor.flat : actor.upright) ?? 1) - 2 * PORT_INSET;
    if (usable <= 0) continue;
    // a bend just outside the side, placed so that the line from it to the actor's centre crosses the side at `exit`
    const portAt = (exit: number) => {
      const port = { x: 0, y: 0 };
      port[side.along] = actor[side.along] + ((exit - actor[side.along]) * (half + ROUTE_CLEARANCE)) / half;
      port[across] = actor[across] + (side.far ? 1 : -1) * (half + ROUTE_CLEARANCE);
      return port;
    };
    const clearFrom = (end: End, exit: number) => {
      const port = portAt(exit);
      return clear(actor, port, new Set([actor.id])) && clear(port, end.toward, new Set([end.relation.source, end.relation.target]));
    };
    // each its own place, evenly along the side
    const spreads = ends.map((_, i) => actor[side.along] - usable / 2 + (usable * (i + 0.5)) / ends.length);
    // lines that keep the place where they would meet the side unspread
    const kept = ends.map(() => false);
    const exits = ends.map((end, i) => (clearFrom(end, spreads[i]) ? spreads[i] : undefined));
    // where the line from its own place would run through another actor: where it would meet the side unspread (keeping
    // its line), or a clear place on the way there further from the places taken (see `PORT_FALLBACKS`)
    ends.forEach((end, i) => {
      if (exits[i] !== undefined) return;
      const straight = actor[side.along] + slope(end) * half;
      const taken = exits.filter((exit): exit is number => exit !== undefined);
      const room = (exit: number) => Math.min(Infinity, ...taken.map((other) => Math.abs(other - exit)));
      const candidates = PORT_FALLBACKS.map((share) => spreads[i] + (straight - spreads[i]) * share).filter((exit) => clearFrom(end, exit));
      exits[i] = candidates.reduce((best, exit) => (room(exit) > room(best) + 1e-9 ? exit : best), straight);
      kept[i] = exits[i] === straight;
    });
    ends.forEach(({ relation, atSource }, i) => {
      if (kept[i]) return;
      const bends = routes.get(relation.id) ?? [];
      routes.set(relation.id, atSource ? [portAt(exits[i]!), ...bends] : [...bends, portAt(exits[i]!)]);
    });
  }
}

/** A bundle of relations between two actors as drawn: its bends (none when straight), from `bundle[0]`'s source. */
interface Line {
  bundle: readonly RouteRelation[];
  source: RouteActor;
  target: RouteActor;
  bends: readonly Point[];
}

const pointsOf = (line: Line, bends = line.bends): Point[] => [line.source, ...bends, line.target];

/** Length of a line through `points`. */
const lengthOf = (points: readonly Point[]) => points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p.x - points[i].x, p.y - points[i].y), 0);

/** Length of a route plus what its bends cost. */
const routeCost = (points: readonly Point[]) => lengthOf(points) + BEND_COST * (points.length - 2);

/** Times `uncross` goes over the lines while one still improves: later passes rarely find more. */
const UNCROSS_PASSES = 3;

/** How many relations of `rivals` the route through `points` crosses, each once (a bundle counts each of its relations). */
function crossingsOfRoute(points: readonly Point[], rivals: readonly Line[]): number {
  return rivals.reduce((count, rival) => {
    const theirs = pointsOf(rival);
    for (let i = 1; i < points.length; i++) for (let j = 1; j < theirs.length; j++) if (segmentsCross(points[i - 1], points[i], theirs[j - 1], theirs[j])) return count + rival.bundle.length;
    return count;
  }, 0);
}

/**
 * Runs lines that cross others round them where that costs less length than the crossings it
 * saves (see `CROSSING_COST`): the most crossed first, again while any line improves. A crossing with
 * a line that shares an actor does not count, as `measureSlide` counts none.
 */
function uncross(lines: Line[], networkOf: (line: Line) => Network, place: (bundle: readonly RouteRelation[], route: readonly Point[]) => void): void {
  const rivalsOf = (line: Line) =>
    lines.filter((other) => other !== line && other.source !== line.source && other.source !== line.target && other.target !== line.source && other.target !== line.target);
  for (let pass = 0; pass < UNCROSS_PASSES; pass++) {
    const crossed = lines.map((line) => ({ line, rivals: rivalsOf(line) })).map((entry) => ({ ...entry, count: crossingsOfRoute(pointsOf(entry.line), entry.rivals) }));
    crossed.sort((a, b) => b.count - a.count);
    let improved = false;
    for (const { line, rivals } of crossed) {
      // a bundle's every relation crosses what the line crosses
      const weight = line.bundle.length;
      const before = weight * crossingsOfRoute(pointsOf(line), rivals);
      if (before === 0) continue;
      const route = shortestRoute(line.source, line.target, networkOf(line), {
        penalty: (a, b) => weight * CROSSING_COST * crossingsOfRoute([a, b], rivals),
        maxLength: DETOUR_MAX * Math.hypot(line.target.x - line.source.x, line.target.y - line.source.y),
        // a bundle left straight is drawn as Cytoscape's curves, which may bulge into an actor
        straight: weight === 1,
      });
      if (!route) continue;
      const points = pointsOf(line, route);
      const after = weight * crossingsOfRoute(points, rivals);
      if (after >= before || routeCost(points) + CROSSING_COST * after >= routeCost(pointsOf(line)) + CROSSING_COST * before) continue;
      line.bends = route;
      place(line.bundle, route);
      improved = true;
    }
    if (!improved) return;
  }
}

/** Where routes may bend (actors' corners, `margin` out) and which of those points see each other past every actor. */
interface Network {
  corners: (Point & { owner: string })[];
  sees: boolean[][];
  /** Whether the line ab keeps out of every actor's box but those of `except`. */
  clear: (a: Point, b: Point, except: ReadonlySet<string>) => boolean;
}

function network(actors: readonly RouteActor[], margin: number): Network {
  const keepOut = actors.map((actor) => ({ id: actor.id, box: boxOf(actor, margin - 1) }));
  const corners = actors.flatMap((actor) => {
    const { x1, y1, x2, y2 } = boxOf(actor, margin);
    return [
      { x: x1, y: y1 },
      { x: x2, y: y1 },
      { x: x2, y: y2 },
      { x: x1, y: y2 },
    ]
      .filter((corner) => !keepOut.some(({ box }) => inside(corner, box)))
      .map((corner) => ({ ...corner, owner: actor.id }));
  });
  const clear = (a: Point, b: Point, except: ReadonlySet<string>) => keepOut.every(({ id, box }) => except.has(id) || !segmentThroughBox(a, b, box));
  const none = new Set<string>();
  return { corners, clear, sees: corners.map((a, i) => corners.map((b, j) => j !== i && clear(a, b, none))) };
}

/** What a route round other lines may cost and how long it may be (see `uncross`). */
interface Detour {
  /** Cost of a stretch from a to b beyond its length: the crossings it makes. */
  penalty: (a: Point, b: Point) => number;
  /** Longest route allowed, in graph units: a longer cheapest route is no route. */
  maxLength: number;
  /** Whether the straight line competes too (an empty route when it wins). */
  straight: boolean;
}

/**
 * Dijkstra from the source's centre to the target's over the network's corners (each a bend), lines
 * leaving each end through its own box only. With a `detour`, each stretch pays its penalty, the straight
 * line may compete, and the cheapest route is dropped when it is too long.
 */
function shortestRoute(source: RouteActor, target: RouteActor, { corners, sees, clear }: Network, detour?: Detour): Point[] | undefined {
  const [fromSource, toTarget] = [new Set([source.id]), new Set([target.id])];
  const penalty = detour?.penalty;
  const cost = (a: Point, b: Point) => Math.hypot(b.x - a.x, b.y - a.y) + (penalty?.(a, b) ?? 0);
  // the ends' own corners would only lead a line back across its own actor
  const usable = corners.map((corner) => corner.owner !== source.id && corner.owner !== target.id);
  const n = corners.length;
  const distance = new Float64Array(n).fill(Infinity);
  const previous = new Int32Array(n).fill(-1);
  const done = new Uint8Array(n);
  const reachesTarget = corners.map((corner, i) => usable[i] && clear(corner, target, toTarget));
  for (let i = 0; i < n; i++) if (usable[i] && clear(source, corners[i], fromSource)) distance[i] = cost(source, corners[i]) + BEND_COST;
  const straight = detour?.straight && clear(source, target, new Set([source.id, target.id]));
  let best = straight ? cost(source, target) : Infinity;
  let last = -1;
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!done[i] && distance[i] < Infinity && (u < 0 || distance[i] < distance[u])) u = i;
    if (u < 0 || distance[u] >= best) break;
    done[u] = 1;
    if (reachesTarget[u]) {
      const total = distance[u] + cost(corners[u], target);
      if (total < best) [best, last] = [total, u];
    }
    for (let v = 0; v < n; v++) {
      if (done[v] || !usable[v] || !sees[u][v]) continue;
      // the cheap part first: a stretch longer than the best so far needs no penalty counted
      const length = Math.hypot(corners[v].x - corners[u].x, corners[v].y - corners[u].y) + BEND_COST;
      if (distance[u] + length >= Math.min(distance[v], best)) continue;
      const through = distance[u] + length + (penalty?.(corners[u], corners[v]) ?? 0);
      if (through < distance[v]) [distance[v], previous[v]] = [through, u];
    }
  }
  if (last < 0) return straight ? [] : undefined;
  const route: Point[] = [];
  for (let v = last; v >= 0; v = previous[v]) route.unshift({ x: corners[v].x, y: corners[v].y });
  return detour && lengthOf([source, ...route, target]) > detour.maxLength ? undefined : route;
}

/**
 * A route as Cytoscape's `segments` edges take it: each bend as a weight along the line between
 * the two actors' centres and a distance along its normal (−dy, dx): to its right on screen, where y
 * points down (with `edge-distances: node-position`).
 */
export function segmentsOf(source: Point, target: Point, bends: readonly Point[]): { weights: number[]; distances: number[] } {
  const [dx, dy] = [target.x - source.x, target.y - source.y];
  const length = Math.hypot(dx, dy) || 1;
  return {
    weights: bends.map((p) => ((p.x - source.x) * dx + (p.y - source.y) * dy) / length ** 2),
    distances: bends.map((p) => ((p.y - source.y) * dx - (p.x - source.x) * dy) / length),
  };
}

/**
 * The bends of the relations of `cy` around its actors where they stand (see `routeRelations`), by
 * relation id, in graph units; round what is shown only: a hidden actor (a sector hidden, a step not
 * yet shown) leaves no bend round an empty place, a hidden relation no detour round itself.
 */
export function routesIn(cy: Core, marks: MarkOptions = {}, hidden: ReadonlySet<string> = new Set()): Map<string, Point[]> {
  // a graph too large to route as a whole is not routed on any step of it either: its lines keep one look throughout
  if (!fitsSlide(cy.nodes().length, cy.edges().length)) return new Map();
  const shown = (id: string) => !hidden.has(id);
  const actors = cy
    .nodes()
    .map((node) => ({
      id: node.id(),
      ...node.position(),
      width: node.data('width') as number,
      height: node.data('height') as number,
      flat: flatSide(node.style('shape') as SectorStyle['shape'], node.data('width'), node.data('height')),
      upright: uprightSide(node.style('shape') as SectorStyle['shape'], node.data('width'), node.data('height')),
    }))
    .filter((actor) => shown(actor.id));
  const relations = cy
    .edges()
    .map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id(), inferred: edge.data('inferred') === true }))
    .filter((relation) => shown(relation.id) && shown(relation.source) && shown(relation.target));
  return routeRelations(actors, relations, marks);
}

/** Routes the shown relations of `cy` around its shown actors (see `routesIn`): routed ones get their bends as data, which the stylesheet draws (see `ROUTED`). */
export function routeRelationsIn(cy: Core, marks: MarkOptions = {}, hidden: ReadonlySet<string> = new Set()): void {
  const routes = routesIn(cy, marks, hidden);
  cy.batch(() => {
    for (const edge of cy.edges()) {
      const bends = routes.get(edge.id());
      if (!bends) {
        if (edge.data('bendWeights') !== undefined) edge.removeData('bendWeights bendDistances');
        continue;
      }
      const { weights, distances } = segmentsOf(edge.source().position(), edge.target().position(), bends);
      edge.data({ bendWeights: weights.join(' '), bendDistances: distances.join(' ') });
    }
  });
}
