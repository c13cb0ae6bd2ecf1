import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { isInferred } from '../../src/model/vocabulary.js';
import { relationPaths, roundedCorners } from '../../src/render/geometry.js';
import type { Look } from '../../src/render/looks.js';
import { unpackLayouts } from '../../src/render/layout-cache.js';
import { inferredBadge, THEME_COLOURS } from '../../src/render/palette.js';
import { routeRelations, segmentsOf, type RouteActor } from '../../src/render/routing.js';
import { measureSlide, segmentThroughBox } from '../../src/render/slide-metrics.js';

type Point = { x: number; y: number };
const actor = (id: string, x: number, y: number, width = 120, height = 40): RouteActor => ({ id, x, y, width, height });
const box = ({ x, y, width, height }: RouteActor) => ({ x1: x - width / 2, y1: y - height / 2, x2: x + width / 2, y2: y + height / 2 });

/** The drawn line of a relation: its ends' centres and its bends. */
const lineOf = (from: RouteActor, to: RouteActor, bends: readonly Point[] = []) => [from, ...bends, to];
const throughAny = (line: readonly Point[], actors: readonly RouteActor[]) =>
  actors.filter((a) => line.slice(1).some((point, i) => segmentThroughBox(line[i], point, box(a)))).map((a) => a.id);

// a government over a row of departments, and a society actor under the row: a straight line to it crosses a department
const government = actor('gov', 0, 0);
const row = [actor('a', -140, 120), actor('b', 0, 120), actor('c', 140, 120)];
const society = actor('society', 0, 240);
const actors = [government, ...row, society];

describe('routeRelations (relations drawn around actors instead of through them)', () => {
  it('routes a relation whose straight line crosses a third actor around it, through no actor', () => {
    expect(throughAny(lineOf(government, society), row)).toEqual(['b']);
    const routes = routeRelations(actors, [{ id: 'guides', source: 'gov', target: 'society' }]);
    const bends = routes.get('guides');
    expect(bends?.length).toBeGreaterThan(0);
    expect(throughAny(lineOf(government, society, bends), row)).toEqual([]);
  });

  it('leaves lines that cross nobody straight', () => {
    const routes = routeRelations(actors, [
      { id: 'directs-a', source: 'gov', target: 'a' },
      { id: 'directs-b', source: 'gov', target: 'b' },
    ]);
    expect(routes.size).toBe(0);
  });

  it('runs relations between the same two actors side by side on one route, each from its own source', () => {
    const routes = routeRelations(actors, [
      { id: 'guides', source: 'gov', target: 'society' },
      { id: 'participates', source: 'society', target: 'gov' },
    ]);
    const [guides, participates] = [routes.get('guides')!, routes.get('participates')!];
    expect(guides.length).toBe(participates.length);
    // the same bends, apart, in opposite orders
    const [first, mirrored] = [guides[0], participates.at(-1)!];
    expect(Math.hypot(first.x - mirrored.x, first.y - mirrored.y)).toBeGreaterThan(3);
    expect(Math.hypot(first.x - mirrored.x, first.y - mirrored.y)).toBeLessThan(20);
    expect(throughAny(lineOf(government, society, guides), row)).toEqual([]);
    expect(throughAny(lineOf(society, government, participates), row)).toEqual([]);
  });

  it('gives each relation leaving a busy side its own place along it, in the order of where they go', () => {
    const hub = actor('hub', 0, 0, 200, 40);
    const below = [-500, -300, -100, 100, 300, 500].map((x, i) => actor(`d${i}`, x, 200));
    const relations = below.map((d) => ({ id: `to-${d.id}`, source: 'hub', target: d.id }));
    // drawn straight, all six would leave the hub's bottom within its middle half
    const routes = routeRelations([hub, ...below], relations);
    const exits = relations.map(({ id }) => {
      const bends = routes.get(id);
      expect(bends, id).toBeDefined();
      const toward = bends![0];
      // where the line from the hub's centre toward its first bend crosses the bottom side (y = 20)
      return (toward.x * 20) / toward.y;
    });
    expect(exits).toEqual([...exits].sort((a, b) => a - b));
    const gaps = exits.slice(1).map((x, i) => x - exits[i]);
    expect(Math.min(...gaps)).toBeGreaterThan(25);
    expect(exits.every((x) => Math.abs(x) < 100)).toBe(true);
    for (const { id, target } of relations) expect(throughAny(lineOf(hub, below.find((d) => d.id === target)!, routes.get(id)), below.filter((d) => d.id !== target))).toEqual([]);
  });

  it('gives each relation of a pair its own place along a busy side too, not one point where both arrowheads stack', () => {
    const hub = actor('hub', 0, 0, 240, 40);
    const below = [-300, -100, 100, 300].map((x, i) => actor(`d${i}`, x, 240));
    // the government guides and funds the second: a pair, unmarked, among lines to three others
    const relations = [
      ...below.map((d) => ({ id: `guides-${d.id}`, source: 'hub', target: d.id })),
      { id: 'funds-d1', source: 'hub', target: 'd1' },
    ];
    const routes = routeRelations([hub, ...below], relations);
    // where each line crosses the hub's bottom (y = 20), from its centre toward its first bend
    const exits = relations.map(({ id, target }) => {
      const toward = routes.get(id)?.[0] ?? below.find((d) => d.id === target)!;
      return { id, x: (toward.x * 20) / toward.y };
    });
    exits.sort((a, b) => a.x - b.x);
    const gaps = exits.slice(1).map((exit, i) => exit.x - exits[i].x);
    expect(Math.min(...gaps), exits.map(({ id, x }) => `${id} ${x.toFixed(1)}`).join(', ')).toBeGreaterThan(20);
  });

  it('moves a line whose own place is blocked by a neighbour to a clear place apart from the others, not onto another line', () => {
    const hub = actor('hub', 0, 0, 240, 40);
    const below = [-300, -100, 100, 300].map((x, i) => actor(`d${i}`, x, 240));
    // an actor just below the hub's left half, in the way of the second line from its own place
    const neighbour = actor('neighbour', -110, 80, 100, 30);
    const relations = below.map((d) => ({ id: `to-${d.id}`, source: 'hub', target: d.id }));
    const routes = routeRelations([hub, ...below, neighbour], relations);
    const exits = relations.map(({ id, target }) => {
      const toward = routes.get(id)?.[0] ?? below.find((d) => d.id === target)!;
      return (toward.x * 20) / toward.y;
    });
    const sorted = [...exits].sort((a, b) => a - b);
    expect(Math.min(...sorted.slice(1).map((x, i) => x - sorted[i])), exits.map((x) => x.toFixed(1)).join(', ')).toBeGreaterThan(15);
    for (const { id, target } of relations) expect(throughAny(lineOf(hub, below.find((d) => d.id === target)!, routes.get(id)), [neighbour]), id).toEqual([]);
  });

  it('spreads a busy left or right side as it spreads a top or bottom, each line leaving by the side it heads for', () => {
    const relationsTo = (targets: RouteActor[]) => targets.map((t) => ({ id: `to-${t.id}`, source: 'hub', target: t.id }));
    // four relations leaving a tall actor's right side toward actors a little above and below: drawn straight, they would meet at its middle
    const hub = actor('hub', 0, 0, 100, 160);
    const right = [-150, -50, 50, 150].map((y, i) => actor(`r${i}`, 400, y, 80, 40));
    const routes = routeRelations([hub, ...right], relationsTo(right));
    const exits = right.map(({ id }) => {
      const port = routes.get(`to-${id}`)![0];
      // just outside the right side, where the line from it to the hub's centre crosses that side (x = 50)
      expect(port.x).toBeGreaterThan(50);
      return (port.y * 50) / port.x;
    });
    // top to bottom in the order of where they go, apart, on the side
    expect(exits).toEqual([...exits].sort((a, b) => a - b));
    expect(Math.min(...exits.slice(1).map((y, i) => y - exits[i]))).toBeGreaterThan(25);
    expect(exits.every((y) => Math.abs(y) < 80)).toBe(true);
    // lines to far neighbours a little lower leave by the side, not along the bottom to its corner
    const wide = actor('hub', 0, 0, 200, 60);
    const low = [50, 90, 130, 170].map((y, i) => actor(`l${i}`, -700, y, 60, 30));
    const lowRoutes = routeRelations([wide, ...low], relationsTo(low));
    expect(lowRoutes.size).toBe(low.length);
    for (const bends of lowRoutes.values()) expect(bends[0].x).toBeLessThan(-100);
    const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
    expect(/Where four or more relations (.*?) The SVG and/.exec(readme)?.[1]).toContain('by the side it heads for');
  });

  it('keeps the places on a hexagon’s straight bottom, where the lines can end side by side', () => {
    const hub = { ...actor('hub', 0, 0, 200, 40), flat: 0.5 };
    const below = [-500, -300, -100, 100, 300, 500].map((x, i) => actor(`d${i}`, x, 200));
    const routes = routeRelations([hub, ...below], below.map((d) => ({ id: `to-${d.id}`, source: 'hub', target: d.id })));
    const exits = [...routes.values()].map((bends) => (bends[0].x * 20) / bends[0].y);
    expect(exits).toHaveLength(6);
    // the straight part of the bottom spans half the width: x from −50 to 50
    for (const x of exits) expect(Math.abs(x)).toBeLessThan(50);
  });

  it('makes the middle of a route’s length its middle bend, where Cytoscape puts the mark of a reading, not a corner beside an actor', () => {
    const hub = actor('hub', 0, 0, 200, 40);
    const below = [-500, -300, -100, 100, 300, 500].map((x, i) => actor(`d${i}`, x, 200));
    const routes = routeRelations([hub, ...below], below.map((d) => ({ id: `to-${d.id}`, source: 'hub', target: d.id })));
    for (const [id, bends] of routes) {
      const target = below.find((d) => `to-${d.id}` === id)!;
      const line = lineOf(hub, target, bends);
      const lengths = line.slice(1).map((p, i) => Math.hypot(p.x - line[i].x, p.y - line[i].y));
      expect(bends.length % 2, id).toBe(1);
      const middle = bends[(bends.length - 1) / 2];
      const upToMiddle = lengths.slice(0, (bends.length - 1) / 2 + 1).reduce((a, b) => a + b, 0);
      expect(upToMiddle / lengths.reduce((a, b) => a + b, 0), id).toBeCloseTo(0.5, 5);
      expect(Math.hypot(middle.x - hub.x, middle.y - hub.y)).toBeGreaterThan(60);
    }
  });

  it('leaves a graph too large for a slide to straight lines', () => {
    const many = Array.from({ length: 60 }, (_, i) => actor(`n${i}`, (i % 10) * 200, Math.floor(i / 10) * 100));
    expect(routeRelations(many, [{ id: 'long', source: 'n0', target: 'n59' }]).size).toBe(0);
  });

  it('gives Cytoscape bends as weights along the line and distances along its normal, which put them back where they were', () => {
    const [source, target] = [{ x: 10, y: 20 }, { x: 210, y: 120 }];
    const bends = [{ x: 40, y: 90 }, { x: 180, y: 150 }];
    const { weights, distances } = segmentsOf(source, target, bends);
    const [dx, dy] = [target.x - source.x, target.y - source.y];
    const length = Math.hypot(dx, dy);
    // Cytoscape: the point at `weight` along the line, moved `distance` along the normal (−dy, dx)
    const placed = weights.map((w, i) => ({ x: source.x + w * dx - (dy / length) * distances[i], y: source.y + w * dy + (dx / length) * distances[i] }));
    placed.forEach((point, i) => {
      expect(point.x).toBeCloseTo(bends[i].x);
      expect(point.y).toBeCloseTo(bends[i].y);
    });
  });
});

describe('routeRelations (lines run round a fan rather than across it)', () => {
  // a government directing three departments, and a relation between two actors either side of the fan
  const fan = [actor('gov', 0, 0), actor('a', -200, 200), actor('b', 0, 200), actor('c', 200, 200)];
  const directs = ['a', 'b', 'c'].map((id) => ({ id: `directs-${id}`, source: 'gov', target: id }));
  const crossingsOf = (all: RouteActor[], relations: { id: string; source: string; target: string }[]) => {
    const byId = new Map(all.map((a) => [a.id, a]));
    const routes = routeRelations(all, relations);
    const drawn = relations.map((r) => ({ ...r, points: lineOf(byId.get(r.source)!, byId.get(r.target)!, routes.get(r.id)) }));
    return measureSlide({ actors: all, relations: drawn, labelPx: 20, width: 1000, height: 600 });
  };

  it('runs a line under a row of departments instead of across the three lines that fan out to them', () => {
    const all = [...fan, actor('left', -420, 120), actor('right', 420, 120)];
    const relations = [...directs, { id: 'partners', source: 'left', target: 'right' }];
    expect(measureSlide({ actors: all, relations, labelPx: 20, width: 1000, height: 600 }).crossings).toHaveLength(3);
    const drawn = crossingsOf(all, relations);
    expect(drawn.crossings).toEqual([]);
    expect(drawn.passThroughs).toEqual([]);
  });

  it('keeps a crossing when going round would take a far longer line', () => {
    // one long line down from the government, crossed halfway: round either end is 350 units further and two bends
    const all = [actor('gov', 0, 0), actor('b', 0, 600), actor('left', -300, 300), actor('right', 300, 300)];
    const relations = [{ id: 'directs', source: 'gov', target: 'b' }, { id: 'partners', source: 'left', target: 'right' }];
    const routes = routeRelations(all, relations);
    expect(routes.has('partners')).toBe(false);
    expect(crossingsOf(all, relations).crossings.length).toBeGreaterThan(0);
  });
});

describe('measuring drawn lines', () => {
  it('counts a routed line by where it runs, not by the straight line between its ends', () => {
    const bends = routeRelations(actors, [{ id: 'guides', source: 'gov', target: 'society' }]).get('guides')!;
    const slide = (points?: Point[]) => measureSlide({ actors, relations: [{ id: 'guides', source: 'gov', target: 'society', points }], labelPx: 20, width: 800, height: 400 });
    expect(slide().passThroughs).toEqual([{ relation: 'guides', actor: 'b' }]);
    expect(slide(lineOf(government, society, bends)).passThroughs).toEqual([]);
  });
});

describe('routes on exported slides', () => {
  /** The exported line of the government's relation to society, with the looks given besides its own. */
  const exported = (looks: [string, Partial<Look>][] = []) => {
    const elements = [
      ...actors.map(({ id, width, height }) => ({ data: { id, label: id, sector: 'functional', width, height } })),
      { data: { id: 'guides', source: 'gov', target: 'society', relation: 'guides', kind: 'guides', reversed: false, inferred: false } },
    ];
    const positions = new Map(actors.map(({ id, x, y }) => [id, { x, y }]));
    return relationPaths(elements, positions, new Map<string, Partial<Look>>([['guides', { zIndex: 0 }], ...looks]))[0];
  };

  it('draws a routed relation from its source’s outline through the same bends, with rounded corners', () => {
    const path = exported();
    const bends = routeRelations(actors, [{ id: 'guides', source: 'gov', target: 'society' }]).get('guides');
    expect(path.bends).toEqual(bends);
    // leaves the government's box on its outline, toward the first bend
    const start = path.start;
    expect(Math.abs(start.x) === 60 || Math.abs(start.y) === 20).toBe(true);
    const pieces = roundedCorners([path.start, ...path.bends!, path.end]);
    expect(pieces.filter((piece) => piece.via)).toHaveLength(path.bends!.length);
    expect(pieces.at(-1)!.to).toEqual(path.end);
  });

  it('runs a relation straight where the actor in its way is hidden, as the screen does', () => {
    expect(exported().bends?.length).toBeGreaterThan(0);
    const hidden = exported([['b', { hidden: true }]]);
    expect(hidden.bends).toBeUndefined();
    expect(hidden.start.x).toBeCloseTo(government.x);
  });
});

describe('marks of the author’s reading (∗)', () => {
  /** Where a relation's mark is drawn: its middle bend, as Cytoscape puts an edge's label (see `routeRelations`). */
  const markOf = (bends: readonly Point[] | undefined) => {
    expect(bends?.length, 'a mark placed along its line is its middle bend').toSatisfy((length: number) => length % 2 === 1);
    return bends![(bends!.length - 1) / 2];
  };
  const radius = 16;

  it('stand apart where two lines leaving one actor would put theirs on top of each other', () => {
    const hub = actor('hub', 0, 0);
    const [a, b] = [actor('a', -25, 300, 40, 40), actor('b', 25, 300, 40, 40)];
    const relations = [a, b].map((end) => ({ id: `reads-${end.id}`, source: 'hub', target: end.id, inferred: true }));
    // halfway, the two marks would overlap
    expect(50 / 2).toBeLessThan(2 * radius);
    const routes = routeRelations([hub, a, b], relations, { markRadius: radius });
    const [first, second] = relations.map(({ id }) => markOf(routes.get(id)));
    expect(Math.hypot(first.x - second.x, first.y - second.y)).toBeGreaterThanOrEqual(2 * radius);
    // on their own lines: the bends add none
    for (const [relation, mark] of [[relations[0], first], [relations[1], second]] as const) {
      const end = relation.target === 'a' ? a : b;
      expect(Math.abs(mark.x * end.y - mark.y * end.x) / Math.hypot(end.x, end.y), relation.id).toBeLessThan(1e-6);
    }
    // without marks to place, both lines stay straight
    expect(routeRelations([hub, a, b], relations).size).toBe(0);
  });

  it('draws a pair of relations carrying a mark as two lines through the middles of their curves, with no bend twice', () => {
    const [gov, society] = [actor('gov', 0, 0), actor('society', 300, 300)];
    const relations = [
      { id: 'guides', source: 'gov', target: 'society' },
      { id: 'funds', source: 'gov', target: 'society', inferred: true },
    ];
    const routes = routeRelations([gov, society], relations, { markRadius: radius });
    for (const { id } of relations) {
      const line = lineOf(gov, society, routes.get(id));
      expect(line.length, id).toBeGreaterThan(2);
      // Cytoscape cannot round a corner of no length: it would draw neither the corner nor a mark there
      line.slice(1).forEach((point, i) => expect(Math.hypot(point.x - line[i].x, point.y - line[i].y), `${id} bend ${i}`).toBeGreaterThan(1e-6));
    }
    // apart, side by side, as Cytoscape's curves would be at their middles
    const [guides, funds] = relations.map(({ id }) => markOf(routes.get(id)));
    expect(Math.hypot(guides.x - funds.x, guides.y - funds.y)).toBeGreaterThan(10);
  });

  it('routes a pair of marked relations round an actor that only their fan, spread wide for the marks, would cross', () => {
    // an office beside the middle of the straight line, clear of it by less than the marked lines' spread
    const [gov, society, office] = [actor('gov', 0, 0), actor('society', 0, 400), actor('office', 74, 200)];
    expect(throughAny(lineOf(gov, society), [office])).toEqual([]);
    const relations = [
      { id: 'guides', source: 'gov', target: 'society', inferred: true },
      { id: 'funds', source: 'gov', target: 'society', inferred: true },
    ];
    const routes = routeRelations([gov, society, office], relations, { markRadius: radius });
    for (const { id } of relations) expect(throughAny(lineOf(gov, society, routes.get(id)), [office]), id).toEqual([]);
  });

  it('bends a pair of relations between a wide actor and a small one beside it outside both, each mark clear of the other', () => {
    // a city's four-line box beside its market, two readings between them: the middle of their centres lies inside the city
    const [city, market] = [actor('city', 0, 0, 250, 80), actor('market', -200, 0, 80, 50)];
    const relations = [
      { id: 'partners', source: 'city', target: 'market', inferred: true },
      { id: 'participates', source: 'city', target: 'market', inferred: true },
    ];
    const routes = routeRelations([city, market], relations, { markRadius: radius });
    const inside = (p: Point, a: RouteActor) => p.x > box(a).x1 && p.x < box(a).x2 && p.y > box(a).y1 && p.y < box(a).y2;
    for (const { id } of relations) {
      // Cytoscape draws no line whose first bend lies inside its source
      for (const bend of routes.get(id)!) expect(inside(bend, city) || inside(bend, market), id).toBe(false);
    }
    const [a, b] = relations.map(({ id }) => markOf(routes.get(id)));
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(2 * radius);
  });

  it('moves a mark off a third actor that stands beside the middle of its line', () => {
    const [top, bottom, beside] = [actor('top', 0, 0), actor('bottom', 0, 300), actor('beside', 75, 150)];
    const routes = routeRelations([top, bottom, beside], [{ id: 'reads', source: 'top', target: 'bottom', inferred: true }], { markRadius: radius });
    const mark = markOf(routes.get('reads'));
    // the line passes the actor (its left side is 15 from the line), the mark keeps a radius off it
    expect(mark.x).toBeCloseTo(0, 6);
    const { x1, y1, y2 } = box(beside);
    const gap = Math.hypot(Math.max(0, x1 - mark.x), Math.max(0, y1 - mark.y, mark.y - y2));
    expect(gap).toBeGreaterThanOrEqual(radius);
    // and stays on the part drawn between the two actors
    expect(mark.y).toBeGreaterThan(20);
    expect(mark.y).toBeLessThan(280);
  });

  it('puts a mark that finds no clear place where its line is furthest from actors, not where it hugs one (the city slide: clear of 涉灾部门’s glow when traced)', () => {
    const graph = BUILTIN_MODELS.domestic;
    const shown = new Set(graph.views!.find((view) => view.id === 'city')!.actors);
    const layouts = unpackLayouts(JSON.parse(readFileSync('graph-data/layouts.json', 'utf8')));
    const key = Object.keys(layouts).find((k) => k.includes('|domestic|city|zh|20.8|hierarchy|5|'))!;
    expect(key, 'a shipped layout of the city slide').toBeDefined();
    const { sizes, positions } = layouts[key];
    const placed = [...shown].map((id) => actor(id, positions[id][0], positions[id][1], sizes[id][0], sizes[id][1]));
    const relations = graph.edges.filter((edge) => shown.has(edge.source) && shown.has(edge.target)).map((edge) => ({ ...edge, inferred: isInferred(edge) }));
    const routes = routeRelations(placed, relations, { markRadius: inferredBadge(THEME_COLOURS.projector.scale).radius });
    // the route runs round 涉灾部门, 9 units from its box; the mark is the middle of its bends
    const bends = routes.get('coordination-bodies--coordinates--emergency-department')!;
    const mark = bends[Math.floor(bends.length / 2)];
    const room = Math.min(...placed.map((other) => Math.hypot(Math.max(0, Math.abs(mark.x - other.x) - other.width / 2), Math.max(0, Math.abs(mark.y - other.y) - other.height / 2))));
    expect(room).toBeGreaterThan(15);
  });
});
