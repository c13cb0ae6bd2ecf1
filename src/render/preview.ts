import type { ElementDefinition } from 'cytoscape';
import type { RelationType, Sector } from '../model/types.js';
import type { Viewport } from './layout.js';
import { RELATION_STYLES, SECTOR_STYLES, type ThemeColours } from './palette.js';
import { BASE_FONT_SIZE, darken, FONT_FAMILY, MIN_ZOOMED_FONT_SIZE } from './stylesheet.js';
import { arrowPath, shapePath } from './swatch.js';

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

/** Opacity of dimmed elements, as in the stylesheet. */
const DIMMED = 0.18;

const isHidden = (classes: readonly string[] | undefined) => Boolean(classes && (classes.includes('filtered') || classes.includes('step-hidden')));

/** How far from an actor's centre, as a fraction of (dx, dy), a line towards (dx, dy) leaves its outline. */
function exitFraction(width: number, height: number, round: boolean, dx: number, dy: number): number {
  const [a, b] = [width / 2, height / 2];
  if (round) return 1 / Math.hypot(dx / a, dy / b);
  return Math.min(Math.abs(dx) > 1e-9 ? a / Math.abs(dx) : Infinity, Math.abs(dy) > 1e-9 ? b / Math.abs(dy) : Infinity);
}

/**
 * Paints a graph on a 2D canvas the way Cytoscape will draw it (same positions, viewport, shapes,
 * colours, line patterns, arrows and labels; relations straight), so a graph is on screen before
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
  const nodes = new Map<string, ElementDefinition['data']>();
  for (const { data } of elements) if (data.source === undefined) nodes.set(data.id!, data);
  const visible = (id: string) => positions.has(id) && !isHidden(classes.get(id));

  for (const { data } of elements) {
    if (data.source === undefined || isHidden(classes.get(data.id!)) || !visible(data.source) || !visible(data.target)) continue;
    const own = classes.get(data.id!) ?? [];
    const style = RELATION_STYLES[data.relation as RelationType];
    if (!style) continue;
    const [source, target] = [nodes.get(data.source)!, nodes.get(data.target)!];
    const [from, to] = [positions.get(data.source)!, positions.get(data.target)!];
    const [dx, dy] = [to.x - from.x, to.y - from.y];
    const length = Math.hypot(dx, dy);
    if (length < 1) continue;
    const startAt = exitFraction(source.width, source.height, SECTOR_STYLES[source.sector as Sector]?.shape === 'ellipse', dx, dy);
    const endAt = 1 - exitFraction(target.width, target.height, SECTOR_STYLES[target.sector as Sector]?.shape === 'ellipse', -dx, -dy);
    if (endAt <= startAt) continue;
    const start = { x: from.x + dx * startAt, y: from.y + dy * startAt };
    const end = { x: from.x + dx * endAt, y: from.y + dy * endAt };
    const traced = own.includes('upstream') ? colours.upstream : own.includes('downstream') ? colours.downstream : undefined;
    const colour = traced ?? (data.kind === 'accountability' ? colours.edge : colours.edgeSoft);
    const lineWidth = (traced ? 4 : style.width) * colours.scale;
    const arrowSize = 6 + lineWidth * 2;
    const arrowAtTarget = !data.reversed;
    const arrowAtSource = data.reversed || data.relation === 'partners';
    const [ux, uy] = [dx / length, dy / length];
    // the line stops under the arrowheads, as in Cytoscape
    const lineStart = arrowAtSource ? { x: start.x + ux * arrowSize * 0.8, y: start.y + uy * arrowSize * 0.8 } : start;
    const lineEnd = arrowAtTarget ? { x: end.x - ux * arrowSize * 0.8, y: end.y - uy * arrowSize * 0.8 } : end;
    context.globalAlpha = own.includes('dimmed') ? DIMMED : 1;
    context.strokeStyle = colour;
    context.fillStyle = colour;
    context.lineWidth = lineWidth;
    context.lineCap = style.line === 'dotted' ? 'round' : 'butt';
    context.setLineDash(style.line === 'dotted' ? [0.1, lineWidth * 2] : style.line === 'dashed' ? (style.dash ?? [6, 3]) : []);
    context.beginPath();
    context.moveTo(lineStart.x, lineStart.y);
    context.lineTo(lineEnd.x, lineEnd.y);
    context.stroke();
    context.setLineDash([]);
    const arrow = (tip: { x: number; y: number }, angle: number) => {
      context.save();
      context.translate(tip.x, tip.y);
      context.rotate(angle);
      context.fill(new Path2D(arrowPath(style.arrow, 0, 0, arrowSize)));
      context.restore();
    };
    if (arrowAtTarget) arrow(end, Math.atan2(dy, dx));
    if (arrowAtSource) arrow(start, Math.atan2(-dy, -dx));
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
    const sector = SECTOR_STYLES[data.sector as Sector];
    if (!sector) continue;
    const { width: w, height: h } = data as { width: number; height: number };
    const [left, top] = [position.x - w / 2, position.y - h / 2];
    context.globalAlpha = own.includes('dimmed') ? DIMMED : 1;
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
