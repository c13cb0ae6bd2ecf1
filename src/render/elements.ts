import type { ElementDefinition } from 'cytoscape';
import type { Actor, Bilingual, DisplayLang, Graph, Label, Relation, RelationType, Sector } from '../model/types.js';
import { BUILT_IN_VOCABULARY, isInferred, vocabularyOf, type Vocabulary } from '../model/vocabulary.js';
import { sectorStyle, type SectorStyle } from './palette.js';
import { LINE_HEIGHT } from './typography.js';

/** Width in pixels of a text at the label font size. */
export type Measure = (text: string) => number;

/** What to draw and how labels are sized. */
export interface ElementOptions {
  lang: DisplayLang;
  /** Id of a view of the graph; absent or unknown: the whole graph. */
  view?: string;
  measure: Measure;
  /** Label font size in px; line height and padding follow it. */
  fontSize: number;
  /** Widest a label line may be before it wraps, in px (default: see `LINE_EMS`). */
  maxLineWidth?: number;
}

/** Cytoscape data of an actor. */
export interface ActorData {
  id: string;
  label: string;
  sector: Actor['sector'];
  /** The sector's row in the picture (see `SectorInfo.tier`), for the layouts. */
  tier: number;
  width: number;
  height: number;
}

/** Cytoscape data of a relation, oriented down the hierarchy for layout. */
export interface RelationData {
  id: string;
  /** The upper end in the hierarchy (the data's source unless `reversed`). */
  source: string;
  target: string;
  relation: Relation['relation'];
  kind: string;
  /** The data's source is the lower end (e.g. participates): draw the arrow at the upper end. */
  reversed: boolean;
  /** The author's reading, not stated by its quotes: drawn with `INFERRED_MARK`. */
  inferred: boolean;
}

/**
 * Widest a label line may be by default, in ems of the label's font size: a Chinese name takes
 * eleven characters a line; other text wraps sooner, as its long names (Municipal People's
 * Government) would otherwise make one box the width of a slide's column.
 */
export const LINE_EMS = { cjk: 11, other: 9 } as const;

/** Extra room some shapes need so their label stays inside the slanted or round sides. */
const SHAPE_ROOM: Readonly<Record<SectorStyle['shape'], number>> = {
  'round-rectangle': 1,
  rectangle: 1,
  'cut-rectangle': 1.06,
  barrel: 1.12,
  hexagon: 1.3,
  octagon: 1.18,
  'concave-hexagon': 1.3,
  'round-tag': 1.22,
  ellipse: 1.38,
};

/** A Chinese, Japanese or Korean character (or full-width punctuation): lines may break around each. */
export const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;

/** Splits a text into the pieces a line may break between: CJK characters, or words. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let word = '';
  for (const char of text) {
    if (CJK.test(char)) {
      if (word) out.push(word);
      word = '';
      out.push(char);
    } else if (char === ' ') {
      out.push(word + ' ');
      word = '';
    } else word += char;
  }
  if (word) out.push(word);
  return out;
}

/** Breaks a text into lines no wider than `maxWidth` (a single longer word keeps its line). */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  let line = '';
  for (const piece of pieces(text)) {
    const candidate = line + piece;
    if (line && measure(candidate.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = piece;
    } else line = candidate;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

/** The label of an actor in a language: the short form where there is one. */
export function canvasLabel(label: Label, lang: keyof Bilingual): string {
  return label.short?.[lang] ?? label[lang];
}

/**
 * The actors and relations of a view (or the whole graph), optionally only those among `within`
 * (a presentation step's actors); relations need both ends shown.
 */
export function selectView(graph: Graph, viewId?: string, within?: ReadonlySet<string>): { actors: Actor[]; relations: Relation[] } {
  const view = viewId ? graph.views?.find((v) => v.id === viewId) : undefined;
  const inView = view ? new Set(view.actors) : undefined;
  const shown = inView && within ? new Set([...inView].filter((id) => within.has(id))) : (inView ?? (within ? new Set(within) : undefined));
  const actors = shown ? graph.nodes.filter((n) => shown.has(n.id)) : graph.nodes;
  const relations = shown ? graph.edges.filter((e) => shown.has(e.source) && shown.has(e.target)) : graph.edges;
  return { actors, relations };
}

/** What a legend lists: the sectors shown, in sector order; the relation types shown, in vocabulary order; whether some relations are the author's reading. */
export interface LegendEntries {
  sectors: Sector[];
  relations: RelationType[];
  inferred: boolean;
}

/** What is shown: actors and relations (see `selectView`). */
export type Selection = { actors: readonly Actor[]; relations: readonly Relation[] };

/** The legend of what is shown, for a graph of the built-in vocabulary (see `legendIn`). */
export function legendOf(...shown: Selection[]): LegendEntries {
  return legendIn(BUILT_IN_VOCABULARY, ...shown);
}

/**
 * The legend of what is shown: one or more selections of actors and relations (see `selectView`;
 * the compare view has two), in the order of `vocabulary`.
 */
export function legendIn(vocabulary: Vocabulary, ...shown: Selection[]): LegendEntries {
  const actors = shown.flatMap((selection) => selection.actors);
  const relations = shown.flatMap((selection) => selection.relations);
  return {
    sectors: vocabulary.sectorTypes.filter((sector) => actors.some((actor) => actor.sector === sector)),
    relations: vocabulary.relationTypes.filter((type) => relations.some((relation) => relation.relation === type)),
    inferred: relations.some(isInferred),
  };
}

/**
 * Turns a validated graph into Cytoscape elements. Pure: label sizes come from `measure`.
 * Node sizes follow the wrapped label so the layout keeps labels apart.
 */
export function toElements(graph: Graph, options: ElementOptions): ElementDefinition[] {
  const { lang, measure, fontSize } = options;
  const maxLineWidth = (text: string) => options.maxLineWidth ?? fontSize * (CJK.test(text) ? LINE_EMS.cjk : LINE_EMS.other);
  const lineHeight = fontSize * LINE_HEIGHT;
  const { actors, relations } = selectView(graph, options.view);
  const vocabulary = vocabularyOf(graph);

  const nodes = actors.map((actor): ElementDefinition => {
    const texts = lang === 'both' ? [canvasLabel(actor.label, 'zh'), canvasLabel(actor.label, 'en')] : [canvasLabel(actor.label, lang)];
    const lines = texts.flatMap((t) => wrapText(t, maxLineWidth(t), measure));
    const textWidth = Math.max(...lines.map(measure));
    const room = SHAPE_ROOM[sectorStyle(actor.sector, vocabulary).shape];
    const data: ActorData = {
      id: actor.id,
      label: lines.join('\n'),
      sector: actor.sector,
      tier: vocabulary.sectors[actor.sector].tier,
      width: Math.ceil(textWidth * room + fontSize * 1.6),
      height: Math.ceil(lines.length * lineHeight * (room > 1.2 ? 1.15 : 1) + fontSize * 1.2),
    };
    return { group: 'nodes', data };
  });

  const edges = relations.map((relation): ElementDefinition => {
    const info = vocabulary.relations[relation.relation];
    const reversed = info.flow === 'up';
    const data: RelationData = {
      id: relation.id,
      source: reversed ? relation.target : relation.source,
      target: reversed ? relation.source : relation.target,
      relation: relation.relation,
      kind: info.kind,
      reversed,
      inferred: isInferred(relation),
    };
    return { group: 'edges', data };
  });

  return [...nodes, ...edges];
}
