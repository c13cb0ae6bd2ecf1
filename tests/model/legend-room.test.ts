import { describe, expect, it } from 'vitest';
import { LEGEND_CLEARANCE, legendCorner } from '../../src/render/legend-room.js';

const canvas = { width: 1200, height: 600 };
const box = (x1: number, y1: number, x2: number, y2: number) => ({ x1, y1, x2, y2 });
/** A legend of 1,200 px of entries in rows 24 px tall: as many rows as the width needs. */
const legend = (width: number) => (width < 200 ? Infinity : Math.ceil(1200 / width) * 24);

describe('legendCorner (the legend in a corner the graph leaves empty)', () => {
  it('puts the legend in the top right when the graph leaves it empty, as wide as the room there allows', () => {
    // a hierarchy: its top in the middle, wide below
    const graph = [box(500, 0, 700, 80), box(0, 200, 1200, 600)];
    const place = legendCorner(graph, canvas, legend);
    expect(place).toEqual({ corner: 'top-right', width: 1200 - 700 - LEGEND_CLEARANCE });
    // three rows of 24 px fit above the wide part, clear of it
    expect(legend(place!.width)).toBeLessThanOrEqual(200 - LEGEND_CLEARANCE);
  });

  it('takes the next corner where the first is taken, and a narrower legend where a wide one would run into the graph', () => {
    // the top right taken; the top left free to 400 px across, 300 px down
    const graph = [box(900, 0, 1200, 100), box(400, 0, 600, 300), box(0, 350, 1200, 600)];
    expect(legendCorner(graph, canvas, legend)).toEqual({ corner: 'top-left', width: 400 - LEGEND_CLEARANCE });
    // with a legend that must be 500 px wide, no corner has room
    expect(legendCorner(graph, canvas, (width) => (width < 500 ? Infinity : 60))).toBeUndefined();
  });

  it('finds the room a corner leaves between a line and the graph, and none where lines pass within its clearance', () => {
    // points of a line along the bottom right to the top left corner: every corner is crossed or too small
    const line = Array.from({ length: 60 }, (_, i) => box(i * 20, 600 - i * 10, i * 20, 600 - i * 10));
    const crossed = [...line, box(0, 0, 10, 10), box(1190, 590, 1200, 600)];
    expect(legendCorner(crossed, canvas, legend)).toBeUndefined();
    // a line only half as long leaves the top of the canvas empty: the legend runs across it
    expect(legendCorner(line.slice(0, 30), canvas, legend)).toEqual({ corner: 'top-right', width: 1200 });
  });
});
