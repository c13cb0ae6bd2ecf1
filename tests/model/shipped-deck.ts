import { readFileSync } from 'node:fs';
import type { Graph, DisplayLang } from '../../src/model/types.js';
import { toElements } from '../../src/render/elements.js';
import { textWidth } from '../../src/render/export.js';
import { unpackLayouts, type LayoutFile } from '../../src/render/layout-cache.js';
import { THEME_COLOURS, type Theme } from '../../src/render/palette.js';
import { layoutKey } from '../../src/render/placement.js';
import { slideDeck, type SlideDeck, type SlideInput } from '../../src/render/slides.js';
import { labelSize } from '../../src/render/typography.js';

const layouts = unpackLayouts(JSON.parse(readFileSync('graph-data/layouts.json', 'utf8')) as LayoutFile);

/** Width of a text as the browser would measure it, near enough. */
const measureAt = (fontSize: number) => (text: string) => textWidth(text, fontSize);

/**
 * The slides of a built-in view as the element makes them, in Node: the actors placed and sized
 * as the shipped layout says (made in Chromium by `npm run layouts`), labels wrapped near enough.
 */
export function shippedDeck(graph: Graph, view: string | undefined, lang: DisplayLang, { theme = 'light', ...rest }: { theme?: Theme } & Partial<SlideInput> = {}): SlideDeck {
  const colours = THEME_COLOURS[theme];
  const fontSize = labelSize(colours.scale);
  // a slide-sized graph's key ends with the shape and size of the canvas it was laid out for (see `aspectClass`, `widthClass`)
  const key = layoutKey({ graph: graph.id, view, lang, fontSize, mode: 'hierarchy' });
  const layout = layouts[Object.keys(layouts).find((candidate) => candidate.startsWith(key) && /^(\|-?\d+\|-?\d+)?$/.test(candidate.slice(key.length))) ?? key];
  if (!layout) throw new Error(`no shipped layout of ${graph.id} ${view} ${lang} ${theme}`);
  const elements = toElements(graph, { lang, view, fontSize, measure: measureAt(fontSize) }).map((element) => {
    const size = layout.sizes[element.data.id!];
    return element.data.source === undefined && size ? { ...element, data: { ...element.data, width: size[0], height: size[1] } } : element;
  });
  const positions = new Map(Object.entries(layout.positions).map(([id, [x, y]]) => [id, { x, y }]));
  return slideDeck({ graph, elements, positions, view, lang, hidden: new Set(), colours, ...rest });
}
