import type { ElementDefinition, StylesheetJson } from 'cytoscape';
import { builtinModel } from '../model/builtin.js';
import type { DisplayLang, Graph } from '../model/types.js';
import { vocabularyOf } from '../model/vocabulary.js';
import { classesOf, type DisplayState } from './classes.js';
import { toElements, type Measure } from './elements.js';
import { layoutHash } from './layout-cache.js';
import { lookOf, rulesOf, swatchLook, type Drawn, type Look } from './looks.js';
import type { ThemeColours } from './palette.js';
import { layoutKey, type LayoutMode, type PlacementRequest } from './placement.js';
import { stylesheetOf } from './stylesheet.js';
import { FONT_FAMILY, labelSize } from './typography.js';

/**
 * What the reader sees, computed purely from the data and the display state: the elements
 * (actors sized to their labels), their state classes, which layout places them, and how each
 * element is drawn. The controller hands it to Cytoscape; the export
 * reads the same looks. The data flows one way: JSON → validated model → scene → Cytoscape → pixels.
 */
export interface Scene {
  /** Cytoscape elements of the view: actors sized to their labels, relations oriented top-down (see `toElements`). */
  elements: ElementDefinition[];
  /** State classes by element id (see `classesOf`); elements without any are left out. */
  classes: ReadonlyMap<string, readonly string[]>;
  /**
   * What the placement module needs to find, make or keep the layout, but the canvas's shape:
   * slide layouts follow it, and it is final only once the legend has taken its room, so
   * positions are resolved when Cytoscape is laid out (see `placeActors`).
   */
  placement: Omit<PlacementRequest, 'aspect' | 'width'>;
  /** The theme's colours, custom properties applied. */
  colours: ThemeColours;
  /** The Cytoscape stylesheet: the table of looks compiled for these colours. */
  style: StylesheetJson;
  /** How an element is drawn, by id: every rule of the table of looks that matches it, in order; `{}` for an unknown id. */
  look(id: string): Partial<Look>;
  /** How a legend draws a sector or relation of the graph's vocabulary (see `swatchLook`). */
  swatch(entry: Parameters<typeof swatchLook>[2]): Partial<Look>;
  /** What the elements were made from, so that the next scene can reuse them. */
  source: { graph: Graph; view?: string; lang: DisplayLang; fontSize: number };
}

/** What a scene is made of besides the graph and the display state. */
export interface SceneOptions {
  /** Id of a view of the graph; absent: the whole graph. */
  view?: string;
  lang: DisplayLang;
  layout: LayoutMode;
  colours: ThemeColours;
  /** No transitions, for readers who ask for less motion. */
  reducedMotion?: boolean;
  /** Measures text in a CSS font (with the canvas, in the browser). */
  measure: (font: string) => Measure;
}

/**
 * The scene of `graph` in `state`. Given the element's `previous` scene of the same graph, view,
 * language and label size, its elements are reused as they are: a trace, a step, a filter or a
 * theme then changes classes or looks only, and Cytoscape patches nothing.
 */
export function scene(graph: Graph, state: DisplayState, options: SceneOptions, previous?: Scene): Scene {
  const { view, lang, colours } = options;
  const fontSize = labelSize(colours.scale);
  const same = previous && previous.source.graph === graph && previous.source.view === view && previous.source.lang === lang && previous.source.fontSize === fontSize;
  const elements = same ? previous.elements : toElements(graph, { lang, view, measure: options.measure(`${fontSize}px ${FONT_FAMILY}`), fontSize });
  // built-in models come with their layouts; other graphs are keyed by content and kept for later visits too
  const builtin = builtinModel(graph.id) === graph;
  const keyOf = (mode: LayoutMode) =>
    same && previous.placement.mode === mode && previous.placement.key
      ? previous.placement.key
      : layoutKey({ graph: builtin ? graph.id : `${graph.id}@${layoutHash(graph)}`, view, lang, fontSize, mode });
  const placement = { elements, key: keyOf(options.layout), mode: options.layout, persist: !builtin };
  const classes = classesOf(elements, state);
  const vocabulary = vocabularyOf(graph);
  const rules = rulesOf(colours, vocabulary);
  let byId: Map<string, ElementDefinition> | undefined;
  return {
    elements,
    classes,
    placement,
    colours,
    style: stylesheetOf(colours, { reducedMotion: options.reducedMotion, vocabulary }),
    look(id) {
      byId ??= new Map(elements.map((element) => [element.data.id!, element]));
      const element = byId.get(id);
      if (!element) return {};
      return lookOf(rules, { group: element.data.source === undefined ? 'node' : 'edge', data: element.data as Drawn['data'], classes: classes.get(id) });
    },
    swatch: (entry) => swatchLook(rules, vocabulary, entry),
    source: { graph, view, lang, fontSize },
  };
}
