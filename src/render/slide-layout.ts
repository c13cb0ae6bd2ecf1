import { TIERS } from '../model/vocabulary.js';
import { longestPathRanks, type LayerEdge, type LayerNode, type LayerSpacing } from './fast-layout.js';
import { extentOfActors, FIT_PADDING, fitViewport, MAX_FIT_ZOOM, withPoints } from './layout.js';
import { THEME_COLOURS } from './palette.js';
import { routeRelations } from './routing.js';
import { measureSlide, SLIDE_GOALS, SLIDE_LAYOUT_MAX, straightFaults, type ShownActor, type ShownRelation, type StraightFaults } from './slide-metrics.js';
import { labelSize } from './typography.js';

/**
 * A layout for a graph that must read on one slide: ranked top-down like a hierarchy, but with
 * wide ranks wrapped into rows and rows spread to the canvas's shape, so that the fit zooms in
 * instead of out; then the order in each row is searched for the fewest relations crossing or
 * passing through an actor, and single actors are moved to other rows where that uncrosses lines
 * (see `regroup`), then annealed where a slide still misses a goal with lines crossing (see `anneal`). Small graphs only
 * (see `SLIDE_LAYOUT_MAX`): the search measures the whole picture at every step. Pure and deterministic.
 */

/**
 * How much each fault weighs against the others: `small` per halving of the type below the goal,
 * `zoom` per doubling above it, `wrap` per rank wrapped into one more row, `against` per relation
 * drawn upwards although its source leads (an arrow against the reading of the page), `unfilled`
 * per share of the canvas left empty below the fill goal (a tall column on a wide slide; across, only
 * actors side by side count, see `sideBySide`). A straight
 * line through an actor costs little (the relation is routed around it, see `routing.ts`: only
 * the detour is lost); crossings weigh more, as routing cannot undo them. Missing a goal of
 * `SLIDE_GOALS` costs more than coming near it: `excess` per crossing beyond the goal's, `missed`
 * once for type below the goal's size (a slide that misses a goal fails in the hall, whatever else).
 */
const WEIGHTS = { overlap: 1000, small: 200, missed: 100, passThrough: 2, crossing: 8, excess: 20, against: 10, unfilled: 400, zoom: 1, wrap: 3 } as const;

/** A slide's canvas, in px wide: what a layout is made for while its canvas has no size yet. */
export const SLIDE_CANVAS_WIDTH = 1200;

/** The canvas a slide layout is made for: its width in px and its width over its height. */
export interface SlideCanvas {
  width: number;
  aspect: number;
}

/** Width and height in px a fit has for the graph on a canvas: all of it but the fit's padding. */
function usable({ width, aspect }: SlideCanvas): { width: number; height: number } {
  return { width: Math.max(1, width - 2 * FIT_PADDING), height: Math.max(1, width / aspect - 2 * FIT_PADDING) };
}

/** The zoom at which labels reach the slide goal's type size in every theme (node sizes grow with the theme's type). */
export const GOAL_ZOOM = Math.max(...Object.entries(SLIDE_GOALS.labelPx).map(([theme, px]) => px / labelSize(THEME_COLOURS[theme as keyof typeof THEME_COLOURS].scale)));

/** Rows are spread apart at most this many times the spacing, to fill a canvas taller than the graph. */
const MAX_SPREAD = 3.5;

/**
 * A rank of fewer actors keeps one row whatever the canvas: rows read as levels, and wrapping a
 * few partners under a city would draw a flat model as a layered one.
 */
const WRAP_FROM = 7;

/** A model of at most this many ranks is flat (one actor and those it relates to): its partners may stand beside it (see `liftBeside`). */
const FLAT_RANKS = 2;

/** Lines an actor meets from which it is a hub, to stand amid the actors it meets (see `centreHubs`). */
const HUB_FROM = 6;

/** The shares of the way to the middle of what it meets that a hub is moved, tried in turn (see `centreHubs`). */
const HUB_SHARES = [1, 0.75, 0.5, 0.25] as const;

/** Passes of the order search; each tries every swap of two near places in a row and every move to a sibling row. */
const SEARCH_PASSES = 4;

/**
 * Above this many actors rows are neither regrouped (see `regroup`) nor annealed (see `anneal`): their
 * moves grow with actors times places (regrouping a 19-actor view takes ~0.5 s in Chromium on a 2-core
 * laptop, 3× the rest of the layout; annealing about as long again per width).
 */
const REGROUP_MAX = 24;

/**
 * The annealing after the search (see `anneal`): how many placements it tries, its starting and
 * final temperature in units of cost (a crossing costs `WEIGHTS.crossing`, and one beyond the goal's
 * `WEIGHTS.excess` more: early on, a move costing two crossings within the goal is taken about a third
 * of the time), its seed, and from how many of the widths that read best after the search it starts.
 */
const ANNEAL = { steps: 15_000, hot: 16, cold: 0.5, seed: 1, widths: 3 } as const;

/** A small, fast, seeded generator of numbers in [0, 1) (mulberry32): the same layout every time. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How far apart two places of a row may be for the search to swap them. */
const SWAP_REACH = 3;

/**
 * How badly a placement reads on a canvas: overlaps, relations through actors and crossings, and
 * type below the goal once fitted (see `SLIDE_GOALS`), with lines as given (straight between
 * centres unless they have `points`). Lower is better; see `judgeAsDrawn` for lines as drawn.
 */
export function slideCost(actors: readonly ShownActor[], relations: readonly ShownRelation[], canvas: SlideCanvas): number {
  return judgeOn(actors, relations)(canvas).cost;
}

/** How a placement reads as drawn (see `judgeAsDrawn`). */
export interface SlideJudgement {
  /** How many of the goals of `SLIDE_GOALS` it misses: more crossings, smaller type, less of the canvas filled, overlaps. */
  missed: number;
  /** `slideCost`. */
  cost: number;
  /** How many pairs of relations cross. */
  crossings: number;
  /** How many relations run through an actor they do not join. */
  passThroughs: number;
}

/**
 * A placement judged with its relations routed round actors as the element will draw them (see
 * `routeRelations`): straight lines flatter a placement whose lines must bend round actors and then
 * cross others.
 */
export function judgeAsDrawn(actors: readonly ShownActor[], relations: readonly ShownRelation[], canvas: SlideCanvas): SlideJudgement {
  return judgeAsDrawnOn(actors, relations, [canvas])[0];
}

/** A placement judged as drawn (see `judgeAsDrawn`) on each of several canvases, its lines routed and measured once. */
export function judgeAsDrawnOn(actors: readonly ShownActor[], relations: readonly ShownRelation[], canvases: readonly SlideCanvas[]): SlideJudgement[] {
  const byId = new Map(actors.map((actor) => [actor.id, actor]));
  const routes = routeRelations(actors, relations);
  const drawn = relations.map((relation) => {
    const bends = routes.get(relation.id);
    return bends ? { ...relation, points: [byId.get(relation.source)!, ...bends, byId.get(relation.target)!] } : relation;
  });
  const onCanvas = judgeOn(actors, drawn);
  return canvases.map(onCanvas);
}

/** Whether judgement `a` reads better than `b`: it misses fewer goals, or as many at a lower cost (a slide that misses a goal fails in the hall, whatever else). */
export const readsBetterThan = (a: Pick<SlideJudgement, 'missed' | 'cost'>, b: Pick<SlideJudgement, 'missed' | 'cost'>) => a.missed < b.missed || (a.missed === b.missed && a.cost < b.cost);

/**
 * A placement measured once (in graph units: its faults do not depend on the canvas), to be judged on any canvas: its
 * cost (see `slideCost`) and the goals it misses.
 * Its extent is what the element fits: the actors and the lines routed round them, which may run outside them.
 */
function judgeOn(actors: readonly ShownActor[], relations: readonly ShownRelation[]): (canvas: SlideCanvas) => SlideJudgement {
  const figures = measureSlide({ actors, relations, labelPx: 1, width: 1, height: 1 });
  const height = new Map(actors.map((actor) => [actor.id, actor.y]));
  const against = relations.reduce((sum, { source, target }) => sum + againstPage(height.get(source)!, height.get(target)!), 0);
  const box = withPoints(extentOfActors(actors), relations.flatMap((relation) => relation.points ?? []));
  const extent = actors.length ? { width: box.x2 - box.x1, height: box.y2 - box.y1 } : { width: 0, height: 0 };
  const faults = { overlaps: figures.overlaps.length, crossings: figures.crossings.length, passThroughs: figures.passThroughs.length, extent };
  const across = sideBySide(Float64Array.from(actors, (actor) => actor.x), Float64Array.from(actors, (actor) => actor.y), Float64Array.from(actors, (actor) => actor.width));
  return (canvas) => ({ cost: costOf(faults, across, against, canvas), missed: missedGoals(faults, across, canvas), crossings: faults.crossings, passThroughs: faults.passThroughs });
}

/** How much a relation runs against the page: relations come top-down (see `toElements`), a source below its target is drawn against it, one beside it half so. */
const againstPage = (sourceY: number, targetY: number) => Math.sign(sourceY - targetY) / 2 + 0.5;

/**
 * The zoom of a fit of an extent into the canvas, and the share of the canvas the fitted graph fills the other way (one
 * way it fills all): across, as far as actors stand side by side (see `sideBySide`).
 */
function fitted(extent: StraightFaults['extent'], across: number, canvas: SlideCanvas): { zoom: number; fills: number } {
  const room = usable(canvas);
  const zoom = fitViewport({ x1: 0, y1: 0, x2: extent.width, y2: extent.height }, canvas.width, canvas.width / canvas.aspect)?.zoom ?? 0;
  return { zoom, fills: Math.min((across * zoom) / room.width, (extent.height * zoom) / room.height) };
}

/**
 * How wide a placement stands for the fill goal: from the leftmost to the rightmost actor of the rows
 * of two or more actors, in graph units (a row's centres are level). A single actor moved aside fills
 * nothing: it only stretches its lines (a chain of one actor a row would otherwise zigzag across the slide).
 */
function sideBySide(x: ArrayLike<number>, y: ArrayLike<number>, width: ArrayLike<number>): number {
  const rows = new Map<number, { left: number; right: number; count: number }>();
  for (let v = 0; v < x.length; v++) {
    const [left, right] = [x[v] - width[v] / 2, x[v] + width[v] / 2];
    const row = rows.get(y[v]);
    if (row) Object.assign(row, { left: Math.min(row.left, left), right: Math.max(row.right, right), count: row.count + 1 });
    else rows.set(y[v], { left, right, count: 1 });
  }
  let [left, right] = [Infinity, -Infinity];
  for (const row of rows.values()) if (row.count > 1) [left, right] = [Math.min(left, row.left), Math.max(right, row.right)];
  return right > left ? right - left : 0;
}

/** The cost of a placement's faults (see `slideCost`), with its extent and how wide it stands (see `sideBySide`) in graph units. */
function costOf({ overlaps, crossings, passThroughs, extent }: StraightFaults, across: number, against: number, canvas: SlideCanvas): number {
  const { zoom, fills } = fitted(extent, across, canvas);
  const faults =
    WEIGHTS.overlap * overlaps +
    WEIGHTS.passThrough * passThroughs +
    WEIGHTS.crossing * crossings +
    WEIGHTS.excess * Math.max(0, crossings - SLIDE_GOALS.crossings) +
    WEIGHTS.against * against +
    WEIGHTS.unfilled * Math.max(0, SLIDE_GOALS.fillMinor - fills);
  return faults + (zoom < GOAL_ZOOM ? WEIGHTS.missed : 0) + WEIGHTS.small * Math.max(0, Math.log2(GOAL_ZOOM / zoom)) - WEIGHTS.zoom * Math.log2(zoom);
}

/** How many goals of `SLIDE_GOALS` a placement misses once fitted (see `SlideJudgement`). */
function missedGoals({ overlaps, crossings, passThroughs, extent }: StraightFaults, across: number, canvas: SlideCanvas): number {
  const { zoom, fills } = fitted(extent, across, canvas);
  return [overlaps > SLIDE_GOALS.overlaps, passThroughs > SLIDE_GOALS.passThroughs, crossings > SLIDE_GOALS.crossings, zoom < GOAL_ZOOM, fills < SLIDE_GOALS.fillMinor].filter(Boolean).length;
}

/** An empty place in a row: the search moves actors by swapping them with it. */
const EMPTY = -1;

/** More room between neighbours in a row that a relation joins: for its arrowhead and its mark (∗) to show, in graph units. */
const PARTNER_GAP = 28;

/** Smallest gap between rows when a graph is too tall for its canvas: room for an arrowhead and a mark. */
export const MIN_ROW_GAP = 36;

/** Raised whenever the search itself changes (not only its numbers): layouts cached by older code are then not reused. */
const SEARCH_REVISION = 4;

/** Everything that shapes a slide layout besides the data (part of `LAYOUT_OPTIONS`). */
export const SLIDE_LAYOUT = { revision: SEARCH_REVISION, extent: 'routed', fillAcross: 'side by side', max: SLIDE_LAYOUT_MAX, regroupMax: REGROUP_MAX, leaders: TIERS.leaders, anneal: ANNEAL, padding: FIT_PADDING, maxZoom: MAX_FIT_ZOOM, goalZoom: GOAL_ZOOM, weights: WEIGHTS, wrapFrom: WRAP_FROM, maxSpread: MAX_SPREAD, minRowGap: MIN_ROW_GAP, partnerGap: PARTNER_GAP, flat: { ranks: FLAT_RANKS }, hubs: { from: HUB_FROM, shares: HUB_SHARES }, passes: SEARCH_PASSES, reach: SWAP_REACH } as const;

type Rows = number[][];

/**
 * Positions for a small graph on a canvas (its width in px and its shape). Ranks come from
 * `longestPathRanks`; each rank takes one row or, when wider than the chosen width, several.
 * Rows are spread across the width, with a few empty places that let the search move actors
 * out of the way of lines.
 */
export function slideLayout(nodes: LayerNode[], edges: LayerEdge[], { spacing, canvas }: { spacing: LayerSpacing; canvas: SlideCanvas }): Map<string, { x: number; y: number }> {
  if (nodes.length === 0) return new Map();
  const room = usable(canvas);
  // the shape of what the fit fills
  const aspect = room.width / room.height;
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const links = edges.flatMap((edge) => {
    const [s, t] = [index.get(edge.source), index.get(edge.target)];
    return s === undefined || t === undefined || s === t ? [] : [[s, t] as const];
  });
  const neighbours = nodes.map(() => [] as number[]);
  for (const [s, t] of links) neighbours[s].push(t), neighbours[t].push(s);
  // one rank per step down, whatever sector tiers a relation spans: a slide has no height to spare, and a model without
  // layers (a city and its partners) stays flat; tiers order a rank's actors instead, so that wrapping keeps sectors apart
  const { rank, order } = longestPathRanks(
    nodes.map((node) => ({ ...node, minRank: 0 })),
    edges.map((edge) => ({ ...edge, minLen: 1 })),
  );
  const tier = (v: number) => nodes[v].minRank ?? 0;
  // ranks no actor sits in (a sector tier this graph lacks) take no room on a slide; each starts in discovery order
  const used = [...new Set(rank)].sort((a, b) => a - b);
  const discovered = [...order].reverse();
  const ranks: number[][] = used.map((r) => discovered.filter((v) => rank[v] === r));
  const actorsIn = (row: number[]) => row.filter((v) => v !== EMPTY);
  const rowWidth = (row: number[]) => {
    const actors = actorsIn(row);
    return actors.reduce((sum, v) => sum + nodes[v].width, 0) + spacing.nodeSep * Math.max(0, actors.length - 1);
  };

  const y = new Float64Array(nodes.length);
  const x = new Float64Array(nodes.length);

  /** Places rows: each place of a row an equal share of the width, actors pushed apart where they would touch; rows spread to the canvas's shape. */
  const place = (rows: Rows, width: number) => {
    const heights = rows.map((row) => Math.max(...actorsIn(row).map((v) => nodes[v].height)));
    const tight = heights.reduce((sum, h) => sum + h, 0);
    const gap = rows.length > 1 ? Math.min(spacing.rankSep * MAX_SPREAD, Math.max(MIN_ROW_GAP, (width / aspect - tight) / (rows.length - 1))) : 0;
    let top = 0;
    rows.forEach((row, r) => {
      const actors = actorsIn(row);
      for (const v of actors) y[v] = top + heights[r] / 2;
      top += heights[r] + gap;
      const wanted = row.flatMap((v, i) => (v === EMPTY ? [] : [((i + 0.5) / row.length - 0.5) * width]));
      spreadWithin(actors, wanted, width);
    });
  };

  /**
   * Room between two neighbours of a row for the relations joining them: in a flat model, room for each one's arrowhead and
   * mark (partners lifted beside their city, see `liftBeside`); in a layered one, room for one, as its rows' width is its
   * type size (with room for each, the English overview under a title fell below the goal).
   */
  const partnerRoom = (a: number, b: number) => {
    const joined = neighbours[a].filter((u) => u === b).length;
    return PARTNER_GAP * (ranks.length <= FLAT_RANKS ? joined : Math.min(joined, 1));
  };

  /** Least distance between the centres of two neighbours of a row. */
  const gapBetween = (a: number, b: number) => (nodes[a].width + nodes[b].width) / 2 + spacing.nodeSep + partnerRoom(a, b);

  /** Puts a row's actors as near their wanted centres as order, gaps and the width allow. */
  const spreadWithin = (row: number[], wanted: number[], width: number) => {
    const gapAfter = (i: number) => gapBetween(row[i], row[i + 1]);
    const last = row.length - 1;
    const right = new Float64Array(row.length);
    const left = new Float64Array(row.length);
    for (let i = 0; i <= last; i++) right[i] = i === 0 ? Math.max(wanted[i], -width / 2 + nodes[row[0]].width / 2) : Math.max(wanted[i], right[i - 1] + gapAfter(i - 1));
    for (let i = last; i >= 0; i--) left[i] = i === last ? Math.min(wanted[i], width / 2 - nodes[row[last]].width / 2) : Math.min(wanted[i], left[i + 1] - gapAfter(i));
    // each pass keeps order and gaps, so their mean does too; then the row is moved back inside the width
    row.forEach((v, i) => (x[v] = (right[i] + left[i]) / 2));
    const over = x[row[last]] + nodes[row[last]].width / 2 - width / 2;
    const under = -width / 2 - (x[row[0]] - nodes[row[0]].width / 2);
    const shift = over > 0 ? -over : under > 0 ? under : 0;
    for (const v of row) x[v] += shift;
  };

  const relations = links.map(([s, t], i) => ({ id: String(i), source: String(s), target: String(t) }));
  const actorWidths = Float64Array.from(nodes, (node) => node.width);
  const actorHeights = Float64Array.from(nodes, (node) => node.height);
  const cost = (rows: Rows, width: number) => judged(rows, width).cost;
  // lines straight between centres: what the search can afford to judge at every step
  const judged = (rows: Rows, width: number) => {
    place(rows, width);
    const faults = straightFaults(x, y, actorWidths, actorHeights, links);
    let against = 0;
    for (const [s, t] of links) against += againstPage(y[s], y[t]);
    return { cost: costOf(faults, sideBySide(x, y, actorWidths), against, canvas), crossings: faults.crossings };
  };

  /** The height of rows as placed at a width, actors' own heights included. */
  const heightOf = (rows: Rows, width: number) => {
    place(rows, width);
    const { y1, y2 } = extentOfActors(rows.flatMap(actorsIn).map((v) => ({ x: x[v], y: y[v], width: nodes[v].width, height: nodes[v].height })));
    return y2 - y1;
  };

  /** What wrapping costs: `WEIGHTS.wrap` per row more than ranks. */
  const wrapCost = (rows: Rows) => WEIGHTS.wrap * (rows.length - ranks.length);

  /** Rows judged with their relations as the element will draw them (see `judgeAsDrawn`); a rank wrapped into more rows costs a little. */
  const asDrawn = (rows: Rows, width: number): SlideJudgement => {
    place(rows, width);
    return asPlaced(rows);
  };

  /** Rows judged as `asDrawn` does, their actors where they stand now. */
  const asPlaced = (rows: Rows): SlideJudgement => {
    const actors = nodes.map((node, v) => ({ id: String(v), x: x[v], y: y[v], width: node.width, height: node.height }));
    const judgement = judgeAsDrawn(actors, relations, canvas);
    return { ...judgement, cost: judgement.cost + wrapCost(rows) };
  };

  /** Wraps each rank into rows no wider than `width`, in order, widths balanced; then adds empty places where there is room. */
  const wrap = (width: number): Rows =>
    ranks.flatMap((unsorted) => {
      const members = [...unsorted].sort((a, b) => tier(a) - tier(b));
      const count = members.length < WRAP_FROM ? 1 : Math.max(1, Math.ceil(rowWidth(members) / width));
      const rows: Rows = Array.from({ length: count }, () => []);
      const share = rowWidth(members) / count;
      let filled = 0;
      for (const v of members) {
        rows[Math.min(count - 1, Math.floor(filled / share))].push(v);
        filled += nodes[v].width + spacing.nodeSep;
      }
      return rows
        .filter((row) => row.length > 0)
        .map((row) => {
          const mean = rowWidth(row) / row.length;
          // one empty place at each end, if there is room for both: the search moves them inwards where a line needs the room
          const room = Math.floor((width + spacing.nodeSep) / (mean + spacing.nodeSep)) - row.length >= 2 ? 1 : 0;
          return [...Array<number>(room).fill(EMPTY), ...row, ...Array<number>(room).fill(EMPTY)];
        });
    });

  /** Barycenter sweeps over rank order, before rows exist, to start the search from a sensible order. */
  const orderRanks = () => {
    const position = new Float64Array(nodes.length);
    ranks.forEach((members) => members.forEach((v, i) => (position[v] = i / Math.max(1, members.length - 1))));
    for (let sweep = 0; sweep < 6; sweep++) {
      const sequence = sweep % 2 === 0 ? ranks : [...ranks].reverse();
      for (const members of sequence) {
        const key = new Map(members.map((v) => [v, neighbours[v].length ? neighbours[v].reduce((sum, u) => sum + position[u], 0) / neighbours[v].length : position[v]]));
        members.sort((a, b) => key.get(a)! - key.get(b)! || a - b);
        members.forEach((v, i) => (position[v] = i / Math.max(1, members.length - 1)));
      }
    }
  };

  /** Local search: swaps of neighbouring places in a row (an actor with an empty place moves it) and moves between rows of one rank, kept when they lower the cost. */
  const search = (rows: Rows, width: number) => {
    const rankOf = (row: number[]) => rank[actorsIn(row)[0]];
    let best = cost(rows, width);
    // rows regrouped or annealed mix ranks: a move between them keeps leaders above what they lead, as those did
    let breaches = leaderBreaches(rows);
    for (let pass = 0; pass < SEARCH_PASSES; pass++) {
      let improved = false;
      const attempt = (change: () => void, undo: () => void, breachesAfter?: () => number) => {
        change();
        const after = breachesAfter?.();
        if (after !== undefined && after > breaches) return undo();
        const next = cost(rows, width);
        if (next < best - 1e-9) {
          best = next;
          improved = true;
          breaches = after ?? breaches;
        } else undo();
      };
      for (const row of rows) {
        for (let i = 0; i + 1 < row.length; i++) {
          for (let j = i + 1; j < Math.min(row.length, i + 1 + SWAP_REACH); j++) {
            if (row[i] === EMPTY && row[j] === EMPTY) continue;
            const swap = () => ([row[i], row[j]] = [row[j], row[i]]);
            attempt(swap, swap);
          }
        }
      }
      for (let r = 0; r < rows.length; r++) {
        for (const other of [r - 1, r + 1]) {
          if (other < 0 || other >= rows.length || rankOf(rows[other]) !== rankOf(rows[r])) continue;
          for (let i = 0; i < rows[r].length && actorsIn(rows[r]).length > 1; i++) {
            const v = rows[r][i];
            // sectors stay in rows of their own (market apart from society) once a rank is wrapped
            if (v === EMPTY || rowWidth([...rows[other], v]) > width || !actorsIn(rows[other]).some((u) => tier(u) === tier(v))) continue;
            for (let j = 0; j <= rows[other].length; j++) {
              attempt(
                () => (rows[r].splice(i, 1), rows[other].splice(j, 0, v)),
                () => (rows[other].splice(j, 1), rows[r].splice(i, 0, v)),
                () => leaderBreaches(rows),
              );
              if (rows[r][i] !== v) break;
            }
          }
        }
      }
      if (!improved) break;
    }
    return { rows, cost: best };
  };

  // leaders (the Party, governments: see `TIERS.leaders`) stand above what they lead: no move puts an actor a leader is
  // related to above it, nor beside a Party actor (relations come top-down, see `toElements`); how many relations break this
  const rowOf = new Int32Array(nodes.length);
  const leads = (s: number, t: number) => tier(s) <= TIERS.leaders && tier(s) <= tier(t);
  const outranked = (leader: number, led: number) => (tier(leader) === TIERS.min ? rowOf[leader] >= rowOf[led] : rowOf[leader] > rowOf[led]);
  const leaderBreaches = (candidate: Rows) => {
    candidate.forEach((row, r) => actorsIn(row).forEach((v) => (rowOf[v] = r)));
    let count = 0;
    for (const [s, t] of links) if (leads(s, t) && outranked(s, t)) count++;
    return count;
  };
  /**
   * Moves single actors to any row, or to a row of their own, when that reads better: a body that
   * coordinates the departments its government directs may sit below them, instead of every line
   * of one crossing every line of the other. After the order search.
   */
  const regroup = (rows: Rows, width: number): Rows => {
    const total = (candidate: Rows) => {
      const { cost, crossings } = judged(candidate, width);
      return { cost: cost + wrapCost(candidate), crossings };
    };
    let best = total(rows);
    let misplaced = leaderBreaches(rows);
    for (let pass = 0; pass < SEARCH_PASSES; pass++) {
      let improved = false;
      for (const v of nodes.keys()) {
        const without = rows.map((row) => row.filter((u) => u !== v));
        const candidates: Rows[] = [];
        without.forEach((row, r) => {
          if (actorsIn(row).length === 0 || rowWidth([...row, v]) > width) return;
          for (let j = 0; j <= row.length; j++) candidates.push(without.map((other, o) => (o === r ? [...row.slice(0, j), v, ...row.slice(j)] : other)));
        });
        for (let r = 0; r <= without.length; r++) {
          // a row of its own, at either end or in the middle: the order search then moves it sideways
          for (const place of [0, 2, 4]) {
            const own = [EMPTY, EMPTY, EMPTY, EMPTY];
            own.splice(place, 0, v);
            candidates.push([...without.slice(0, r), own, ...without.slice(r)]);
          }
        }
        for (const candidate of candidates) {
          const kept = candidate.filter((row) => actorsIn(row).length > 0);
          const below = leaderBreaches(kept);
          if (below > misplaced) continue;
          // only to uncross lines: a move that merely lets the fit zoom in would wrap ranks after all (see `WRAP_FROM`)
          const next = total(kept);
          if (next.crossings < best.crossings && next.cost < best.cost - 1e-9) [best, rows, improved, misplaced] = [next, kept, true, below];
        }
      }
      if (!improved) break;
    }
    return rows;
  };

  // actors joined to others by influence alone (a market, a society taking part): nothing puts them a layer down
  const bound = new Uint8Array(nodes.length);
  for (const edge of edges) {
    if (edge.influence) continue;
    for (const id of [edge.source, edge.target]) if (index.has(id)) bound[index.get(id)!] = 1;
  }
  /** How many relations join two actors of one row with another actor between them. */
  const overNeighbour = (rows: Rows) => {
    let count = 0;
    for (const row of rows) {
      const actors = actorsIn(row);
      for (const [s, t] of links) {
        const [a, b] = [actors.indexOf(s), actors.indexOf(t)];
        if (a >= 0 && b >= 0 && Math.abs(a - b) > 1) count++;
      }
    }
    return count;
  };
  /** Whether `v` stands in `row` between two actors a relation joins. */
  const splitsPartners = (row: number[], v: number) => {
    const actors = actorsIn(row);
    const at = actors.indexOf(v);
    return links.some(([s, t]) => {
      const [a, b] = [actors.indexOf(s), actors.indexOf(t)];
      return a >= 0 && b >= 0 && Math.min(a, b) < at && at < Math.max(a, b);
    });
  };
  /**
   * Moves actors joined to others by influence alone (see `LayerEdge.influence`) up beside an actor they are related to, where that
   * reads better: partners drawn level with their government, not as one more layer under it (the foreign model's market
   * and society beside its cities, with what the cities set up beneath). Greedy, from the given rows; none when no move helps.
   * Never between two actors of a row that a relation joins: its line would have to bend round the newcomer.
   */
  const liftBeside = (start: Rows, width: number): Rows | undefined => {
    let rows = start;
    let lifted = false;
    let best = cost(rows, width) + wrapCost(rows);
    let misplaced = leaderBreaches(rows);
    let over = overNeighbour(rows);
    for (let pass = 0; pass < SEARCH_PASSES; pass++) {
      let improved = false;
      for (const v of nodes.keys()) {
        const from = rows.findIndex((row) => row.includes(v));
        if (bound[v] || from < 0) continue;
        const without = rows.map((row) => row.filter((u) => u !== v));
        const candidates: Rows[] = [];
        for (let r = 0; r < from; r++) {
          without[r].forEach((u, j) => {
            if (!neighbours[v].includes(u)) return;
            for (const at of [j, j + 1]) {
              const target = [...without[r].slice(0, at), v, ...without[r].slice(at)];
              if (rowWidth(target) <= width && !splitsPartners(target, v)) candidates.push(without.map((row, o) => (o === r ? target : row)));
            }
          });
        }
        for (const candidate of candidates) {
          const kept = candidate.filter((row) => actorsIn(row).length > 0);
          const [below, overAfter] = [leaderBreaches(kept), overNeighbour(kept)];
          if (below > misplaced || overAfter > over) continue;
          const next = cost(kept, width) + wrapCost(kept);
          if (next < best - 1e-9) [best, rows, improved, misplaced, over, lifted] = [next, kept, true, below, overAfter, true];
        }
      }
      if (!improved) break;
    }
    return lifted ? rows : undefined;
  };

  /**
   * Simulated annealing from the searched rows: random swaps in a row and moves of an actor to any
   * row or a row of its own, a worse placement kept with a chance that falls as the search cools.
   * Greedy moves stop where every single step crosses another line first (two sources leading the
   * same departments: one must go to another height before their lines can part). Seeded, so
   * deterministic. Returns the best rows seen.
   */
  const anneal = (start: Rows, width: number): Rows => {
    const random = seededRandom(ANNEAL.seed);
    const total = (candidate: Rows) => judged(candidate, width).cost + wrapCost(candidate);
    const misplaced = leaderBreaches(start);
    let rows = start.map((row) => [...row]);
    let current = total(rows);
    let [best, bestRows] = [current, rows];
    for (let step = 0; step < ANNEAL.steps; step++) {
      const heat = ANNEAL.hot * (ANNEAL.cold / ANNEAL.hot) ** (step / ANNEAL.steps);
      const r = Math.floor(random() * rows.length);
      const row = rows[r];
      const i = Math.floor(random() * row.length);
      const v = row[i];
      if (v === EMPTY) continue;
      let next: Rows;
      if (random() < 0.5) {
        const j = Math.floor(random() * row.length);
        if (j === i) continue;
        const swapped = [...row];
        [swapped[i], swapped[j]] = [swapped[j], swapped[i]];
        next = rows.map((other, o) => (o === r ? swapped : other));
      } else {
        const without = rows.map((other, o) => (o === r ? other.filter((u) => u !== v) : other));
        const to = Math.floor(random() * (2 * without.length + 1));
        if (to % 2 === 1) {
          // into a row that is there
          const target = without[(to - 1) / 2];
          if (target === without[r] || rowWidth([...target, v]) > width) continue;
          const j = Math.floor(random() * (target.length + 1));
          next = without.map((other) => (other === target ? [...other.slice(0, j), v, ...other.slice(j)] : other));
        } else {
          // one row more at most: more rows part more lines on straight lines than routes need, and shrink the type
          if (without.filter((other) => actorsIn(other).length > 0).length >= start.length + 1) continue;
          const own = [EMPTY, EMPTY, EMPTY, EMPTY];
          own.splice(Math.floor(random() * (own.length + 1)), 0, v);
          next = [...without.slice(0, to / 2), own, ...without.slice(to / 2)];
        }
        next = next.filter((other) => actorsIn(other).length > 0);
      }
      if (leaderBreaches(next) > misplaced) continue;
      const cost = total(next);
      if (cost <= current || random() < Math.exp((current - cost) / heat)) {
        [rows, current] = [next, cost];
        if (cost < best - 1e-9) [best, bestRows] = [cost, rows];
      }
    }
    return bestRows;
  };

  /**
   * Moves each hub (an actor `HUB_FROM` lines or more meet) along its row toward the middle of the actors it meets, as far as
   * its neighbours in the row and the width let it, where that crosses no more lines, runs none more through an actor and
   * misses no more goals: a hub at the end of a row draws its lines in from one side, where they converge into a knot (the
   * municipal government of the overview, beside the coordinating bodies, above the departments, market and society it
   * relates to). Rows place their actors in even shares of the width (see `place`), which can leave a hub at its row's end,
   * far from what it meets. Hubs move in the rows' order, each toward the middle of the others where they stand by then.
   */
  const centreHubs = (rows: Rows, width: number, start: SlideJudgement) => {
    let judgement = start;
    for (const row of rows) {
      const actors = actorsIn(row);
      actors.forEach((hub, i) => {
        if (neighbours[hub].length < HUB_FROM) return;
        const middle = neighbours[hub].reduce((sum, u) => sum + x[u], 0) / neighbours[hub].length;
        const lowest = i > 0 ? x[actors[i - 1]] + gapBetween(actors[i - 1], hub) : -width / 2 + nodes[hub].width / 2;
        const highest = i < actors.length - 1 ? x[actors[i + 1]] - gapBetween(hub, actors[i + 1]) : width / 2 - nodes[hub].width / 2;
        const from = x[hub];
        const to = Math.min(highest, Math.max(lowest, middle));
        // the whole way if it reads as well, else part of it
        for (const share of HUB_SHARES) {
          x[hub] = from + share * (to - from);
          const next = asPlaced(rows);
          if (next.missed <= judgement.missed && next.crossings <= judgement.crossings && next.passThroughs <= judgement.passThroughs) return void (judgement = next);
        }
        x[hub] = from;
      });
    }
  };

  orderRanks();
  const widest = Math.max(...nodes.map((node) => node.width));
  const full = Math.max(...ranks.map(rowWidth));
  // widths from the widest rank down to the widest actor, in even steps of the ratio, and the canvas's own at the goal's type;
  // and, wider than the widest rank, the width of the canvas's shape at the height the rows take (a graph so deep that its
  // rows, `MIN_ROW_GAP` apart, are taller than that shape at the widest rank's width would stand in a column) and what the
  // fit fills at its largest zoom
  const steps = 6;
  const narrow = [...Array.from({ length: steps }, (_, k) => full * (widest / full) ** (k / (steps - 1))), room.width / GOAL_ZOOM].filter((w) => w >= widest && w <= full);
  const wide = [heightOf(wrap(full), full) * aspect, room.width / MAX_FIT_ZOOM].filter((w) => w > full);
  const widths = [...new Set([...narrow, ...wide].map(Math.ceil))];
  // each width's rows as searched, and regrouped; judged by their lines as they will be drawn, routed round actors
  // (straight ones flatter a regrouping)
  let best: { rows: Rows; width: number; judgement: SlideJudgement } | undefined;
  const tried: { rows: Rows; width: number; judgement: SlideJudgement }[] = [];
  for (const width of widths.sort((a, b) => b - a)) {
    const { rows } = search(wrap(width), width);
    const regrouped = nodes.length <= REGROUP_MAX ? [search(regroup(rows.map((row) => [...row]), width), width).rows] : [];
    for (const candidate of [rows, ...regrouped]) {
      const judgement = asDrawn(candidate, width);
      tried.push({ rows: candidate, width, judgement });
      if (!best || readsBetterThan(judgement, best.judgement)) best = { rows: candidate, judgement, width };
    }
  }
  // partners lifted beside whom they work with: only in a model of two levels (in a layered one they would stand among
  // the levels and cross their lines), only where the slide misses a goal still (a layout that meets every goal stays
  // as it is)
  if (best!.judgement.missed > 0 && ranks.length <= FLAT_RANKS) {
    for (const { rows: start, width } of tried) {
      // neither searched again nor annealed: a swap could put an actor between partners
      const rows = liftBeside(start, width);
      if (!rows) continue;
      const judgement = asDrawn(rows, width);
      // for larger type, never at the cost of a crossing
      if (judgement.crossings <= best!.judgement.crossings && readsBetterThan(judgement, best!.judgement)) best = { rows, judgement, width };
    }
  }
  // annealing takes about half a second a width: only for a slide that misses a goal still and has lines crossing, from the
  // widths that read best, and only to uncross lines (a placement that merely lets the fit zoom in would wrap ranks after
  // all, see `WRAP_FROM`)
  if (best!.judgement.missed > 0 && best!.judgement.crossings > 0 && nodes.length <= REGROUP_MAX) {
    const promising = [...new Set(tried.sort((a, b) => (readsBetterThan(a.judgement, b.judgement) ? -1 : readsBetterThan(b.judgement, a.judgement) ? 1 : 0)).map(({ width }) => width))];
    // fewer crossings than the search's best, not than an annealed one: a later width may read better with more
    const searchedCrossings = best!.judgement.crossings;
    for (const width of promising.slice(0, ANNEAL.widths)) {
      const rows = search(anneal(tried.find((candidate) => candidate.width === width)!.rows, width), width).rows;
      const judgement = asDrawn(rows, width);
      if (judgement.crossings < searchedCrossings && readsBetterThan(judgement, best!.judgement)) best = { rows, judgement, width };
    }
  }
  place(best!.rows, best!.width);
  centreHubs(best!.rows, best!.width, best!.judgement);
  return new Map(nodes.map((node, v) => [node.id, { x: x[v], y: y[v] }]));
}
