import type { Sector } from '../model/types.js';
import { SECTOR_STYLES, type RelationStyle, type SectorStyle } from './palette.js';

/** The geometry of actors' shapes and arrowheads, for every painter: SVG paths, and where a line leaves a shape. */

/** A point in graph coordinates. */
interface Point {
  x: number;
  y: number;
}

/** What the outline of an actor depends on. */
type Outline = { width: number; height: number; sector: Sector };


/** Corners of the polygonal node shapes, in a unit box, clockwise from the top left. */
export const SHAPE_POLYGONS: Readonly<Partial<Record<SectorStyle['shape'], readonly (readonly [number, number])[]>>> = {
  rectangle: [[0, 0], [1, 0], [1, 1], [0, 1]],
  'cut-rectangle': [[0.15, 0], [0.85, 0], [1, 0.25], [1, 0.75], [0.85, 1], [0.15, 1], [0, 0.75], [0, 0.25]],
  hexagon: [[0.25, 0], [0.75, 0], [1, 0.5], [0.75, 1], [0.25, 1], [0, 0.5]],
  'concave-hexagon': [[0, 0], [1, 0], [0.85, 0.5], [1, 1], [0, 1], [0.15, 0.5]],
  octagon: [[0.3, 0], [0.7, 0], [1, 0.3], [1, 0.7], [0.7, 1], [0.3, 1], [0, 0.7], [0, 0.3]],
  'round-tag': [[0, 0], [0.75, 0], [1, 0.5], [0.75, 1], [0, 1]],
};

/** SVG path (in a 28×18 box) of a node shape, for legends and exports. */
export function shapePath(shape: SectorStyle['shape'], w = 28, h = 18): string {
  const polygon = SHAPE_POLYGONS[shape];
  if (polygon) return `M${polygon.map(([x, y]) => `${(x * w).toFixed(1)},${(y * h).toFixed(1)}`).join('L')}Z`;
  switch (shape) {
    case 'barrel':
      return `M0,2Q${w / 2},-2 ${w},2V${h - 2}Q${w / 2},${h + 2} 0,${h - 2}Z`;
    case 'ellipse':
      return `M0,${h / 2}A${w / 2},${h / 2} 0 1 0 ${w},${h / 2}A${w / 2},${h / 2} 0 1 0 0,${h / 2}Z`;
    default: // round-rectangle
      return `M4,0H${w - 4}Q${w},0 ${w},4V${h - 4}Q${w},${h} ${w - 4},${h}H4Q0,${h} 0,${h - 4}V4Q0,0 4,0Z`;
  }
}

/** SVG path of an arrowhead pointing right with its tip at (x, y), about `size` long. */
export function arrowPath(arrow: RelationStyle['arrow'], x: number, y: number, size = 8): string {
  const s = size;
  const h = s / 2;
  switch (arrow) {
    case 'triangle':
    case 'triangle-tee':
    case 'triangle-backcurve':
    case 'circle-triangle':
      return `M${x},${y}L${x - s},${y - h}L${x - s},${y + h}Z`;
    case 'vee':
      return `M${x},${y}L${x - s},${y - h}L${x - s * 0.6},${y}L${x - s},${y + h}Z`;
    case 'chevron':
      return `M${x},${y}L${x - s * 0.6},${y - h}L${x - s},${y - h}L${x - s * 0.4},${y}L${x - s},${y + h}L${x - s * 0.6},${y + h}Z`;
    case 'tee':
      return `M${x - 2},${y - h}H${x}V${y + h}H${x - 2}Z`;
    case 'square':
      return `M${x},${y - h * 0.8}V${y + h * 0.8}H${x - s * 0.8}V${y - h * 0.8}Z`;
    case 'diamond':
      return `M${x},${y}L${x - h},${y - h}L${x - s},${y}L${x - h},${y + h}Z`;
    case 'circle':
      return `M${x},${y}A${h},${h} 0 1 0 ${x - s},${y}A${h},${h} 0 1 0 ${x},${y}Z`;
  }
}

/** Where a line from an actor's centre towards `toward` leaves its outline (as Cytoscape ends a relation there). */
export function exitPoint(centre: Point, actor: Outline, toward: Point): Point {
  const [dx, dy] = [toward.x - centre.x, toward.y - centre.y];
  if (Math.hypot(dx, dy) < 1e-9) return centre;
  const fraction = Math.min(1, exitFraction(actor, dx, dy));
  return { x: centre.x + dx * fraction, y: centre.y + dy * fraction };
}

/** How far from an actor's centre, as a fraction of (dx, dy), a line towards (dx, dy) leaves its outline. */
function exitFraction({ width, height, sector }: Outline, dx: number, dy: number): number {
  const shape = SECTOR_STYLES[sector]?.shape;
  if (shape === 'ellipse') return 1 / Math.hypot(dx / (width / 2), dy / (height / 2));
  // the nearest crossing of an outline side, in coordinates around the centre (every shape is star-shaped from it)
  const corners = (SHAPE_POLYGONS[shape] ?? SHAPE_POLYGONS.rectangle!).map(([x, y]) => ({ x: (x - 0.5) * width, y: (y - 0.5) * height }));
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
