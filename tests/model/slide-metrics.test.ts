import { describe, expect, it } from 'vitest';
import { namedMisses } from '../../src/app/slide-check.js';
import { slideCheckMessage, typeLimitSentence, type SlideMiss } from '../../src/model/messages.js';
import type { Graph } from '../../src/model/types.js';
import { measureSlide, segmentThroughBox, slideShortfalls, straightFaults, typeLimit, type ShownActor, type ShownSlide } from '../../src/render/slide-metrics.js';

const actor = (id: string, x: number, y: number, width = 100, height = 40): ShownActor => ({ id, x, y, width, height });
const slide = (actors: ShownActor[], relations: [string, string][] = [], labelPx = 20): ShownSlide => ({
  actors,
  relations: relations.map(([source, target]) => ({ id: `${source}-${target}`, source, target })),
  labelPx,
  width: 1000,
  height: 500,
});

describe('measureSlide', () => {
  it('finds actors whose boxes overlap, and only those', () => {
    const figures = measureSlide(slide([actor('a', 100, 100), actor('b', 190, 110), actor('c', 400, 100)]));
    expect(figures.overlaps).toEqual([['a', 'b']]);
  });

  it('counts two relations crossing, but not two that meet at an actor they share', () => {
    // a square: its diagonals cross; its sides meet only at corners
    const corners = [actor('nw', 100, 100), actor('ne', 500, 100), actor('sw', 100, 400), actor('se', 500, 400)];
    const crossed = measureSlide(slide(corners, [['nw', 'se'], ['ne', 'sw']]));
    expect(crossed.crossings).toEqual([['nw-se', 'ne-sw']]);
    const sides = measureSlide(slide(corners, [['nw', 'ne'], ['ne', 'se'], ['nw', 'sw']]));
    expect(sides.crossings).toEqual([]);
  });

  it('counts two routes bent round the same point as crossing there, but not two lines a few pixels apart', () => {
    // as routing draws them round one corner of an actor: they meet at (300, 250) and part again
    const actors = [actor('a', 100, 100), actor('b', 500, 400), actor('c', 500, 100), actor('d', 100, 400)];
    const route = (source: string, target: string, bend: { x: number; y: number }) => ({ id: `${source}-${target}`, source, target, points: [actors.find((x) => x.id === source)!, bend, actors.find((x) => x.id === target)!] });
    const meeting = measureSlide({ ...slide(actors), relations: [route('a', 'b', { x: 300, y: 250 }), route('c', 'd', { x: 300, y: 250 })] });
    expect(meeting.crossings).toHaveLength(1);
    const apart = measureSlide({ ...slide(actors), relations: [route('a', 'c', { x: 300, y: 250 }), route('d', 'b', { x: 300, y: 254 })] });
    expect(apart.crossings).toEqual([]);
  });

  it('finds a relation drawn through a third actor, not one passing beside it', () => {
    const actors = [actor('top', 300, 50), actor('middle', 300, 200), actor('bottom', 300, 350), actor('aside', 600, 200)];
    const figures = measureSlide(slide(actors, [['top', 'bottom'], ['top', 'aside']]));
    expect(figures.passThroughs).toEqual([{ relation: 'top-bottom', actor: 'middle' }]);
  });

  it('does not count a line that only grazes a corner', () => {
    expect(segmentThroughBox({ x: 0, y: 0 }, { x: 100, y: 100 }, { x1: 50, y1: 50, x2: 80, y2: 80 })).toBe(true);
    expect(segmentThroughBox({ x: 0, y: 100 }, { x: 100, y: 0 }, { x1: 50, y1: 50, x2: 80, y2: 80 })).toBe(false);
  });

  it('measures how much of the canvas the actors span each way', () => {
    const figures = measureSlide(slide([actor('a', 100, 100), actor('b', 900, 300)]));
    expect(figures.fill.width).toBeCloseTo(900 / 1000);
    expect(figures.fill.height).toBeCloseTo(240 / 500);
  });
});

describe('slideShortfalls', () => {
  const spread = [actor('a', 60, 30), actor('b', 940, 470)];

  it('passes a spread-out slide with large type', () => {
    expect(slideShortfalls(measureSlide(slide(spread, [['a', 'b']], 20)), 'projector')).toEqual([]);
  });

  it('wants larger labels in the projector theme than in the light one', () => {
    const figures = measureSlide(slide(spread, [], 16));
    expect(slideShortfalls(figures, 'light')).toEqual([]);
    expect(slideShortfalls(figures, 'projector').map((s) => s.goal)).toEqual(['labelPx']);
  });

  it('says to split a view whose boxes would cover the slide at the goal type size', () => {
    // forty actors of 100×40 px at 9 px type: at 18 px they would be four times the area, 64% of the canvas
    const crowded = Array.from({ length: 40 }, (_, i) => actor(`a${i}`, 60 + (i % 8) * 120, 30 + Math.floor(i / 8) * 100));
    const goals = slideShortfalls(measureSlide(slide(crowded, [], 9)), 'projector').map((s) => s.goal);
    expect(goals).toContain('split');
    expect(slideShortfalls(measureSlide(slide(crowded.slice(0, 8), [], 9)), 'projector').map((s) => s.goal)).not.toContain('split');
  });

  it('reports a graph that fills a thin strip of the canvas', () => {
    const strip = [actor('a', 60, 250), actor('b', 940, 250)];
    expect(slideShortfalls(measureSlide(slide(strip)), 'projector')).toEqual([{ goal: 'fill', actual: [0.98, 0.08], wanted: [0.85, 0.6] }]);
  });
});

describe('typeLimit: what keeps the labels from growing', () => {
  it('names the tallest actors of a graph as tall as the canvas, one per row, and counts its rows', () => {
    // five rows down a 1000×500 canvas, each 80 px apart; the third holds a three-line box, the fifth a two-line one
    const rows = [
      [actor('party', 500, 30)],
      [actor('gov', 400, 110), actor('office', 600, 110)],
      [actor('group', 300, 190, 160, 100), actor('dept', 500, 190), actor('other', 700, 190, 100, 60)],
      [actor('firm', 500, 270)],
      [actor('people', 450, 350, 120, 70), actor('homes', 600, 350)],
    ];
    const limit = typeLimit(slide(rows.flat()));
    expect(limit).toEqual({ along: 'height', rows: 5, widestRow: 3, largest: ['group', 'people'] });
  });

  it('names the widest actors of the widest row when the graph is as wide as the canvas', () => {
    const row = ['a', 'b', 'c', 'd', 'e', 'f'].map((id, i) => actor(id, 80 + i * 165, 300, id === 'c' ? 160 : id === 'e' ? 150 : 120));
    const limit = typeLimit(slide([actor('top', 500, 200), ...row]));
    expect(limit).toEqual({ along: 'width', rows: 2, widestRow: 6, largest: ['c', 'e'] });
  });

  it('names no actor when all are alike: the levels, or the actors side by side, are what takes the room', () => {
    const column = Array.from({ length: 12 }, (_, i) => actor(`a${i}`, 500, 20 + i * 41, 100, 36));
    expect(typeLimit(slide(column))).toEqual({ along: 'height', rows: 12, widestRow: 1, largest: [] });
  });

  it('says why type is too small, naming the actors by their labels in the reader’s language, and gives way to splitting when the actors alone would crowd the slide', () => {
    const tall = [0, 1, 2, 3, 4].map((i) => actor(`a${i}`, 500, 40 + i * 105, 100, i === 2 ? 90 : 40));
    const graph = {
      nodes: tall.map(({ id }) => ({ id, label: id === 'a2' ? { zh: '领导小组', en: 'Leading group, promotion group\nor joint conference', short: { en: 'Leading group' } } : { zh: id, en: id }, sector: 'department' })),
    } as unknown as Graph;
    // as the app says them: named, and without the fill (the layout's matter, not the author's)
    const misses = slideShortfalls(measureSlide(slide(tall, [], 12)), 'projector').filter(({ goal }) => goal === 'labelPx') as SlideMiss[];
    expect(misses).toMatchObject([{ goal: 'labelPx', limit: { along: 'height', rows: 5, largest: ['a2'] } }]);
    const [{ limit }] = namedMisses(misses, graph, 'en');
    expect(slideCheckMessage(undefined, '1280×720', misses, 'en')).toBe('This graph does not read on a 1280×720 slide: labels are 12.0 px (at least 18 px read from the back of a room).');
    expect(typeLimitSentence(limit!, 'en')).toBe(
      'The graph is as tall as the slide allows, in 5 rows, and "Leading group" is its tallest actor: shorter labels for it, or fewer levels (split the view), let the type grow.',
    );
    expect(typeLimitSentence(namedMisses(misses, graph, 'zh')[0].limit!, 'zh')).toBe('图已和幻灯片一样高,共 5 层,最高的主体是 "领导小组":缩短它的标签,或减少层级(拆分视图),字才能放大。');
    // forty actors at 9 px: at 18 px their boxes alone would cover the slide, and splitting is what to do
    const crowded = Array.from({ length: 40 }, (_, i) => actor(`a${i}`, 60 + (i % 8) * 120, 30 + Math.floor(i / 8) * 100));
    const split = slideShortfalls(measureSlide(slide(crowded, [], 9)), 'projector');
    expect(split.find(({ goal }) => goal === 'labelPx')).not.toHaveProperty('limit');
    expect(split.map(({ goal }) => goal)).toContain('split');
  });
});

describe('straightFaults (the layout search’s own count)', () => {
  it('counts overlaps, crossings, lines through actors and the extent as measureSlide does, over 500 random placements', () => {
    // a small deterministic generator: the same placements every run
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    for (let trial = 0; trial < 500; trial++) {
      const n = 3 + Math.floor(random() * 10);
      const actors = Array.from({ length: n }, (_, i) => actor(String(i), Math.round(random() * 800), Math.round(random() * 400), 40 + Math.round(random() * 120), 30 + Math.round(random() * 30)));
      const links = Array.from({ length: n + Math.floor(random() * n) }, () => [Math.floor(random() * n), Math.floor(random() * n)] as const).filter(([s, t]) => s !== t);
      const figures = measureSlide({ ...slide(actors), relations: links.map(([s, t], i) => ({ id: String(i), source: String(s), target: String(t) })), width: 1, height: 1 });
      const counted = straightFaults(
        actors.map((a) => a.x),
        actors.map((a) => a.y),
        actors.map((a) => a.width),
        actors.map((a) => a.height),
        links,
      );
      expect(counted).toEqual({
        overlaps: figures.overlaps.length,
        crossings: figures.crossings.length,
        passThroughs: figures.passThroughs.length,
        extent: figures.fill,
      });
    }
  });
});
