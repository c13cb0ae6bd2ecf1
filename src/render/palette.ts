import type { RelationType, Sector } from '../model/types.js';
import { BUILT_IN_VOCABULARY, type ArrowName, type ColourName, type LineName, type ShapeName, type Vocabulary } from '../model/vocabulary.js';

/** Theme names of the `theme` attribute. */
export type Theme = 'light' | 'dark' | 'projector';

/** Theme names, in menu order. */
export const THEMES: readonly Theme[] = ['light', 'dark', 'projector'];

/** A fill colour and the text colour on it. */
export interface Swatch {
  colour: string;
  /** Text colour on the fill, chosen for a contrast of at least 4.5:1. */
  ink: string;
}

/**
 * The named colours: Paul Tol's "muted" scheme (https://personal.sron.nl/~pault/), which stays
 * distinct under protanopia, deuteranopia and tritanopia, then a few of his "light" scheme for
 * models with more sectors. The built-in sectors take the muted ones; a model names any.
 */
export const COLOURS: Readonly<Record<ColourName, Swatch>> = {
  wine: { colour: '#882255', ink: '#ffffff' },
  indigo: { colour: '#332288', ink: '#ffffff' },
  teal: { colour: '#44AA99', ink: '#000000' },
  cyan: { colour: '#88CCEE', ink: '#000000' },
  sand: { colour: '#DDCC77', ink: '#000000' },
  green: { colour: '#117733', ink: '#ffffff' },
  purple: { colour: '#AA4499', ink: '#ffffff' },
  'pale-grey': { colour: '#DDDDDD', ink: '#000000' },
  olive: { colour: '#999933', ink: '#000000' },
  rose: { colour: '#CC6677', ink: '#000000' },
  orange: { colour: '#EE8866', ink: '#000000' },
  pink: { colour: '#FFAABB', ink: '#000000' },
  'light-blue': { colour: '#77AADD', ink: '#000000' },
  mint: { colour: '#44BB99', ink: '#000000' },
  pear: { colour: '#BBCC33', ink: '#000000' },
};

/** How a sector is drawn: a named colour and a shape. */
export interface SectorStyle extends Swatch {
  /** A Cytoscape node shape, so that colour is never the only cue. */
  shape: ShapeName;
}

/** Sector colours and shapes: each sector its own colour of the muted scheme and its own shape. */
export const SECTOR_STYLES: Readonly<Record<Sector, SectorStyle>> = {
  party: { ...COLOURS.wine, shape: 'octagon' },
  government: { ...COLOURS.indigo, shape: 'rectangle' },
  coordination: { ...COLOURS.teal, shape: 'hexagon' },
  department: { ...COLOURS.cyan, shape: 'round-rectangle' },
  market: { ...COLOURS.sand, shape: 'barrel' },
  society: { ...COLOURS.green, shape: 'ellipse' },
  international: { ...COLOURS.purple, shape: 'round-tag' },
  policy: { ...COLOURS['pale-grey'], shape: 'cut-rectangle' },
  region: { ...COLOURS.olive, shape: 'concave-hexagon' },
};

/** How a relation is drawn: line pattern, width and arrow, so it reads without colour. */
export interface RelationStyle {
  line: 'solid' | 'dashed' | 'dotted';
  /** Dash and gap lengths for dashed lines. */
  dash?: number[];
  width: number;
  arrow: ArrowName;
}

/** The named line patterns a model's own relation may take. */
export const LINES: Readonly<Record<LineName, Pick<RelationStyle, 'line' | 'dash'>>> = {
  solid: { line: 'solid' },
  dashed: { line: 'dashed', dash: [9, 4] },
  'long-dashed': { line: 'dashed', dash: [16, 5] },
  'dash-dot': { line: 'dashed', dash: [14, 4, 3, 4] },
  'short-dashed': { line: 'dashed', dash: [4, 4] },
  dotted: { line: 'dotted' },
};

/** Width of a model's own relation's line, before the theme's scale: that of most built-in ones. */
const DECLARED_WIDTH = 2;

/** Line styles by relation: solid lines for command, dashed for coordination, dotted for participation. */
export const RELATION_STYLES: Readonly<Record<RelationType, RelationStyle>> = {
  leads: { line: 'solid', width: 3.5, arrow: 'triangle' },
  directs: { line: 'solid', width: 2.5, arrow: 'vee' },
  coordinates: { line: 'dashed', dash: [9, 4], width: 2.5, arrow: 'triangle' },
  'takes-lead': { line: 'dashed', dash: [14, 4, 3, 4], width: 2.5, arrow: 'chevron' },
  'carries-out': { line: 'dashed', dash: [14, 4, 3, 4], width: 2, arrow: 'square' },
  supervises: { line: 'solid', width: 2, arrow: 'circle-triangle' },
  establishes: { line: 'solid', width: 2, arrow: 'diamond' },
  requires: { line: 'solid', width: 1.5, arrow: 'triangle-tee' },
  guides: { line: 'dashed', dash: [4, 5], width: 2, arrow: 'vee' },
  funds: { line: 'dashed', dash: [2, 2], width: 3, arrow: 'triangle' },
  'buys-services': { line: 'dashed', dash: [6, 3], width: 2, arrow: 'square' },
  partners: { line: 'solid', width: 1.5, arrow: 'circle' },
  participates: { line: 'dotted', width: 2.5, arrow: 'triangle' },
  issues: { line: 'dotted', width: 1.5, arrow: 'triangle-tee' },
  adopts: { line: 'dotted', width: 1.5, arrow: 'tee' },
  drafts: { line: 'dashed', dash: [3, 3], width: 1.5, arrow: 'diamond' },
  joins: { line: 'dotted', width: 2, arrow: 'circle' },
  'folds-into': { line: 'dotted', width: 2, arrow: 'chevron' },
  promotes: { line: 'dashed', dash: [10, 3], width: 1.5, arrow: 'triangle-backcurve' },
};

/** How a sector of `vocabulary` is drawn: its built-in style, or the palette's entries the model names. */
export function sectorStyle(sector: Sector, vocabulary: Vocabulary = BUILT_IN_VOCABULARY): SectorStyle {
  const look = vocabulary.sectors[sector]?.look;
  return look ? { ...COLOURS[look.colour], shape: look.shape } : SECTOR_STYLES[sector];
}

/** How a relation of `vocabulary` is drawn: its built-in style, or the palette's entries the model names. */
export function relationStyle(relation: RelationType, vocabulary: Vocabulary = BUILT_IN_VOCABULARY): RelationStyle {
  const look = vocabulary.relations[relation]?.look;
  return look ? { ...LINES[look.line], width: DECLARED_WIDTH, arrow: look.arrow } : RELATION_STYLES[relation];
}

/**
 * The mark of an inferred relation: `INFERRED_MARK` in a circle at the middle of its line, on the
 * page's colour with a border of the line's, sizes in px before the theme's scale. One look for
 * the canvas, the export and the legend.
 */
export function inferredBadge(scale: number) {
  const fontSize = 18 * scale;
  const padding = 4 * scale;
  // the mark is about half an em wide; Cytoscape's circle spans the width plus padding
  return { fontSize, padding, borderWidth: 1.5 * scale, radius: fontSize * 0.28 + padding, baseline: fontSize * 0.3 };
}

/** Smallest `--gg-scale` taken; a smaller one is raised to it. */
export const MIN_SCALE = 0.5;
/** Largest `--gg-scale` taken; a larger one is lowered to it. */
export const MAX_SCALE = 4;

/** Colours a theme gives the canvas; exposed as CSS custom properties on the element. */
export interface ThemeColours {
  background: string;
  text: string;
  edge: string;
  /** Edge colour for influence and reference relations, lighter than accountability. */
  edgeSoft: string;
  highlight: string;
  /** Chains to whom a traced actor answers (Paul Tol's vibrant orange-red and blue). */
  upstream: string;
  /** Chains of those a traced actor steers. */
  downstream: string;
  /** Colour of error messages. */
  error: string;
  /** Multiplier on label size and line widths. */
  scale: number;
}

/** The themes: `projector` is high contrast with large type and thick lines for washed-out screens. */
export const THEME_COLOURS: Readonly<Record<Theme, ThemeColours>> = {
  light: { background: '#ffffff', text: '#1a1a1a', edge: '#333333', edgeSoft: '#6b6b6b', highlight: '#CC6677', upstream: '#CC3311', downstream: '#0077BB', error: '#b3290b', scale: 1 },
  dark: { background: '#16181d', text: '#f2f2f2', edge: '#d9d9d9', edgeSoft: '#a3a3a3', highlight: '#EE8899', upstream: '#EE7733', downstream: '#33BBEE', error: '#ff8a70', scale: 1 },
  projector: { background: '#ffffff', text: '#000000', edge: '#000000', edgeSoft: '#333333', highlight: '#CC3311', upstream: '#CC3311', downstream: '#0077BB', error: '#a31f00', scale: 1.3 },
};
