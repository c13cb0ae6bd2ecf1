/**
 * How a drawn graph reads on a slide, from what is on screen: the size of its labels, actors
 * overlapping, relations crossing or drawn through a third actor, and how much of the canvas it
 * fills. Pure geometry in screen pixels, so the same figures come from a test, from
 * `npm run slide-check`, and from any other page.
 */
import type { Core, EdgeSingular } from 'cytoscape';
import type { TypeLimit } from '../model/messages.js';
import { extentOfActors, FIT_PADDING } from './layout.js';

/** An actor's box on screen, in px: centre and size. */
export interface ShownActor {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A relation between two shown actors: a line between their centres, or as drawn through `points`. */
export interface ShownRelation {
  id: string;
  source: string;
  target: string;
  /** The line as drawn, end to end, when it is not straight between the centres (routed around actors, or fanned out). */
  points?: readonly Point[];
}

/** What is on screen. */
export interface ShownSlide {
  actors: readonly ShownActor[];
  relations: readonly ShownRelation[];
  /** Label type size on screen, in px (font size times zoom). */
  labelPx: number;
  /** The canvas the graph is fitted into, in px. */
  width: number;
  height: number;
}

/** The figures of a slide (see `measureSlide`). */
export interface SlideFigures {
  labelPx: number;
  /** Pairs of actors whose boxes (labels included) overlap. */
  overlaps: [string, string][];
  /** Pairs of relations whose lines cross (relations sharing an actor never count). */
  crossings: [string, string][];
  /** A relation and an actor its line passes through that it does not join. */
  passThroughs: { relation: string; actor: string }[];
  /** Width and height of the actors' extent over the canvas's, each from 0 to 1. */
  fill: { width: number; height: number };
  /** Share of the canvas the actors' boxes cover. */
  density: number;
  /** What keeps the labels from growing (see `typeLimit`). */
  limit: TypeLimit;
}

/** What a slide must reach to be read from the back of a lecture hall (see the README's "Slide check"). */
export const SLIDE_GOALS = {
  /** Smallest label on screen, px, by theme: the projector theme is for halls. */
  labelPx: { projector: 18, light: 14, dark: 14 },
  overlaps: 0,
  passThroughs: 0,
  crossings: 4,
  /** The graph fills this much of the canvas one way … */
  fillMajor: 0.85,
  /** … and this much the other. */
  fillMinor: 0.6,
  /** Above this share of the canvas covered by boxes at the goal's type size, there is no room left for lines: split the view. */
  density: 0.4,
} as const;

/** Above this many actors or twice as many relations, a graph is not one slide: dagre or the layered layout place it. */
export const SLIDE_LAYOUT_MAX = 40;

/** Whether `slideLayout` places a graph of this many actors and relations. */
export function fitsSlide(actors: number, relations: number): boolean {
  return actors <= SLIDE_LAYOUT_MAX && relations <= 2 * SLIDE_LAYOUT_MAX;
}

/** A box shrunk by this many px before testing a line against it: a line grazing a corner is not through it. */
const GRAZE = 2;

type Point = { x: number; y: number };

const orientation = (a: Point, b: Point, c: Point) => Math.sign((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x));

/**
 * Lines closer than this, in px, meet to the eye: two routes bent round the same corner of an
 * actor look crossed there, though neither passes over the other. The layout and the routing count
 * in graph units with the same number (a slide's zoom is near 1).
 */
const MEET = 1;

/** Squared distance from p to segment ab. */
export function distanceToSegment2(p: Point, a: Point, b: Point): number {
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  const t = dx === 0 && dy === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy)));
  return (a.x + t * dx - p.x) ** 2 + (a.y + t * dy - p.y) ** 2;
}

/** Whether segments ab and cd cross, or meet within `MEET` (see there). */
export function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  // segments whose boxes are apart cannot cross (most pairs, cheaply)
  if (Math.max(a.x, b.x) + MEET < Math.min(c.x, d.x) || Math.max(c.x, d.x) + MEET < Math.min(a.x, b.x) || Math.max(a.y, b.y) + MEET < Math.min(c.y, d.y) || Math.max(c.y, d.y) + MEET < Math.min(a.y, b.y)) return false;
  const [o1, o2, o3, o4] = [orientation(a, b, c), orientation(a, b, d), orientation(c, d, a), orientation(c, d, b)];
  if (o1 * o2 < 0 && o3 * o4 < 0) return true;
  const near = MEET * MEET;
  return distanceToSegment2(c, a, b) <= near || distanceToSegment2(d, a, b) <= near || distanceToSegment2(a, c, d) <= near || distanceToSegment2(b, c, d) <= near;
}

/** Whether segment ab passes through the box (Liang–Barsky clipping). Allocates nothing: a layout search calls it millions of times. */
export function segmentThroughBox(a: Point, b: Point, box: { x1: number; y1: number; x2: number; y2: number }): boolean {
  // a segment wholly to one side of the box misses it
  if (Math.max(a.x, b.x) < box.x1 || Math.min(a.x, b.x) > box.x2 || Math.max(a.y, b.y) < box.y1 || Math.min(a.y, b.y) > box.y2) return false;
  const [dx, dy] = [b.x - a.x, b.y - a.y];
  let t0 = 0;
  let t1 = 1;
  // the four sides in turn: left, right, top, bottom
  for (let side = 0; side < 4; side++) {
    const p = side === 0 ? -dx : side === 1 ? dx : side === 2 ? -dy : dy;
    const q = side === 0 ? a.x - box.x1 : side === 1 ? box.x2 - a.x : side === 2 ? a.y - box.y1 : box.y2 - a.y;
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return false;
  }
  return t1 - t0 > 0;
}

const boxOf = ({ x, y, width, height }: ShownActor, inset = 0) => ({ x1: x - width / 2 + inset, y1: y - height / 2 + inset, x2: x + width / 2 - inset, y2: y + height / 2 - inset });

/** Whether some element of `xs` and some of `ys` meet `test`; plain loops, as a layout search calls it millions of times. */
function anyPair<T>(xs: readonly T[], ys: readonly T[], test: (x: T, y: T) => boolean): boolean {
  for (const x of xs) for (const y of ys) if (test(x, y)) return true;
  return false;
}

/** How many faults a placement with straight lines has, and its extent (see `straightFaults`). */
export interface StraightFaults {
  overlaps: number;
  crossings: number;
  passThroughs: number;
  extent: { width: number; height: number };
}

/**
 * `measureSlide`'s counts for straight lines between centres, over plain arrays indexed by actor,
 * allocating nothing per pair: a layout search judges some 10⁴ placements. Same figures as
 * `measureSlide` (a test compares them).
 */
export function straightFaults(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  width: ArrayLike<number>,
  height: ArrayLike<number>,
  links: readonly (readonly [number, number])[],
): StraightFaults {
  const n = x.length;
  let overlaps = 0;
  let crossings = 0;
  let passThroughs = 0;
  let x1 = Infinity;
  let y1 = Infinity;
  let x2 = -Infinity;
  let y2 = -Infinity;
  for (let i = 0; i < n; i++) {
    const left = x[i] - width[i] / 2;
    const top = y[i] - height[i] / 2;
    const right = x[i] + width[i] / 2;
    const bottom = y[i] + height[i] / 2;
    x1 = Math.min(x1, left);
    y1 = Math.min(y1, top);
    x2 = Math.max(x2, right);
    y2 = Math.max(y2, bottom);
    for (let j = i + 1; j < n; j++) {
      if (left < x[j] + width[j] / 2 && x[j] - width[j] / 2 < right && top < y[j] + height[j] / 2 && y[j] - height[j] / 2 < bottom) overlaps++;
    }
  }
  const [a, b, c, d] = [
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
    { x: 0, y: 0 },
  ];
  const box = { x1: 0, y1: 0, x2: 0, y2: 0 };
  for (let p = 0; p < links.length; p++) {
    const [s, t] = links[p];
    a.x = x[s];
    a.y = y[s];
    b.x = x[t];
    b.y = y[t];
    for (let q = p + 1; q < links.length; q++) {
      const [u, v] = links[q];
      if (u === s || u === t || v === s || v === t) continue;
      c.x = x[u];
      c.y = y[u];
      d.x = x[v];
      d.y = y[v];
      if (segmentsCross(a, b, c, d)) crossings++;
    }
    for (let i = 0; i < n; i++) {
      if (i === s || i === t) continue;
      box.x1 = x[i] - width[i] / 2 + GRAZE;
      box.y1 = y[i] - height[i] / 2 + GRAZE;
      box.x2 = x[i] + width[i] / 2 - GRAZE;
      box.y2 = y[i] + height[i] / 2 - GRAZE;
      if (segmentThroughBox(a, b, box)) passThroughs++;
    }
  }
  return { overlaps, crossings, passThroughs, extent: n ? { width: x2 - x1, height: y2 - y1 } : { width: 0, height: 0 } };
}

/** The figures of a slide as shown. Pure. */
export function measureSlide(slide: ShownSlide): SlideFigures {
  const { actors, relations } = slide;
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const [boxes, grazed] = [actors.map((actor) => boxOf(actor)), actors.map((actor) => boxOf(actor, GRAZE))];
  const overlaps: [string, string][] = [];
  for (let i = 0; i < actors.length; i++) {
    for (let j = i + 1; j < actors.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2) overlaps.push([actors[i].id, actors[j].id]);
    }
  }
  const lines = relations.flatMap((relation) => {
    const [source, target] = [byId.get(relation.source), byId.get(relation.target)];
    if (!source || !target || source === target) return [];
    const points = relation.points && relation.points.length >= 2 ? relation.points : [source, target];
    return [{ relation, source, target, segments: points.slice(1).map((point, i) => [points[i], point] as const) }];
  });
  const crossings: [string, string][] = [];
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const [p, q] = [lines[i], lines[j]];
      if (q.source === p.source || q.source === p.target || q.target === p.source || q.target === p.target) continue;
      if (anyPair(p.segments, q.segments, ([a, b], [c, d]) => segmentsCross(a, b, c, d))) crossings.push([p.relation.id, q.relation.id]);
    }
  }
  const passThroughs: { relation: string; actor: string }[] = [];
  for (const { relation, source, target, segments } of lines) {
    for (let i = 0; i < actors.length; i++) {
      if (actors[i] === source || actors[i] === target) continue;
      for (const [a, b] of segments) {
        if (!segmentThroughBox(a, b, grazed[i])) continue;
        passThroughs.push({ relation: relation.id, actor: actors[i].id });
        break;
      }
    }
  }
  const extent = extentOfActors(actors);
  const covered = actors.reduce((sum, { width, height }) => sum + width * height, 0);
  return {
    labelPx: slide.labelPx,
    overlaps,
    crossings,
    passThroughs,
    fill: actors.length ? { width: (extent.x2 - extent.x1) / slide.width, height: (extent.y2 - extent.y1) / slide.height } : { width: 0, height: 0 },
    density: covered / (slide.width * slide.height),
    limit: typeLimit(slide),
  };
}

/** Actors whose centres are this close in px stand in one row (a layout puts a row's centres level). */
const LEVEL = 0.5;

/** How many of the largest actors `typeLimit` names at most. */
const LARGEST = 2;

/**
 * What keeps a slide's labels from growing (see `TypeLimit`): the way the graph fills the room the
 * fit has (the canvas but its padding), and the actors larger than the usual that take that room. Pure.
 */
export function typeLimit({ actors, width: canvasWidth, height: canvasHeight }: ShownSlide): TypeLimit {
  const rows: ShownActor[][] = [];
  for (const actor of [...actors].sort((a, b) => a.y - b.y)) {
    const row = rows.at(-1);
    if (row && actor.y - row[0].y <= LEVEL) row.push(actor);
    else rows.push([actor]);
  }
  const { x1, y1, x2, y2 } = extentOfActors(actors);
  // the fit stops where the graph fills the room one way: the fuller of the two
  const along = (x2 - x1) / (canvasWidth - 2 * FIT_PADDING) >= (y2 - y1) / (canvasHeight - 2 * FIT_PADDING) ? 'width' : 'height';
  const rowWidth = (row: ShownActor[]) => row.reduce((sum, actor) => sum + actor.width, 0);
  const widest = rows.reduce<ShownActor[]>((best, row) => (rowWidth(row) > rowWidth(best) ? row : best), []);
  // along the height each row counts by its tallest actor; along the width, the widest row by its actors
  const [sizes, size] =
    along === 'height'
      ? [rows.map((row) => row.reduce((tallest, actor) => (actor.height > tallest.height ? actor : tallest))), (actor: ShownActor) => actor.height]
      : [widest, (actor: ShownActor) => actor.width];
  const usual = median(sizes.map(size));
  const largest = sizes.filter((actor) => size(actor) > usual + LEVEL).sort((a, b) => size(b) - size(a));
  return { along, rows: rows.length, widestRow: widest.length, largest: largest.slice(0, LARGEST).map((actor) => actor.id) };
}

/** The middle of some numbers (the mean of the middle two of an even count); 0 for none. */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length === 0 ? 0 : sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A goal a slide misses, as a short key and the figures involved. */
export type SlideShortfall =
  | { goal: 'labelPx'; actual: number; wanted: number; limit?: TypeLimit }
  | { goal: 'overlaps' | 'passThroughs' | 'crossings'; actual: number; wanted: number }
  | { goal: 'fill'; actual: [number, number]; wanted: [number, number] }
  | { goal: 'split'; actual: number; wanted: number };

/**
 * The goals of `SLIDE_GOALS` that a slide misses, for a theme. `split` when, even at the goal's
 * type size, the actors' boxes alone would cover more of the canvas than leaves room for lines.
 */
export function slideShortfalls(figures: SlideFigures, theme: keyof typeof SLIDE_GOALS.labelPx): SlideShortfall[] {
  const goals = SLIDE_GOALS;
  const wantedPx = goals.labelPx[theme];
  const shortfalls: SlideShortfall[] = [];
  if (figures.labelPx < wantedPx) {
    // boxes grow with the square of the type size
    const densityAtGoal = figures.density * (wantedPx / figures.labelPx) ** 2;
    const crowded = densityAtGoal > goals.density;
    // with too many actors splitting is the advice; otherwise what holds the type back says which labels to shorten
    shortfalls.push({ goal: 'labelPx', actual: figures.labelPx, wanted: wantedPx, ...(crowded ? {} : { limit: figures.limit }) });
    if (crowded) shortfalls.push({ goal: 'split', actual: densityAtGoal, wanted: goals.density });
  }
  for (const goal of ['overlaps', 'passThroughs', 'crossings'] as const) {
    const actual = figures[goal].length;
    if (actual > goals[goal]) shortfalls.push({ goal, actual, wanted: goals[goal] });
  }
  const [major, minor] = [Math.max(figures.fill.width, figures.fill.height), Math.min(figures.fill.width, figures.fill.height)];
  if (major < goals.fillMajor || minor < goals.fillMinor) shortfalls.push({ goal: 'fill', actual: [major, minor], wanted: [goals.fillMajor, goals.fillMinor] });
  return shortfalls;
}

/** Pieces a curve is measured in. */
const CURVE_STEPS = 8;

/** A relation's line as Cytoscape draws it, in screen px: through its bends, or along its curve (one quadratic piece per control point, as Cytoscape joins them). */
function drawnLine(edge: EdgeSingular): Point[] {
  const [zoom, pan] = [edge.cy().zoom(), edge.cy().pan()];
  const shown = ({ x, y }: Point) => ({ x: x * zoom + pan.x, y: y * zoom + pan.y });
  // the model's points: their rendered forms throw where an edge has none
  const [start, end] = [shown(edge.sourceEndpoint()), shown(edge.targetEndpoint())];
  const bends = edge.segmentPoints();
  if (bends?.length) return [start, ...bends.map(shown), end];
  const controls = edge.controlPoints()?.map(shown);
  if (!controls?.length) return [start, end];
  const points: Point[] = [start];
  let from = start;
  controls.forEach((control, i) => {
    const next = controls[i + 1];
    const to = next ? { x: (control.x + next.x) / 2, y: (control.y + next.y) / 2 } : end;
    for (let k = 1; k <= CURVE_STEPS; k++) {
      const t = k / CURVE_STEPS;
      points.push({ x: (1 - t) ** 2 * from.x + 2 * t * (1 - t) * control.x + t ** 2 * to.x, y: (1 - t) ** 2 * from.y + 2 * t * (1 - t) * control.y + t ** 2 * to.y });
    }
    from = to;
  });
  return points;
}

/** What a live Cytoscape instance shows: its visible actors and relations, in screen pixels. */
export function shownSlide(cy: Core): ShownSlide {
  const nodes = cy.nodes(':visible');
  const actors = nodes.map((node) => ({ id: node.id(), ...node.renderedPosition(), width: node.renderedOuterWidth(), height: node.renderedOuterHeight() }));
  const relations = cy.edges(':visible').map((edge) => ({ id: edge.id(), source: edge.source().id(), target: edge.target().id(), points: drawnLine(edge) }));
  const sizes = nodes.map((node) => parseFloat(node.renderedStyle('font-size')));
  return { actors, relations, labelPx: sizes.length ? Math.min(...sizes) : 0, width: cy.width(), height: cy.height() };
}
