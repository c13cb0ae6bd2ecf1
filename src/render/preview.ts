import type { ElementDefinition } from 'cytoscape';
import type { ActorData, RelationData } from './elements.js';
import type { Viewport } from './layout.js';
import { INFERRED_MARK } from '../model/vocabulary.js';
import { arrowLength, dashOf, lookOf, lookRules, type Drawn, type Look } from './looks.js';
import { inferredBadge, SECTOR_STYLES, type ThemeColours } from './palette.js';
import { SOFTWARE_CANVAS } from './software-canvas.js';
import { BASE_FONT_SIZE, MIN_ZOOMED_FONT_SIZE } from './stylesheet.js';
import { arrowPath, exitPoint, shapePath } from './shapes.js';
import { FONT_FAMILY, LINE_HEIGHT } from './typography.js';

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
 * Paints a graph on a 2D canvas the way Cytoscape will draw it: same positions, viewport and
 * labels, and every look from the same table (`looks.ts`); relations straight, or fanned out where
 * several join the same two actors. So a graph is on screen before Cytoscape has been evaluated
 * and has drawn its first frame. The canvas is `width` × `height` CSS pixels. Labels are drawn as
 * text, never parsed.
 */
export function paintPreview(canvas: HTMLCanvasElement, width: number, height: number, scene: PreviewScene): void {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const context = canvas.getContext('2d', SOFTWARE_CANVAS);
  if (!context) return;
  const { elements, positions, classes, viewport, colours } = scene;
  const { zoom, pan } = viewport;
  context.setTransform(ratio * zoom, 0, 0, ratio * zoom, ratio * pan.x, ratio * pan.y);
  const rules = lookRules(colours);
  const looks = new Map(elements.map(({ data }) => [data.id!, lookOf(rules, { group: data.source === undefined ? 'node' : 'edge', data: data as Drawn['data'], classes: classes.get(data.id!) })]));
  const nodes = new Map<string, ActorData>();
  for (const { data } of elements) if (data.source === undefined) nodes.set(data.id!, data as ActorData);
  const visible = (id: string) => positions.has(id) && !looks.get(id)?.hidden;

  // actors with their positions and the order they were added in, for bundles
  const placed = new Map<string, ActorData & Point & { order: number }>();
  for (const [id, data] of nodes) if (positions.has(id)) placed.set(id, { ...data, ...positions.get(id)!, order: placed.size });
  const drawn = elements
    .filter(({ data }) => data.source !== undefined && !looks.get(data.id!)?.hidden && visible(data.source) && visible(data.target))
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
  for (const data of [...drawn].sort((a, b) => (looks.get(a.id)!.zIndex ?? 0) - (looks.get(b.id)!.zIndex ?? 0))) {
    const look = looks.get(data.id)!;
    const [source, target] = [placed.get(data.source)!, placed.get(data.target)!];
    const control = bundleControlPoint(data, bundles.get(pairOf(data))!, placed);
    const start = exitPoint(source, source, control ?? target);
    const end = exitPoint(target, target, control ?? source);
    if (!control && (target.x - source.x) * (end.x - start.x) + (target.y - source.y) * (end.y - start.y) <= 0) continue;
    paintRelation(context, look, start, end, control);
    if (look.badge) paintBadge(context, control ? quadraticMidpoint(start, control, end) : { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }, colours, zoom);
  }

  const fontSize = BASE_FONT_SIZE * colours.scale;
  const lineHeight = fontSize * LINE_HEIGHT;
  const labels = fontSize * zoom >= MIN_ZOOMED_FONT_SIZE;
  for (const [id, data] of nodes) {
    const position = positions.get(id);
    const look = looks.get(id)!;
    if (!position || look.hidden || !SECTOR_STYLES[data.sector]) continue;
    paintActor(context, look, position, data);
    if (!labels) continue;
    context.font = `${fontSize}px ${FONT_FAMILY}`;
    context.textAlign = 'center';
    context.textBaseline = 'middle';
    context.fillStyle = look.ink!;
    const lines = String(data.label ?? '').split('\n');
    const first = position.y - ((lines.length - 1) * lineHeight) / 2;
    lines.forEach((line, i) => context.fillText(line, position.x, first + i * lineHeight));
  }
  context.globalAlpha = 1;
}

/** A relation's line and arrowheads, as its look says. */
function paintRelation(context: CanvasRenderingContext2D, look: Partial<Look>, start: Point, end: Point, control: Point | undefined): void {
  const width = look.width ?? 1;
  const size = arrowLength(width);
  const startAngle = angleOf(start, control ?? end);
  const endAngle = angleOf(control ?? start, end);
  const atSource = look.sourceArrow && look.sourceArrow !== 'none';
  const atTarget = look.targetArrow && look.targetArrow !== 'none';
  // the line stops under the arrowheads, as in Cytoscape
  const inset = size * 0.8;
  const lineStart = atSource ? { x: start.x + Math.cos(startAngle) * inset, y: start.y + Math.sin(startAngle) * inset } : start;
  const lineEnd = atTarget ? { x: end.x - Math.cos(endAngle) * inset, y: end.y - Math.sin(endAngle) * inset } : end;
  const { pattern, cap } = dashOf(look);
  context.globalAlpha = look.opacity ?? 1;
  context.strokeStyle = look.colour!;
  context.fillStyle = look.colour!;
  context.lineWidth = width;
  context.lineCap = cap;
  context.setLineDash(pattern);
  context.beginPath();
  context.moveTo(lineStart.x, lineStart.y);
  if (control) context.quadraticCurveTo(control.x, control.y, lineEnd.x, lineEnd.y);
  else context.lineTo(lineEnd.x, lineEnd.y);
  context.stroke();
  context.setLineDash([]);
  context.lineCap = 'butt';
  const arrow = (shape: Look['targetArrow'], tip: Point, angle: number) => {
    context.save();
    context.translate(tip.x, tip.y);
    context.rotate(angle);
    context.fill(new Path2D(arrowPath(shape as Exclude<Look['targetArrow'], 'none'>, 0, 0, size)));
    context.restore();
  };
  if (atTarget) arrow(look.targetArrow!, end, endAngle);
  if (atSource) arrow(look.sourceArrow!, start, startAngle + Math.PI);
}

/** An actor's glow, shape, border (double where the look says) and focus ring; its label follows. */
function paintActor(context: CanvasRenderingContext2D, look: Partial<Look>, { x, y }: Point, { width: w, height: h }: ActorData): void {
  const [left, top] = [x - w / 2, y - h / 2];
  context.globalAlpha = look.opacity ?? 1;
  if (look.underlay) {
    const pad = look.underlay.padding;
    context.save();
    context.globalAlpha *= look.underlay.opacity;
    context.fillStyle = look.underlay.colour;
    context.beginPath();
    context.roundRect(left - pad, top - pad, w + 2 * pad, h + 2 * pad, pad);
    context.fill();
    context.restore();
  }
  const outline = new Path2D(shapePath(look.shape!, w, h));
  context.save();
  context.translate(left, top);
  context.fillStyle = look.fill!;
  context.fill(outline);
  const border = look.border!;
  context.strokeStyle = border.colour;
  context.lineWidth = border.width;
  context.stroke(outline);
  if (border.double) {
    // the middle third in the fill's colour: two thin lines, as Cytoscape draws a double border
    context.strokeStyle = look.fill!;
    context.lineWidth = border.width / 3;
    context.stroke(outline);
  }
  context.restore();
  if (look.outline) {
    const { offset, width, colour } = look.outline;
    context.save();
    context.strokeStyle = colour;
    context.lineWidth = width;
    context.strokeRect(left - offset - width / 2, top - offset - width / 2, w + 2 * offset + width, h + 2 * offset + width);
    context.restore();
  }
}
