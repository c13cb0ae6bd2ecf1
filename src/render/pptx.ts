import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { withoutUnshowable } from '../model/text.js';
import type { Lang } from '../model/types.js';
import { INFERRED_MARK } from '../model/vocabulary.js';
import { textWidth as estimatedWidth } from './export.js';
import { roundedCorners, type LinePiece, type Point } from './geometry.js';
import { channels, type Look } from './looks.js';
import { inferredBadge, type SectorStyle } from './palette.js';
import { outlineOf, SHAPE_POLYGONS } from './shapes.js';
import type { Slide, SlideActor, SlideDeck, SlideLegendEntry, SlidePanel, SlideRelation, SlideText } from './slides.js';

export { slideDeck } from './slides.js';
import { OFFICE_FONT } from './typography.js';

/**
 * A slide deck (see `slides.ts`) as a PowerPoint file of native, editable objects: each actor a
 * shape with its label as text, each relation a line with its arrowheads and dash pattern, the
 * legend, source line and speaker notes as text. Loaded only when exporting, with the slide
 * builder (see `pptx-loader.ts`); the embed bundle never holds it.
 */

/** Slide size in inches: PowerPoint's 16:9. */
const SLIDE = { width: 13.333, height: 7.5 };
const MARGIN = 0.35;
/** Points per inch. */
const PT = 72;

/** The nearest DrawingML line end of each arrowhead (DrawingML has six: none, triangle, stealth, arrow, diamond, oval). */
const LINE_ENDS: Readonly<Record<Exclude<Look['targetArrow'], 'none'>, 'triangle' | 'stealth' | 'arrow' | 'diamond' | 'oval'>> = {
  triangle: 'triangle',
  'triangle-tee': 'triangle',
  'circle-triangle': 'triangle',
  vee: 'stealth',
  'triangle-backcurve': 'stealth',
  chevron: 'arrow',
  tee: 'arrow',
  square: 'diamond',
  diamond: 'diamond',
  circle: 'oval',
};

/** A freeform (DrawingML's custom geometry): pptxgenjs draws it from `points`, though its types leave the name out. */
const FREEFORM = 'custGeom' as PptxGenJS.SHAPE_NAME;

/** PowerPoint's preset shape for each actor shape; the others are drawn from their outline (an actor's `outlineOf`, a legend swatch's `SHAPE_POLYGONS`) as freeforms. */
const PRESET_SHAPES: Readonly<Partial<Record<SectorStyle['shape'], PptxGenJS.SHAPE_NAME>>> = {
  rectangle: 'rect',
  'round-rectangle': 'roundRect',
  ellipse: 'ellipse',
  hexagon: 'hexagon',
  octagon: 'octagon',
  'round-tag': 'homePlate',
  barrel: 'can',
};

/**
 * How far in the slanted corners of a preset reach, as a fraction of the actor's width (or of its
 * height, `h`), to match the outline on screen; PowerPoint measures it on the shorter side.
 */
const PRESET_CORNERS: Readonly<Partial<Record<SectorStyle['shape'], { w?: number; h?: number }>>> = {
  hexagon: { w: 0.25 },
  'round-tag': { w: 0.25 },
  octagon: { h: 0.3 },
  'round-rectangle': { h: 0.2 },
  barrel: { h: 0.12 },
};

/** `#rrggbb` of a colour the looks use (`#rgb`, `#rrggbb`, `rgb(…)`), or `fallback`. */
function hex(colour: string, fallback = '000000'): string {
  const rgb = channels(colour);
  return rgb ? rgb.map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase() : fallback;
}

/** BCP 47 tag of a label language, as office programs read it (East Asian text gets the CJK font). */
const LANG_TAGS: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-US' };

/** Transparency in percent from an opacity. */
const transparency = (opacity: number) => Math.round((1 - Math.min(1, Math.max(0, opacity))) * 100);

/** Where a panel's graph goes on the slide, and at what scale (inches per graph unit). */
interface Frame {
  scale: number;
  x: (x: number) => number;
  y: (y: number) => number;
}

/** Fits a box of graph coordinates into an area of the slide, centred. */
function fitFrame(box: SlidePanel['box'], area: { x: number; y: number; w: number; h: number }, padding: number): Frame {
  const [w, h] = [box.x2 - box.x1 + 2 * padding, box.y2 - box.y1 + 2 * padding];
  const scale = Math.min(area.w / w, area.h / h);
  const [left, top] = [area.x + (area.w - w * scale) / 2, area.y + (area.h - h * scale) / 2];
  return { scale, x: (x) => left + (x - box.x1 + padding) * scale, y: (y) => top + (y - box.y1 + padding) * scale };
}

/**
 * Dash patterns DrawingML has no preset for are written as a mark in place of the preset's name,
 * then replaced by a `custDash` of the exact pattern (pptxgenjs writes presets only).
 */
class DashPatterns {
  private readonly patterns: { dash: number[]; width: number; round: boolean }[] = [];

  /** The mark of a pattern, in units of the line width as DrawingML measures it. */
  mark(dash: readonly number[], width: number, round: boolean): PptxGenJS.ShapeLineProps['dashType'] {
    if (dash.length === 0) return 'solid';
    this.patterns.push({ dash: [...dash], width, round });
    return `gg-dash-${this.patterns.length - 1}` as PptxGenJS.ShapeLineProps['dashType'];
  }

  /** A slide's XML with every mark replaced by its `custDash`, round caps where the dots need them, and arrowheads as large as on screen. */
  apply(xml: string): string {
    return xml.replace(/<a:ln( w="\d+")?>((?:(?!<\/a:ln>).)*?)<a:prstDash val="gg-dash-(\d+)"\/>/gs, (_, w: string | undefined, fill: string, index: string) => {
      const { dash, width, round } = this.patterns[Number(index)];
      // lengths in thousandths of a percent of the line width; a round cap adds half a width at each end
      const stops = [];
      for (let i = 0; i < dash.length; i += 2) stops.push(`<a:ds d="${Math.max(1, Math.round((dash[i] / width) * 100_000))}" sp="${Math.round(((dash[i + 1] ?? dash[i]) / width) * 100_000)}"/>`);
      return `<a:ln${w ?? ''} cap="${round ? 'rnd' : 'flat'}">${fill}<a:custDash>${stops.join('')}</a:custDash>`;
    }).replace(/<a:(head|tail)End type="(\w+)"\/>/g, '<a:$1End type="$2" w="lg" len="lg"/>');
  }
}

/** Line properties of a relation (or a legend swatch): colour, width in points, dash, arrowheads. */
function lineProps(relation: Pick<SlideRelation, 'colour' | 'width' | 'dash' | 'line' | 'sourceArrow' | 'targetArrow' | 'opacity'>, scale: number, dashes: DashPatterns): PptxGenJS.ShapeLineProps {
  const end = (arrow: Look['targetArrow']) => (arrow === 'none' ? undefined : LINE_ENDS[arrow]);
  return {
    color: hex(relation.colour),
    width: Math.max(0.5, relation.width * scale * PT),
    transparency: transparency(relation.opacity),
    dashType: dashes.mark(relation.dash, relation.width, relation.line === 'dotted'),
    beginArrowType: end(relation.sourceArrow),
    endArrowType: end(relation.targetArrow),
  };
}

/** A relation as a line, or a freeform where it curves (one of several between two actors) or bends round actors; head at its source. */
function addRelation(slide: PptxGenJS.Slide, relation: SlideRelation, frame: Frame, dashes: DashPatterns, colours: SlideDeck['colours']): void {
  const onSlide = (p: Point) => ({ x: frame.x(p.x), y: frame.y(p.y) });
  const [start, end] = [relation.start, relation.end].map(onSlide);
  const line = lineProps(relation, frame.scale, dashes);
  const name = `relation ${relation.id}`;
  const pieces: LinePiece[] | undefined = relation.bends
    ? roundedCorners([relation.start, ...relation.bends, relation.end]).map(({ to, via }) => ({ to: onSlide(to), via: via && onSlide(via) }))
    : relation.control && [{ to: end, via: onSlide(relation.control) }];
  if (pieces) {
    const all = [start, ...pieces.flatMap(({ to, via }) => (via ? [to, via] : [to]))];
    const [x, y] = [Math.min(...all.map((p) => p.x)), Math.min(...all.map((p) => p.y))];
    const [w, h] = [Math.max(...all.map((p) => p.x)) - x, Math.max(...all.map((p) => p.y)) - y];
    slide.addShape(FREEFORM, {
      objectName: name,
      x,
      y,
      w: Math.max(w, 0.01),
      h: Math.max(h, 0.01),
      line,
      points: [
        { x: start.x - x, y: start.y - y },
        ...pieces.map(({ to, via }) => ({ x: to.x - x, y: to.y - y, ...(via ? { curve: { type: 'quadratic' as const, x1: via.x - x, y1: via.y - y } } : {}) })),
      ],
    });
  } else {
    // a line runs from the top left of its box to the bottom right: flips give the other directions
    slide.addShape('line', {
      objectName: name,
      x: Math.min(start.x, end.x),
      y: Math.min(start.y, end.y),
      w: Math.abs(end.x - start.x),
      h: Math.abs(end.y - start.y),
      flipH: end.x < start.x,
      flipV: end.y < start.y,
      line,
    });
  }
  if (relation.inferred) addBadge(slide, onSlide(relation.middle), frame.scale, colours, relation.opacity);
}

/** The mark of an inferred relation: `INFERRED_MARK` in a circle on the page's colour (see `inferredBadge`). */
function addBadge(slide: PptxGenJS.Slide, at: Point, scale: number, colours: SlideDeck['colours'], opacity = 1): void {
  const badge = inferredBadge(colours.scale);
  const r = badge.radius * scale;
  slide.addText([{ text: INFERRED_MARK, options: { bold: true } }], {
    objectName: 'inferred mark',
    shape: 'ellipse',
    x: at.x - r,
    y: at.y - r,
    w: 2 * r,
    h: 2 * r,
    margin: 0,
    align: 'center',
    valign: 'middle',
    fontFace: OFFICE_FONT,
    fontSize: Math.max(4, badge.fontSize * scale * PT),
    color: hex(colours.text),
    fill: { color: hex(colours.background, 'FFFFFF'), transparency: transparency(opacity) },
    line: { color: hex(colours.edge), width: Math.max(0.5, badge.borderWidth * scale * PT), transparency: transparency(opacity) },
  });
}

/** Runs of text, one paragraph per line, each marked with its language. */
function textRuns(lines: readonly SlideText[], options: PptxGenJS.TextPropsOptions = {}): PptxGenJS.TextProps[] {
  return lines.map((line, i) => ({ text: withoutUnshowable(line.text), options: { ...options, lang: LANG_TAGS[line.lang], breakLine: i < lines.length - 1 } }));
}

/** An outline of a shape with no preset (corners in a unit box, see `SHAPE_POLYGONS`), as freeform points in inches within its box. */
function outlinePoints(polygon: readonly (readonly [number, number])[] | undefined, w: number, h: number): PptxGenJS.ShapeProps['points'] {
  return [...(polygon ?? SHAPE_POLYGONS.rectangle!).map(([x, y]) => ({ x: x * w, y: y * h })), { close: true as const }];
}

/** An actor: its glow, then a shape of its sector's look with its label inside, as text. */
function addActor(slide: PptxGenJS.Slide, actor: SlideActor, frame: Frame, fontSize: number): void {
  const [w, h] = [actor.width * frame.scale, actor.height * frame.scale];
  const [x, y] = [frame.x(actor.x) - w / 2, frame.y(actor.y) - h / 2];
  const fade = transparency(actor.opacity);
  if (actor.underlay) {
    const pad = actor.underlay.padding * frame.scale;
    slide.addShape('roundRect', {
      objectName: `emphasis ${actor.id}`,
      x: x - pad,
      y: y - pad,
      w: w + 2 * pad,
      h: h + 2 * pad,
      rectRadius: pad,
      fill: { color: hex(actor.underlay.colour), transparency: transparency(actor.underlay.opacity * actor.opacity) },
    });
  }
  const preset = PRESET_SHAPES[actor.shape];
  const corner = PRESET_CORNERS[actor.shape];
  const border = { color: hex(actor.border.colour), width: Math.max(0.5, actor.border.width * frame.scale * PT), transparency: fade };
  const outline = { x, y, w, h, ...(corner ? { rectRadius: corner.w ? corner.w * w : corner.h! * h } : {}), ...(preset ? {} : { points: outlinePoints(outlineOf(actor.shape, actor.width, actor.height), w, h) }) };
  slide.addText(textRuns(actor.lines), {
    objectName: `actor ${actor.id}`,
    shape: preset ?? FREEFORM,
    ...outline,
    margin: 0,
    align: 'center',
    valign: 'middle',
    wrap: false,
    fit: 'none',
    fontFace: OFFICE_FONT,
    fontSize: Math.max(4, fontSize * frame.scale * PT),
    color: hex(actor.ink),
    fill: { color: hex(actor.fill), transparency: fade },
    line: border,
  });
  if (actor.border.double) {
    // the middle third in the fill's colour: two thin lines, as on screen
    slide.addShape(preset ?? FREEFORM, { objectName: `double border ${actor.id}`, ...outline, line: { color: hex(actor.fill), width: border.width / 3, transparency: fade } });
  }
}

/** Estimated width of a text in inches at `size` points. */
const textWidth = (text: string, size: number) => estimatedWidth(text, size) / PT;

/** Height of a legend row in inches. */
const ROW = 0.27;
/** Size of legend and source text in points. */
const SMALL = 11;
/** Width of a legend swatch and the gap before its name, in inches. */
const SWATCH = 0.58;

/** Where each legend entry goes: entries flow in rows across `width` inches from `left`, `top`; and the rows' height. */
function legendPlaces(legend: readonly SlideLegendEntry[], left: number, top: number, width: number): { places: Point[]; height: number } {
  const places: Point[] = [];
  let [x, y] = [left, top];
  for (const entry of legend) {
    const w = SWATCH + textWidth(entry.name, SMALL);
    if (x > left && x + w > left + width) [x, y] = [left, y + ROW];
    places.push({ x, y });
    x += w + 0.3;
  }
  return { places, height: legend.length ? y - top + ROW : 0 };
}

/** The legend: a swatch (a small shape, a line with its arrowhead, the mark) and the name as text. */
function addLegend(slide: PptxGenJS.Slide, legend: readonly SlideLegendEntry[], places: readonly Point[], lang: Lang, deck: SlideDeck, dashes: DashPatterns): void {
  const colours = deck.colours;
  legend.forEach((entry, i) => {
    const { x, y } = places[i];
    const middle = y + ROW / 2;
    if (entry.kind === 'sector') {
      const preset = PRESET_SHAPES[entry.shape];
      const [w, h] = [0.42, 0.2];
      const corner = PRESET_CORNERS[entry.shape];
      slide.addShape(preset ?? FREEFORM, {
        objectName: `legend ${entry.key}`,
        x,
        y: middle - h / 2,
        w,
        h,
        ...(corner ? { rectRadius: corner.w ? corner.w * w : corner.h! * h } : {}),
        ...(preset ? {} : { points: outlinePoints(SHAPE_POLYGONS[entry.shape], w, h) }),
        fill: { color: hex(entry.fill) },
        line: { color: hex(colours.text), width: 0.75 },
      });
    } else if (entry.kind === 'relation') {
      // graph units at the size where labels are as large as the legend's names, so widths and dashes read alike
      const scale = SMALL / PT / 16;
      slide.addShape('line', {
        objectName: `legend ${entry.key}`,
        x,
        y: middle,
        w: 0.45,
        h: 0,
        line: lineProps({ ...entry, sourceArrow: 'none', targetArrow: entry.arrow, opacity: 1, width: Math.min(entry.width, 3) }, scale, dashes),
      });
    } else {
      slide.addShape('line', { objectName: 'legend inferred', x, y: middle, w: 0.45, h: 0, line: { color: hex(colours.text), width: 1 } });
      addBadge(slide, { x: x + 0.22, y: middle }, 0.011, colours);
    }
    slide.addText(textRuns([{ text: entry.name, lang }]), {
      objectName: `legend name ${entry.key}`,
      x: x + SWATCH,
      y,
      w: textWidth(entry.name, SMALL) + 0.15,
      h: ROW,
      margin: 0,
      valign: 'middle',
      wrap: false,
      fontFace: OFFICE_FONT,
      fontSize: SMALL,
      color: hex(colours.text),
    });
  });
}

/**
 * The first of `sizes` (points) at which a text takes at most two lines of `width` inches (else
 * the last size, on as many lines as it needs), and the height of those lines. Widths are
 * estimated, with room to spare: a box too small lets the text run into what is below.
 */
function fitText(text: string, sizes: readonly number[], width: number, bold: boolean): { size: number; height: number } {
  const linesAt = (size: number) => Math.ceil((textWidth(text, size) * (bold ? 1.15 : 1.05)) / width);
  const size = sizes.find((candidate) => linesAt(candidate) <= 2) ?? sizes.at(-1)!;
  return { size, height: (linesAt(size) * size * 1.3) / PT + 0.08 };
}

/** The language of a whole line of UI text: Chinese unless it is English only. */
const textLang = (lang: SlideDeck['lang']): Lang => (lang === 'en' ? 'en' : 'zh');

/** Room for the text around the graph (inches), the same on every slide of a deck so that the graph keeps its scale and place. */
interface Room {
  title: number;
  caption: number;
  legend: number;
}

const TITLE_SIZES = [22, 18, 15];
const CAPTION_SIZES = [16, 14, 12];
const WIDTH = SLIDE.width - 2 * MARGIN;

function addSlide(pptx: PptxGenJS, deck: SlideDeck, content: Slide, room: Room, dashes: DashPatterns): void {
  const slide = pptx.addSlide();
  const colours = deck.colours;
  const lang = textLang(deck.lang);
  slide.background = { color: hex(colours.background, 'FFFFFF') };
  const text = (value: string, options: PptxGenJS.TextPropsOptions) =>
    slide.addText(textRuns([{ text: value, lang }]), { margin: 0, fontFace: OFFICE_FONT, color: hex(colours.text), ...options });
  const width = WIDTH;
  let top = 0.25;
  text(content.title, { objectName: 'title', x: MARGIN, y: top, w: width, h: room.title, fontSize: fitText(content.title, TITLE_SIZES, width, true).size, bold: true, valign: 'middle' });
  top += room.title + 0.05;
  if (content.caption) {
    text(content.caption, { objectName: 'caption', x: MARGIN, y: top, w: width, h: room.caption, fontSize: fitText(content.caption, CAPTION_SIZES, width, false).size, valign: 'middle' });
  }
  if (room.caption) top += room.caption + 0.05;
  const sourceHeight = content.source ? (textWidth(content.source, 10) > width ? 2 : 1) * 0.19 : 0;
  const bottom = SLIDE.height - 0.2 - sourceHeight;
  const legend = legendPlaces(content.legend, MARGIN, 0, width);
  const legendTop = bottom - room.legend - 0.05;
  const area = { x: MARGIN, y: top + 0.05, w: width, h: legendTop - top - 0.15 };
  const gap = 0.3;
  const panelWidth = (area.w - gap * (content.panels.length - 1)) / content.panels.length;
  content.panels.forEach((panel, i) => {
    const left = area.x + i * (panelWidth + gap);
    const heading = panel.title ? fitText(panel.title, [15, 13, 11], panelWidth, true) : undefined;
    if (panel.title && heading) text(panel.title, { objectName: `panel title ${i + 1}`, x: left, y: area.y, w: panelWidth, h: heading.height, fontSize: heading.size, bold: true, align: 'center', valign: 'middle' });
    // room for the emphasis glow and borders round the outermost actors
    const graphTop = area.y + (heading ? heading.height + 0.05 : 0);
    const frame = fitFrame(panel.box, { x: left, y: graphTop, w: panelWidth, h: area.y + area.h - graphTop }, 14);
    for (const relation of panel.relations) addRelation(slide, relation, frame, dashes, colours);
    for (const actor of panel.actors) addActor(slide, actor, frame, panel.fontSize);
  });
  addLegend(slide, content.legend, legend.places.map(({ x, y }) => ({ x, y: y + legendTop })), lang, deck, dashes);
  if (content.source) text(content.source, { objectName: 'source', x: MARGIN, y: bottom, w: width, h: sourceHeight, fontSize: 10, valign: 'middle' });
  slide.addNotes(withoutUnshowable(content.notes));
}

/** The deck as a .pptx file: one 16:9 slide per slide of the deck, with its speaker notes. */
export async function deckToPptx(deck: SlideDeck): Promise<Uint8Array<ArrayBuffer>> {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deck.title;
  pptx.theme = { headFontFace: OFFICE_FONT, bodyFontFace: OFFICE_FONT };
  const dashes = new DashPatterns();
  const room: Room = {
    title: Math.max(...deck.slides.map((slide) => fitText(slide.title, TITLE_SIZES, WIDTH, true).height)),
    caption: Math.max(0, ...deck.slides.map((slide) => (slide.caption ? fitText(slide.caption, CAPTION_SIZES, WIDTH, false).height : 0))),
    legend: Math.max(...deck.slides.map((slide) => legendPlaces(slide.legend, MARGIN, 0, WIDTH).height)),
  };
  for (const slide of deck.slides) addSlide(pptx, deck, slide, room, dashes);
  const written = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  const zip = await JSZip.loadAsync(written);
  for (const name of Object.keys(zip.files).filter((file) => /^ppt\/slides\/slide\d+\.xml$/.test(file))) {
    zip.file(name, dashes.apply(await zip.file(name)!.async('string')));
  }
  return (await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })) as Uint8Array<ArrayBuffer>;
}
