import type { ElementDefinition } from 'cytoscape';
import type { ActorData, RelationData } from './elements.js';
import type { Viewport } from './layout.js';
import { INFERRED_MARK } from '../model/vocabulary.js';
import { inferredBadge, RELATION_STYLES, SECTOR_STYLES, type ThemeColours } from './palette.js';
import { BASE_FONT_SIZE, darken, DIMMED_OPACITY, FONT_FAMILY, MIN_ZOOMED_FONT_SIZE } from './stylesheet.js';
import { arrowPath, SHAPE_POLYGONS, shapePath } from './swatch.js';

/** What the first picture of a graph shows. */
export interface PreviewScene {
  elements: readonly ElementDefinition[];
  /** Centre of every actor, in graph coordinates. */
  positions: ReadonlyMap<string, { x: number; y: number }>;
  /** Classes of the current state (see `classesOf`). */
  classes: ReadonlyMap<string, readonly string[]>;
  viewport: Viewport;
  colours: ThemeColours;
}

const isHidden = (classes: readonly string[] | undefined) => Boolean(classes && (classes.includes('filtered') || classes.includes('step-hidden')));

interface Point {
  x: number;
  y: number;
}

/** Cytoscape's default distance between the relations of one bundle, in graph units. */
const BUNDLE_STEP = 40;

const angleOf = (from: Point, to: Point) => Math.atan2(to.y - from.y, to.x - from.x);

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

/** Where a line from an actor's centre towards `toward` leaves its outline (as Cytoscape ends a relation there). */
export function exitPoint(centre: Point, actor: Pick<ActorData, 'width' | 'height' | 'sector'>, toward: Point): Point {
  const [dx, dy] = [toward.x - centre.x, toward.y - centre.y];
  if (Math.hypot(dx, dy) < 1e-9) return centre;
  const fraction = Math.min(1, exitFraction(actor, dx, dy));
  return { x: centre.x + dx * fraction, y: centre.y + dy * fraction };
}

/** How far from an actor's centre, as a fraction of (dx, dy), a line towards (dx, dy) leaves its outline. */
function exitFraction({ width, height, sector }: Pick<ActorData, 'width' | 'height' | 'sector'>, dx: number, dy: number): number {
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

const quadraticMidpoint = (a: Point, control: Point, b: Point): Point => ({ x: 0.25 * a.x + 0.5 * control.x + 0.25 * b.x, y: 0.25 * a.y + 0.5 * control.y + 0.25 * b.y });

/** The mark of an inferred relation at the middle of its line (see `inferredBadge`). */
function paintBadge(context: CanvasRenderingContext2D, at: Point, colours: ThemeColours, zoom: number): void {
  const badge = inferredBadge(colours.scale);
  if (badge.fontSize * zoom < MIN_ZOOMED_FONT_SIZE) return;
  context.beginPath();
  context.arc(at.x, at.y, badge.radius, 0, Math.PI * 2);
  context.fillStyle = colours.background;
  context.fill();
  context.lineWidth = badge.borderWidth;
  context.strokeStyle = colours.edge;
  context.stroke();
  context.fillStyle = colours.text;
  context.font = `bold ${badge.fontSize}px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.textBaseline = 'alphabetic';
  context.fillText(INFERRED_MARK, at.x, at.y + badge.baseline);
}

/**
 * Paints a graph on a 2D canvas the way Cytoscape will draw it (same positions, viewport, shapes,
 * colours, line patterns, arrows and labels; relations straight, or fanned out where several join
 * the same two actors), so a graph is on screen before
 * Cytoscape has been evaluated and has drawn its first frame. The canvas is `width` × `height`
 * CSS pixels. Labels are drawn as text, never parsed.
 */
export function paintPreview(canvas: HTMLCanvasElement, width: number, height: number, scene: PreviewScene): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d');
  if (!context) return;
  const { elements, positions, classes, viewport, colours } = scene;
  const { zoom, pan } = viewport;
  context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
  const nodes = new Map<string, ActorData>();
  for (const { data } of elements) if (data.source === undefined) nodes.set(data.id!, data as ActorData);
  const visible = (id: string) => positions.has(id) && !isHidden(classes.get(id));

  // actors with their positions and the order they were added in, for bundles
  const placed = new Map<string, ActorData & Point & { order: number }>();
  for (const [id, data] of nodes) if (positions.has(id)) placed.set(id, { ...data, ...positions.get(id)!, order: placed.size });
  const drawn = elements
    .filter(({ data }) => data.source !== undefined && !isHidden(classes.get(data.id!)) && visible(data.source) && visible(data.target))
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
  for (const data of drawn) {
    const own = classes.get(data.id) ?? [];
    const style = RELATION_STYLES[data.relation];
    if (!style) continue;
    const [source, target] = [placed.get(data.source)!, placed.get(data.target)!];
    const control = bundleControlPoint(data, bundles.get(pairOf(data))!, placed);
    const start = exitPoint(source, source, control ?? target);
    const end = exitPoint(target, target, control ?? source);
    if (!control && (target.x - source.x) * (end.x - start.x) + (target.y - source.y) * (end.y - start.y) <= 0) continue;
    const traced = own.includes('upstream') ? colours.upstream : own.includes('downstream') ? colours.downstream : undefined;
    const colour = traced ?? (data.kind === 'accountability' ? colours.edge : colours.edgeSoft);
    const lineWidth = (traced ? 4 : style.width) * colours.scale;
    const arrowSize = 6 + lineWidth * 2;
    const arrowAtTarget = !data.reversed;
    const arrowAtSource = data.reversed || data.relation === 'partners';
    const startAngle = angleOf(start, control ?? end);
    const endAngle = angleOf(control ?? start, end);
    // the line stops under the arrowheads, as in Cytoscape
    const inset = arrowSize * 0.8;
    const lineStart = arrowAtSource ? { x: start.x + Math.cos(startAngle) * inset, y: start.y + Math.sin(startAngle) * inset } : start;
    const lineEnd = arrowAtTarget ? { x: end.x - Math.cos(endAngle) * inset, y: end.y - Math.sin(endAngle) * inset } : end;
    context.globalAlpha = own.includes('dimmed') ? DIMMED_OPACITY : 1;
    context.strokeStyle = colour;
    context.fillStyle = colour;
    context.lineWidth = lineWidth;
    // Cytoscape's patterns: dotted is one unit on, one off
    context.setLineDash(style.line === 'dotted' ? [1, 1] : style.line === 'dashed' ? (style.dash ?? [6, 3]) : []);
    context.beginPath();
    context.moveTo(lineStart.x, lineStart.y);
    if (control) context.quadraticCurveTo(control.x, control.y, lineEnd.x, lineEnd.y);
    else context.lineTo(lineEnd.x, lineEnd.y);
    context.stroke();
    context.setLineDash([]);
    const arrow = (tip: Point, angle: number) => {
      context.save();
      context.translate(tip.x, tip.y);
      context.rotate(angle);
      context.fill(new Path2D(arrowPath(style.arrow, 0, 0, arrowSize)));
      context.restore();
    };
    if (arrowAtTarget) arrow(end, endAngle);
    if (arrowAtSource) arrow(start, startAngle + Math.PI);
    if (data.inferred) paintBadge(context, control ? quadraticMidpoint(start, control, end) : { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }, colours, zoom);
  }

  const fontSize = BASE_FONT_SIZE * colours.scale;
  const lineHeight = fontSize * 1.25;
  const labels = fontSize * zoom >= MIN_ZOOMED_FONT_SIZE;
  context.font = `${fontSize}px ${FONT_FAMILY}`;
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  for (const [id, data] of nodes) {
    const position = positions.get(id);
    const own = classes.get(id) ?? [];
    if (!position || isHidden(own)) continue;
    const sector = SECTOR_STYLES[data.sector];
    if (!sector) continue;
    const { width: w, height: h } = data;
    const [left, top] = [position.x - w / 2, position.y - h / 2];
    context.globalAlpha = own.includes('dimmed') ? DIMMED_OPACITY : 1;
    const underlay = own.includes('marked') || own.includes('step-emphasis') || own.includes('traced');
    if (underlay) {
      const pad = 9;
      context.save();
      context.globalAlpha *= 0.45;
      context.fillStyle = colours.highlight;
      context.beginPath();
      context.roundRect(left - pad, top - pad, w + 2 * pad, h + 2 * pad, pad);
      context.fill();
      context.restore();
    }
    const outline = new Path2D(shapePath(sector.shape, w, h));
    context.save();
    context.translate(left, top);
    context.fillStyle = sector.colour;
    context.fill(outline);
    const traced = own.includes('traced') ? colours.text : own.includes('upstream') ? colours.upstream : own.includes('downstream') ? colours.downstream : undefined;
    context.strokeStyle = traced ?? darken(sector.colour);
    context.lineWidth = (traced ? 4 : 1.5) * colours.scale;
    context.stroke(outline);
    context.restore();
    if (!labels) continue;
    context.fillStyle = sector.ink;
    const lines = String(data.label ?? '').split('\n');
    const first = position.y - ((lines.length - 1) * lineHeight) / 2;
    lines.forEach((line, i) => context.fillText(line, position.x, first + i * lineHeight));
  }
  context.globalAlpha = 1;
}
