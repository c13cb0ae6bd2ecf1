import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { inLang, msg } from '../model/messages.js';
import type { Bilingual, DisplayLang, Graph, RelationType, Sector } from '../model/types.js';
import { INFERRED, INFERRED_MARK, isInferred, RELATIONS, RELATION_TYPES, SECTORS, SECTOR_TYPES } from '../model/vocabulary.js';
import { selectView } from './elements.js';
import { inferredBadge, RELATION_STYLES, SECTOR_STYLES, type RelationStyle, type SectorStyle } from './palette.js';
import { FONT_FAMILY } from './stylesheet.js';
import { arrowPath, dashArray, shapePath } from './swatch.js';

/** What goes around the graph in an exported image. */
export interface ExportFrame {
  /** A title above the graph. */
  title?: string;
  /** A line under the graph citing the source. */
  source?: string;
  /** Legend entries: sectors and relations with their display names. */
  legend?: {
    sectors: { sector: Sector; name: string }[];
    relations: { relation: RelationType; name: string }[];
    /** The name of the mark of inferred relations, when some are shown. */
    inferred?: string;
  };
  /** Page colour, or `none` for a transparent image. */
  background: string;
  text: string;
}

/**
 * The words around an exported graph: the title (model, view, step), the legend of what is
 * shown, and the source line, in the display language; each part can be left out.
 */
export function exportFrame(
  graph: Graph,
  options: { view?: string; shown?: ReadonlySet<string>; lang: DisplayLang; hidden: ReadonlySet<string>; caption?: Bilingual; title: boolean; legend: boolean; source: boolean },
): Pick<ExportFrame, 'title' | 'source' | 'legend'> {
  const { lang, hidden } = options;
  const one = lang === 'both' ? 'zh' : lang;
  const { actors, relations } = selectView(graph, options.view, options.shown);
  const view = graph.views?.find((v) => v.id === options.view);
  const title = [inLang(graph.title, lang), view && inLang(view.title, lang), options.caption && inLang(options.caption, lang)].filter(Boolean).join(' · ');
  const reference = graph.source && [graph.source.author, graph.source.title, graph.source.publication].flatMap((part) => (part ? [inLang(part, one)] : [])).join(', ');
  return {
    title: options.title ? title : undefined,
    source: options.source && reference ? `${msg('sourceRef', lang)}: ${reference}` : undefined,
    legend: options.legend
      ? {
          sectors: SECTOR_TYPES.filter((s) => !hidden.has(s) && actors.some((a) => a.sector === s)).map((sector) => ({ sector, name: inLang(SECTORS[sector].name, lang) })),
          relations: RELATION_TYPES.filter((r) => !hidden.has(r) && relations.some((e) => e.relation === r)).map((relation) => ({ relation, name: inLang(RELATIONS[relation].verb, lang) })),
          inferred: !hidden.has(INFERRED) && relations.some((e) => isInferred(e) && !hidden.has(e.relation)) ? msg('inferredLegend', lang) : undefined,
        }
      : undefined,
  };
}

/** Escapes text for SVG content and attribute values: labels are always text. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Estimated width of a text: Chinese characters are square, Latin ones about half as wide. */
const textWidth = (text: string, fontSize: number) => [...text].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 1 : 0.56), 0) * fontSize;

const num = (n: number) => (Math.round(n * 100) / 100).toString();
const MARGIN = 32;

function nodeSvg(node: NodeSingular): string {
  const { x, y } = node.position();
  const [w, h] = [node.width(), node.height()];
  const shape = node.style('shape') as SectorStyle['shape'];
  const known = Object.values(SECTOR_STYLES).some((style) => style.shape === shape);
  const outline = known ? shapePath(shape, w, h) : shapePath('rectangle', w, h);
  const borderWidth = parseFloat(node.style('border-width')) || 0;
  const fontSize = parseFloat(node.style('font-size'));
  const lines = String(node.data('label') ?? '').split('\n');
  const lineHeight = fontSize * 1.25;
  const firstY = y - ((lines.length - 1) * lineHeight) / 2;
  const text = lines
    .map((line, i) => `<tspan x="${num(x)}" y="${num(firstY + i * lineHeight)}">${escapeXml(line)}</tspan>`)
    .join('');
  return `<g class="actor" data-id="${escapeXml(node.id())}" opacity="${num(parseFloat(node.style('opacity')))}">
<path d="${outline}" transform="translate(${num(x - w / 2)} ${num(y - h / 2)})" fill="${node.style('background-color')}" stroke="${node.style('border-color')}" stroke-width="${num(borderWidth)}"/>
<text font-size="${num(fontSize)}" fill="${node.style('color')}" text-anchor="middle" dominant-baseline="central">${text}</text>
</g>`;
}

/** Angle in degrees of the direction from `a` to `b`. */
const angle = (a: Position, b: Position) => (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;

function edgeSvg(edge: EdgeSingular): string {
  const source = edge.sourceEndpoint();
  const target = edge.targetEndpoint();
  const controls = edge.controlPoints() ?? [];
  let d = `M${num(source.x)},${num(source.y)}`;
  controls.forEach((point, i) => {
    const next = controls[i + 1];
    const end = next ? { x: (point.x + next.x) / 2, y: (point.y + next.y) / 2 } : target;
    d += ` Q${num(point.x)},${num(point.y)} ${num(end.x)},${num(end.y)}`;
  });
  if (controls.length === 0) d += ` L${num(target.x)},${num(target.y)}`;
  const style = RELATION_STYLES[edge.data('relation') as RelationType];
  const colour = edge.style('line-color');
  const width = parseFloat(edge.style('width'));
  const dash = style ? dashArray({ ...style, width }) : undefined;
  const size = 6 + width * 2;
  const arrows: string[] = [];
  const arrow = (shape: string, tip: Position, from: Position) => {
    if (!shape || shape === 'none') return;
    const path = arrowPath(shape as RelationStyle['arrow'], 0, 0, size);
    arrows.push(`<path d="${path}" fill="${colour}" transform="translate(${num(tip.x)} ${num(tip.y)}) rotate(${num(angle(from, tip))})"/>`);
  };
  arrow(edge.style('target-arrow-shape'), target, controls.at(-1) ?? source);
  arrow(edge.style('source-arrow-shape'), source, controls[0] ?? target);
  return `<g class="relation" data-id="${escapeXml(edge.id())}" opacity="${num(parseFloat(edge.style('opacity')))}">
<path d="${d}" fill="none" stroke="${colour}" stroke-width="${num(width)}"${dash ? ` stroke-dasharray="${dash}"` : ''}${style?.line === 'dotted' ? ' stroke-linecap="round"' : ''}/>
${arrows.join('\n')}${edge.data('inferred') ? `\n${badgeSvg(edge.midpoint(), parseFloat(edge.style('font-size')) / inferredBadge(1).fontSize, edge.style('text-background-color'), edge.style('text-border-color'), edge.style('color'))}` : ''}
</g>`;
}

/** The mark of an inferred relation (see `inferredBadge`), centred on `at`; the text has an explicit baseline. */
function badgeSvg(at: Position, scale: number, fill: string, stroke: string, ink: string): string {
  const badge = inferredBadge(scale);
  return `<g class="inferred"><circle cx="${num(at.x)}" cy="${num(at.y)}" r="${num(badge.radius)}" fill="${fill}" stroke="${stroke}" stroke-width="${num(badge.borderWidth)}"/><text x="${num(at.x)}" y="${num(at.y + badge.baseline)}" font-size="${num(badge.fontSize)}" font-weight="bold" fill="${ink}" text-anchor="middle">${INFERRED_MARK}</text></g>`;
}

/** Legend rows under the graph, wrapped to `width`; returns the SVG and its height. */
function legendSvg(frame: ExportFrame, left: number, top: number, width: number): { svg: string; height: number } {
  const legend = frame.legend;
  if (!legend) return { svg: '', height: 0 };
  const fontSize = 14;
  const items: { swatch: (x: number, y: number) => string; name: string }[] = [
    ...legend.sectors.map(({ sector, name }) => ({
      name,
      swatch: (x: number, y: number) =>
        `<path d="${shapePath(SECTOR_STYLES[sector].shape, 24, 15)}" transform="translate(${num(x)} ${num(y - 7.5)})" fill="${SECTOR_STYLES[sector].colour}" stroke="${frame.text}" stroke-width="0.8"/>`,
    })),
    ...legend.relations.map(({ relation, name }) => {
      const style = RELATION_STYLES[relation];
      const dash = dashArray(style);
      return {
        name,
        swatch: (x: number, y: number) =>
          `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 26)}" y2="${num(y)}" stroke="${frame.text}" stroke-width="${Math.min(style.width, 3)}"${dash ? ` stroke-dasharray="${dash}"` : ''} stroke-linecap="round"/><path d="${arrowPath(style.arrow, x + 34, y, 8)}" fill="${frame.text}"/>`,
      };
    }),
  ];
  if (legend.inferred) {
    items.push({
      name: legend.inferred,
      swatch: (x: number, y: number) =>
        `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 34)}" y2="${num(y)}" stroke="${frame.text}" stroke-width="1.5"/>${badgeSvg({ x: x + 17, y }, 0.7, frame.background === 'none' ? '#ffffff' : frame.background, frame.text, frame.text)}`,
    });
  }
  let [x, y] = [left, top + fontSize];
  const parts: string[] = [];
  for (const item of items) {
    const itemWidth = 44 + textWidth(item.name, fontSize);
    if (x > left && x + itemWidth > left + width) [x, y] = [left, y + fontSize * 1.8];
    parts.push(item.swatch(x, y), `<text x="${num(x + 40)}" y="${num(y)}" font-size="${fontSize}" fill="${frame.text}" dominant-baseline="central">${escapeXml(item.name)}</text>`);
    x += itemWidth + 14;
  }
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: y - top + fontSize * 1.5 };
}

/**
 * A vector SVG of what the graph shows (hidden elements left out, trace styles kept): shapes as
 * paths, labels as real text (editable in PowerPoint, Keynote, Inkscape), with optional title,
 * legend and source line. Every label is escaped.
 */
export function graphToSvg(cy: Core, frame: ExportFrame): string {
  const elements = cy.elements(':visible');
  const box = elements.nonempty() ? elements.boundingBox() : { x1: 0, y1: 0, x2: 1, y2: 1, w: 1, h: 1 };
  const width = Math.max(box.w + 2 * MARGIN, 480);
  const titleHeight = frame.title ? 40 : 0;
  const graphLeft = (width - box.w) / 2 - box.x1;
  const graphTop = MARGIN + titleHeight - box.y1;
  const legend = legendSvg(frame, MARGIN, MARGIN + titleHeight + box.h + 16, width - 2 * MARGIN);
  const sourceTop = MARGIN + titleHeight + box.h + 16 + legend.height + 8;
  const height = sourceTop + (frame.source ? 28 : 0) + MARGIN / 2;
  const edges = cy.edges(':visible').sort((a, b) => Number(a.style('z-index')) - Number(b.style('z-index')));
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${num(width)}" height="${num(height)}" viewBox="0 0 ${num(width)} ${num(height)}" font-family="${escapeXml(FONT_FAMILY)}">
${frame.background === 'none' ? '' : `<rect width="100%" height="100%" fill="${frame.background}"/>`}
${frame.title ? `<text x="${num(width / 2)}" y="${MARGIN + 14}" font-size="22" font-weight="bold" fill="${frame.text}" text-anchor="middle">${escapeXml(frame.title)}</text>` : ''}
<g transform="translate(${num(graphLeft)} ${num(graphTop)})">
${edges.map((edge) => edgeSvg(edge as EdgeSingular)).join('\n')}
${cy.nodes(':visible').map((node) => nodeSvg(node)).join('\n')}
</g>
${legend.svg}
${frame.source ? `<text x="${MARGIN}" y="${num(sourceTop + 14)}" font-size="13" fill="${frame.text}">${escapeXml(frame.source)}</text>` : ''}
</svg>
`;
}

/** Draws an SVG into a PNG at least `minWidth` pixels wide, times `scale`; the SVG brings its own background. */
export async function svgToPng(svg: string, { scale = 1, minWidth = 1920 }: { scale?: number; minWidth?: number }): Promise<Blob> {
  const image = new Image();
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    image.src = url;
    await image.decode();
    const factor = Math.max(1, minWidth / image.naturalWidth) * scale;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(image.naturalWidth * factor);
    canvas.height = Math.round(image.naturalHeight * factor);
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
