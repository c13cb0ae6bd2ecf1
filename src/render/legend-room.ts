import type { Bounds } from './layout.js';

/**
 * Where a slide's legend goes: into an empty corner of the canvas, as on a hand-made slide, when one
 * is large enough for it clear of the graph; else in a strip under the graph, which then has that
 * much less height. Pure: the element measures its legend and the graph as drawn.
 */

/** A corner of the canvas. */
export type Corner = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';

/** Corners in the order they are tried: the top right first, where a slide's key usually sits and the top of a hierarchy seldom reaches. */
export const LEGEND_CORNERS: readonly Corner[] = ['top-right', 'top-left', 'bottom-right', 'bottom-left'];

/** Room kept between the legend and anything the graph draws, in px. */
export const LEGEND_CLEARANCE = 12;

/** A corner where the legend stands, and its width there in px. */
export interface LegendPlace {
  corner: Corner;
  width: number;
}

/**
 * The first corner (see `LEGEND_CORNERS`) where the legend fits clear of the graph, at the widest it
 * can take there (fewest rows), or undefined when it fits in none.
 *
 * @param drawn what the graph draws (actors, lines, marks), as boxes in px on the canvas
 * @param canvas the canvas's size in px
 * @param heightAt the legend's height in px at a width (`Infinity` where it cannot be that narrow), no less at a
 *   narrower one: measured only where the room might hold it
 */
export function legendCorner(drawn: readonly Bounds[], canvas: { width: number; height: number }, heightAt: (width: number) => number): LegendPlace | undefined {
  for (const corner of LEGEND_CORNERS) {
    const [left, top] = [corner.endsWith('left'), corner.startsWith('top')];
    // each box as distances from the corner's two sides: along its width (`near`) and its height (`depth`)
    const boxes = drawn.map((box) => ({
      near: (left ? box.x1 : canvas.width - box.x2) - LEGEND_CLEARANCE,
      depth: (top ? box.y1 : canvas.height - box.y2) - LEGEND_CLEARANCE,
    }));
    // the legend can only be as wide as up to a box's near side (or the canvas), and as tall as the boxes within that width leave
    const widths = [...new Set([canvas.width, ...boxes.map(({ near }) => near).filter((near) => near > 0 && near < canvas.width)])].sort((a, b) => b - a);
    // a legend is no shorter at a narrower width: once measured at one, a narrower width needs at least that much room
    let least = 0;
    for (const width of widths) {
      const room = Math.min(canvas.height, ...boxes.filter(({ near }) => near < width).map(({ depth }) => depth));
      if (room <= 0 || room < least) continue;
      least = heightAt(width);
      if (least <= room) return { corner, width };
    }
  }
  return undefined;
}
