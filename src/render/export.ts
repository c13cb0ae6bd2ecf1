import type { Core, EdgeSingular, NodeSingular, Position } from 'cytoscape';
import { inLang, msg, oneLang } from '../model/messages.js';
import { withoutUnshowable } from '../model/text.js';
import type { Bilingual, DisplayLang, Graph, RelationType, Sector } from '../model/types.js';
import { INFERRED, INFERRED_MARK, isInferred, vocabularyOf } from '../model/vocabulary.js';
import { legendIn, selectView } from './elements.js';
import { arrowLength, dashOf, type Look } from './looks.js';
import { roundedCorners } from './geometry.js';
import type { Scene } from './scene.js';
import { inferredBadge, type RelationStyle, type ThemeColours } from './palette.js';
import { arrowPath, outlineOf, shapePath } from './shapes.js';
import { FONT_FAMILY, LINE_HEIGHT, labelSize } from './typography.js';

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
  /** What is shown, with its colours and the look of every element. */
  scene: Pick<Scene, 'colours' | 'look' | 'swatch'>;
  /** Width over height of the image (16 / 9 fills a slide), the content centred; `tight`: just around the content. */
  aspect: number | 'tight';
}

/** The aspect of a 16:9 slide, the default of exports. */
export const SLIDE_ASPECT = 16 / 9;

/**
 * The words around an exported graph: the title (model, view, step), the legend of what is
 * shown, and the source line, in the display language; each part can be left out.
 */
export function exportFrame(
  graph: Graph,
  options: { view?: string; shown?: ReadonlySet<string>; lang: DisplayLang; hidden: ReadonlySet<string>; caption?: Bilingual; title: boolean; legend: boolean; source: boolean },
): Pick<ExportFrame, 'title' | 'source' | 'legend'> {
  const { lang, hidden } = options;
  const shown = selectView(graph, options.view, options.shown);
  const vocabulary = vocabularyOf(graph);
  const entries = legendIn(vocabulary, shown);
  const { relations } = shown;
  const view = graph.views?.find((v) => v.id === options.view);
  const title = [inLang(graph.title, lang), view && inLang(view.title, lang), options.caption && inLang(options.caption, lang)].filter(Boolean).join(' · ');
  const reference = sourceReference(graph, lang);
  return {
    title: options.title ? title : undefined,
    source: options.source && reference ? `${msg('sourceRef', lang)}: ${reference}` : undefined,
    legend: options.legend
      ? {
          sectors: entries.sectors.filter((s) => !hidden.has(s)).map((sector) => ({ sector, name: inLang(vocabulary.sectors[sector].name, lang) })),
          relations: entries.relations.filter((r) => !hidden.has(r)).map((relation) => ({ relation, name: inLang(vocabulary.relations[relation].verb, lang) })),
          inferred: !hidden.has(INFERRED) && relations.some((e) => isInferred(e) && !hidden.has(e.relation)) ? msg('inferredLegend', lang) : undefined,
        }
      : undefined,
  };
}

/** The graph's source as one line (author, title, publication) in one language; undefined without a source. */
export function sourceReference(graph: Graph, lang: DisplayLang): string | undefined {
  const one = oneLang(lang);
  return graph.source && [graph.source.author, graph.source.title, graph.source.publication].flatMap((part) => (part ? [inLang(part, one)] : [])).join(', ');
}

/**
 * Escapes text for SVG content and attribute values: labels are always text, and characters XML
 * cannot hold are dropped, so the file always opens.
 */
export function escapeXml(text: string): string {
  return withoutUnshowable(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Estimated width of a text at `fontSize`, in its units: Chinese characters are square, Latin ones about half as wide. */
export const textWidth = (text: string, fontSize: number) => [...text].reduce((w, c) => w + (/[\u2e80-\uffef]/.test(c) ? 1 : 0.56), 0) * fontSize;

const num = (n: number) => (Math.round(n * 100) / 100).toString();
const MARGIN = 32;

/** SVG attributes of a dash pattern and cap (see `dashOf`). */
function dashAttributes(look: Partial<Look>): string {
  const { pattern, cap } = dashOf(look);
  return `${pattern.length ? ` stroke-dasharray="${pattern.map(num).join(' ')}"` : ''}${cap === 'round' ? ' stroke-linecap="round"' : ''}`;
}

function nodeSvg(node: NodeSingular, look: Partial<Look>): string {
  const { x, y } = node.position();
  const [w, h] = [node.width(), node.height()];
  const shape = look.shape ?? 'rectangle';
  const outline = shapePath(shape, w, h, outlineOf(shape, w, h));
  const border = look.border!;
  const fontSize = parseFloat(node.style('font-size'));
  const lines = String(node.data('label') ?? '').split('\n');
  const lineHeight = fontSize * LINE_HEIGHT;
  // an explicit baseline for each line (importers ignore dominant-baseline): centred on its line box
  const firstBaseline = y - ((lines.length - 1) * lineHeight) / 2 + fontSize * 0.35;
  const text = lines.map((line, i) => `<tspan x="${num(x)}" y="${num(firstBaseline + i * lineHeight)}">${escapeXml(line)}</tspan>`).join('');
  const translate = `translate(${num(x - w / 2)} ${num(y - h / 2)})`;
  const glow = look.underlay;
  const underlay = glow
    ? `<rect x="${num(x - w / 2 - glow.padding)}" y="${num(y - h / 2 - glow.padding)}" width="${num(w + 2 * glow.padding)}" height="${num(h + 2 * glow.padding)}" rx="${num(glow.padding)}" fill="${escapeXml(glow.colour)}" opacity="${num(glow.opacity)}"/>\n`
    : '';
  const double = border.double ? `\n<path d="${outline}" transform="${translate}" fill="none" stroke="${escapeXml(look.fill!)}" stroke-width="${num(border.width / 3)}"/>` : '';
  return `<g class="actor" data-id="${escapeXml(node.id())}" opacity="${num(look.opacity ?? 1)}">
${underlay}<path d="${outline}" transform="${translate}" fill="${escapeXml(look.fill!)}" stroke="${escapeXml(border.colour)}" stroke-width="${num(border.width)}"/>${double}
<text font-size="${num(fontSize)}" fill="${escapeXml(look.ink!)}" text-anchor="middle">${text}</text>
</g>`;
}

/** Angle in degrees of the direction from `a` to `b`. */
const angle = (a: Position, b: Position) => (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI;

/** `from` moved `distance` toward `toward`. */
function inset(from: Position, toward: Position, distance: number): Position {
  const length = Math.hypot(toward.x - from.x, toward.y - from.y) || 1;
  return { x: from.x + ((toward.x - from.x) / length) * distance, y: from.y + ((toward.y - from.y) / length) * distance };
}

function edgeSvg(edge: EdgeSingular, look: Partial<Look>, colours: ThemeColours): string {
  const source = edge.sourceEndpoint();
  const target = edge.targetEndpoint();
  const bends = edge.segmentPoints() ?? [];
  const controls = bends.length ? [] : (edge.controlPoints() ?? []);
  const colour = look.colour!;
  const width = look.width ?? 1;
  const size = arrowLength(width);
  const hasArrow = (shape: Look['targetArrow'] | undefined) => Boolean(shape && shape !== 'none');
  // where the line leaves each end: toward its first bend or control point
  const [first, last] = [bends[0] ?? controls[0] ?? target, bends.at(-1) ?? controls.at(-1) ?? source];
  // the line stops under its arrowheads, as on screen
  const start = hasArrow(look.sourceArrow) ? inset(source, first, size * 0.8) : source;
  const end = hasArrow(look.targetArrow) ? inset(target, last, size * 0.8) : target;
  let d = `M${num(start.x)},${num(start.y)}`;
  if (bends.length) {
    for (const { to, via } of roundedCorners([start, ...bends, end])) d += via ? ` Q${num(via.x)},${num(via.y)} ${num(to.x)},${num(to.y)}` : ` L${num(to.x)},${num(to.y)}`;
  }
  controls.forEach((point, i) => {
    const next = controls[i + 1];
    const to = next ? { x: (point.x + next.x) / 2, y: (point.y + next.y) / 2 } : end;
    d += ` Q${num(point.x)},${num(point.y)} ${num(to.x)},${num(to.y)}`;
  });
  if (bends.length === 0 && controls.length === 0) d += ` L${num(end.x)},${num(end.y)}`;
  const arrows: string[] = [];
  const arrow = (shape: Look['targetArrow'] | undefined, tip: Position, from: Position) => {
    if (!shape || shape === 'none') return;
    const path = arrowPath(shape as RelationStyle['arrow'], 0, 0, size);
    arrows.push(`<path d="${path}" fill="${escapeXml(colour)}" transform="translate(${num(tip.x)} ${num(tip.y)}) rotate(${num(angle(from, tip))})"/>`);
  };
  arrow(look.targetArrow, target, last);
  arrow(look.sourceArrow, source, first);
  const badge = look.badge ? `\n${badgeSvg(edge.midpoint(), colours.scale, colours.background, colours.edge, colours.text)}` : '';
  return `<g class="relation" data-id="${escapeXml(edge.id())}" opacity="${num(look.opacity ?? 1)}">
<path d="${d}" fill="none" stroke="${escapeXml(colour)}" stroke-width="${num(width)}"${dashAttributes(look)}/>
${arrows.join('\n')}${badge}
</g>`;
}

/** The mark of an inferred relation (see `inferredBadge`), centred on `at`; the text has an explicit baseline. */
function badgeSvg(at: Position, scale: number, fill: string, stroke: string, ink: string): string {
  const badge = inferredBadge(scale);
  return `<g class="inferred"><circle cx="${num(at.x)}" cy="${num(at.y)}" r="${num(badge.radius)}" fill="${escapeXml(fill)}" stroke="${escapeXml(stroke)}" stroke-width="${num(badge.borderWidth)}"/><text x="${num(at.x)}" y="${num(at.y + badge.baseline)}" font-size="${num(badge.fontSize)}" font-weight="bold" fill="${escapeXml(ink)}" text-anchor="middle">${INFERRED_MARK}</text></g>`;
}

/** Legend under the graph, in columns of one width that fill `width` (even gaps); returns the SVG and its height. */
function legendSvg(frame: ExportFrame, left: number, top: number, width: number): { svg: string; height: number } {
  const legend = frame.legend;
  if (!legend) return { svg: '', height: 0 };
  const text = frame.scene.colours.text;
  // nearly the labels' size, so the legend reads from as far as the graph does
  const fontSize = labelSize(frame.scene.colours.scale) * 0.85;
  const items: { swatch: (x: number, y: number) => string; name: string }[] = [
    ...legend.sectors.map(({ sector, name }) => {
      const look = frame.scene.swatch({ sector });
      return {
        name,
        swatch: (x: number, y: number) =>
          `<path d="${shapePath(look.shape!, 24, 15)}" transform="translate(${num(x)} ${num(y - 7.5)})" fill="${escapeXml(look.fill!)}" stroke="${escapeXml(text)}" stroke-width="0.8"/>`,
      };
    }),
    ...legend.relations.map(({ relation, name }) => {
      const look = frame.scene.swatch({ relation });
      const swatch = { ...look, width: Math.min(look.width ?? 1, 3) };
      const colour = escapeXml(look.colour!);
      return {
        name,
        swatch: (x: number, y: number) =>
          `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 26)}" y2="${num(y)}" stroke="${colour}" stroke-width="${num(swatch.width)}"${dashAttributes(swatch)}/><path d="${arrowPath(look.targetArrow as RelationStyle['arrow'], x + 34, y, 8)}" fill="${colour}"/>`,
      };
    }),
  ];
  if (legend.inferred) {
    items.push({
      name: legend.inferred,
      swatch: (x: number, y: number) =>
        `<line x1="${num(x)}" y1="${num(y)}" x2="${num(x + 34)}" y2="${num(y)}" stroke="${escapeXml(text)}" stroke-width="1.5"/>${badgeSvg({ x: x + 17, y }, 0.7, frame.scene.colours.background, text, text)}`,
    });
  }
  const column = Math.max(...items.map((item) => 44 + textWidth(item.name, fontSize))) + fontSize;
  const columns = Math.max(1, Math.floor((width + fontSize) / column));
  const rowHeight = fontSize * 1.8;
  const parts = items.map((item, i) => {
    const [x, y] = [left + (i % columns) * column, top + fontSize + Math.floor(i / columns) * rowHeight];
    return `${item.swatch(x, y)}<text x="${num(x + 40)}" y="${num(y + fontSize * 0.35)}" font-size="${num(fontSize)}" fill="${escapeXml(text)}">${escapeXml(item.name)}</text>`;
  });
  const rows = Math.ceil(items.length / columns);
  return { svg: `<g class="legend">${parts.join('')}</g>`, height: (rows - 1) * rowHeight + fontSize * 2.5 };
}

/**
 * A vector SVG of what the graph shows (hidden elements left out, trace styles kept): shapes as
 * paths, labels as real text (editable in PowerPoint, Keynote, Inkscape), with optional title,
 * legend and source line. Every label is escaped.
 */
export function graphToSvg(cy: Core, frame: ExportFrame): string {
  const text = frame.scene.colours.text;
  const elements = cy.elements(':visible');
  const box = elements.nonempty() ? elements.boundingBox() : { x1: 0, y1: 0, x2: 1, y2: 1, w: 1, h: 1 };
  const width = Math.max(box.w + 2 * MARGIN, 480);
  const titleHeight = frame.title ? 40 : 0;
  const graphLeft = (width - box.w) / 2 - box.x1;
  const graphTop = MARGIN + titleHeight - box.y1;
  const legend = legendSvg(frame, MARGIN, MARGIN + titleHeight + box.h + 16, width - 2 * MARGIN);
  const sourceTop = MARGIN + titleHeight + box.h + 16 + legend.height + 8;
  const contentHeight = sourceTop + (frame.source ? 28 : 0) + MARGIN / 2;
  // on a slide's shape, the content centred: an export then fills a slide instead of making a panorama
  const aspect = frame.aspect === 'tight' ? width / contentHeight : frame.aspect;
  const [outerWidth, outerHeight] = [Math.max(width, contentHeight * aspect), Math.max(contentHeight, width / aspect)];
  const [dx, dy] = [(outerWidth - width) / 2, (outerHeight - contentHeight) / 2];
  const looks = new Map(cy.elements(':visible').map((element) => [element.id(), frame.scene.look(element.id())]));
  const edges = cy.edges(':visible').sort((a, b) => (looks.get(a.id())!.zIndex ?? 0) - (looks.get(b.id())!.zIndex ?? 0));
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${num(outerWidth)}" height="${num(outerHeight)}" viewBox="0 0 ${num(outerWidth)} ${num(outerHeight)}" font-family="${escapeXml(FONT_FAMILY)}">
${frame.background === 'none' ? '' : `<rect width="100%" height="100%" fill="${escapeXml(frame.background)}"/>`}
<g transform="translate(${num(dx)} ${num(dy)})">
${frame.title ? `<text x="${num(width / 2)}" y="${MARGIN + 14}" font-size="22" font-weight="bold" fill="${escapeXml(text)}" text-anchor="middle">${escapeXml(frame.title)}</text>` : ''}
<g transform="translate(${num(graphLeft)} ${num(graphTop)})">
${edges.map((edge) => edgeSvg(edge as EdgeSingular, looks.get(edge.id())!, frame.scene.colours)).join('\n')}
${cy.nodes(':visible').map((node) => nodeSvg(node, looks.get(node.id())!)).join('\n')}
</g>
${legend.svg}
${frame.source ? `<text x="${MARGIN}" y="${num(sourceTop + 14)}" font-size="13" fill="${escapeXml(text)}">${escapeXml(frame.source)}</text>` : ''}
</g>
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
