import type { RelationStyle, SectorStyle } from './palette.js';

/** The geometry of actors' shapes and arrowheads: their outlines, and SVG paths for the legends and the export. */

/** Corners of the polygonal node shapes, in a unit box, clockwise from the top left: as a legend's swatch draws them (an actor's: `outlineOf`). */
export const SHAPE_POLYGONS: Readonly<Partial<Record<SectorStyle['shape'], readonly (readonly [number, number])[]>>> = {
  rectangle: [[0, 0], [1, 0], [1, 1], [0, 1]],
  'cut-rectangle': [[0.15, 0], [0.85, 0], [1, 0.25], [1, 0.75], [0.85, 1], [0.15, 1], [0, 0.75], [0, 0.25]],
  hexagon: [[0.25, 0], [0.75, 0], [1, 0.5], [0.75, 1], [0.25, 1], [0, 0.5]],
  'concave-hexagon': [[0, 0], [1, 0], [0.85, 0.5], [1, 1], [0, 1], [0.15, 0.5]],
  octagon: [[0.3, 0], [0.7, 0], [1, 0.3], [1, 0.7], [0.7, 1], [0.3, 1], [0, 0.7], [0, 0.3]],
  'round-tag': [[0, 0], [0.75, 0], [1, 0.5], [0.75, 1], [0, 1]],
};

/** Length of a cut rectangle's cut corners, in graph units, whatever its size (Cytoscape's `getCutRectangleCornerLength`). */
export const CUT_CORNER = 8;

/**
 * Corners of an actor's outline, in a unit box, as Cytoscape draws it at this size: its shape's
 * polygon (see `SHAPE_POLYGONS`), but a cut rectangle cut `CUT_CORNER` deep (at most to its
 * middle: Cytoscape's outline of a box under 16 units crosses itself); undefined for the round shapes.
 */
export function outlineOf(shape: SectorStyle['shape'] | undefined, width: number, height: number): readonly (readonly [number, number])[] | undefined {
  if (shape !== 'cut-rectangle') return shape && SHAPE_POLYGONS[shape];
  const [x, y] = [Math.min(0.5, CUT_CORNER / width), Math.min(0.5, CUT_CORNER / height)];
  return [[x, 0], [1 - x, 0], [1, y], [1, 1 - y], [1 - x, 1], [x, 1], [0, 1 - y], [0, y]];
}

/** Share of an actor's width its top and bottom sides run straight: where relations can leave it side by side. */
export function flatSide(shape: SectorStyle['shape'] | undefined, width: number, height: number): number {
  const polygon = outlineOf(shape, width, height);
  if (polygon) {
    const bottom = polygon.filter(([, y]) => y === 1).map(([x]) => x);
    return Math.max(...bottom) - Math.min(...bottom);
  }
  // an ellipse is steep at its sides; a barrel's and a round rectangle's ends curve only a little
  return shape === 'ellipse' ? 0.5 : 0.85;
}

/**
 * Share of a shape's height both its left and right sides run straight and upright: where
 * relations can meet it one above another (none on a hexagon's points or a tag's tip).
 */
export function uprightSide(shape: SectorStyle['shape'] | undefined, width: number, height: number): number {
  const polygon = outlineOf(shape, width, height);
  if (polygon) {
    // an upright side is an edge of the outline between two corners both at x = 0 (or both at x = 1)
    const edges = polygon.map((corner, i) => [corner, polygon[(i + 1) % polygon.length]] as const);
    const sideAt = (x: number) => Math.max(0, ...edges.filter(([a, b]) => a[0] === x && b[0] === x).map(([a, b]) => Math.abs(a[1] - b[1])));
    return Math.min(sideAt(0), sideAt(1));
  }
  // the same as along the top: an ellipse is steep there, a barrel's and a round rectangle's corners curve a little
  return flatSide(shape, width, height);
}

/** SVG path (in a 28×18 box) of a node shape, for legends and exports; a polygonal one with the corners `polygon` (an actor's: see `outlineOf`). */
export function shapePath(shape: SectorStyle['shape'], w = 28, h = 18, polygon = SHAPE_POLYGONS[shape]): string {
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
