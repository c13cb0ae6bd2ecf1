import type { ElementDefinition } from 'cytoscape';
import { inLang, msg, oneLang } from '../model/messages.js';
import { withoutUnshowable } from '../model/text.js';
import type { DisplayLang, Graph, Lang, Relation, Step } from '../model/types.js';
import { INFERRED_MARK, isInferred, vocabularyOf, type Vocabulary } from '../model/vocabulary.js';
import { classesOf, type DisplayState, type Highlight } from './classes.js';
import { CJK, type ActorData } from './elements.js';
import { exportFrame, sourceReference } from './export.js';
import { relationPaths, type Point } from './geometry.js';
import { withHubsGrown } from './hubs.js';
import { extentOfActors, withPoints, type Bounds } from './layout.js';
import { dashOf, lookOf, rulesOf, swatchLook, type Border, type Drawn, type Look, type Underlay } from './looks.js';
import { inferredBadge, type RelationStyle, type SectorStyle, type ThemeColours } from './palette.js';
import { labelSize } from './typography.js';

/**
 * Slides of a graph as plain data: what each slide shows, where and how, in graph units, with
 * every look resolved from the one table of looks. Pure (no DOM, no Cytoscape, no office
 * library), so the element builds it from what it draws and any writer turns it into a file
 * (`pptx.ts`); it survives `JSON.stringify`, so a script can take it out of a browser.
 */

/** A line of text in one language, so that an office program picks the right font and line breaking. */
export interface SlideText {
  text: string;
  lang: Lang;
}

/** An actor on a slide: its centre and size in graph units, its look and its label. */
export interface SlideActor {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
  shape: SectorStyle['shape'];
  fill: string;
  ink: string;
  border: Border;
  opacity: number;
  underlay?: Underlay;
  lines: SlideText[];
}

/** A relation on a slide: outline to outline, straight or through `control`, with its look. */
export interface SlideRelation {
  id: string;
  start: Point;
  end: Point;
  control?: Point;
  /** Where it bends, when routed around actors (see `RelationPath`). */
  bends?: Point[];
  /** Where the mark of an inferred relation goes. */
  middle: Point;
  colour: string;
  width: number;
  line: RelationStyle['line'];
  /** Dash and gap lengths in graph units (see `dashOf`); empty: solid. */
  dash: number[];
  sourceArrow: Look['sourceArrow'];
  targetArrow: Look['targetArrow'];
  opacity: number;
  /** The author's reading: carries `INFERRED_MARK` at `middle`. */
  inferred: boolean;
}

/** One graph on a slide (two in the compare view). */
export interface SlidePanel {
  /** A heading over the graph (the model's title in the compare view). */
  title?: string;
  /** The box of graph coordinates to fit into the panel's part of the slide. */
  box: Bounds;
  /** Label size in graph units. */
  fontSize: number;
  /** Drawn first, lowest first. */
  relations: SlideRelation[];
  actors: SlideActor[];
}

/** An entry of a slide's legend, with the look of its swatch. */
export type SlideLegendEntry =
  | { kind: 'sector'; key: string; name: string; shape: SectorStyle['shape']; fill: string; border: string }
  | { kind: 'relation'; key: string; name: string; colour: string; width: number; line: RelationStyle['line']; dash: number[]; arrow: Look['targetArrow'] }
  | { kind: 'inferred'; key: string; name: string };

/** One slide. */
export interface Slide {
  title: string;
  /** The presentation step's number and caption, or what a trace shows. */
  caption?: string;
  panels: SlidePanel[];
  legend: SlideLegendEntry[];
  /** The line citing the source. */
  source?: string;
  /** Speaker notes: what the slide adds, each relation with its quotes and the reference. */
  notes: string;
}

/** Slides of what a graph (or the compare view) shows. */
export interface SlideDeck {
  /** The document's title. */
  title: string;
  lang: DisplayLang;
  /** The theme's colours: page, text, lines, and the mark of inferred relations. */
  colours: ThemeColours;
  slides: Slide[];
}

/** What a graph shows, as the element knows it. */
export interface SlideInput {
  graph: Graph;
  /** The drawn elements (see `toElements`), sized to their labels. */
  elements: readonly ElementDefinition[];
  /** Centre of every actor, as placed on screen. */
  positions: ReadonlyMap<string, Point>;
  view?: string;
  lang: DisplayLang;
  /** Hidden sectors and relation types (and `inferred`). */
  hidden: ReadonlySet<string>;
  colours: ThemeColours;
  /** The trace shown, if any: then one slide of it. */
  highlight?: Highlight | null;
  /** The presentation step shown with a trace; without a trace every step gets its slide. */
  step?: number;
  /** One slide per presentation step (default); `false`: one slide of the whole view. */
  steps?: boolean;
}

/** Whether a line of a label is Chinese (in `both`, the Chinese lines come first, then the English). */
const lineLang = (line: string, lang: DisplayLang): Lang => (lang === 'both' ? (CJK.test(line) ? 'zh' : 'en') : lang);

/** The actors and relations of one state of the graph, with their looks, placed. */
function panelOf(input: SlideInput, state: DisplayState, box?: Bounds): SlidePanel {
  const { elements, positions, colours, lang } = input;
  const rules = rulesOf(colours, vocabularyOf(input.graph));
  const classes = classesOf(elements, state);
  const looks = new Map(elements.map(({ data }) => [data.id!, lookOf(rules, { group: data.source === undefined ? 'node' : 'edge', data: data as Drawn['data'], classes: classes.get(data.id!) })]));
  const actors: SlideActor[] = elements
    .filter(({ data }) => data.source === undefined && positions.has(data.id!) && !looks.get(data.id!)!.hidden)
    .map(({ data }) => {
      const actor = data as ActorData;
      const look = looks.get(actor.id)!;
      return {
        id: actor.id,
        ...positions.get(actor.id)!,
        width: actor.width,
        height: actor.height,
        shape: look.shape!,
        fill: look.fill!,
        ink: look.ink!,
        border: look.border!,
        opacity: look.opacity ?? 1,
        underlay: look.underlay,
        lines: String(actor.label ?? '')
          .split('\n')
          .map((line) => ({ text: withoutUnshowable(line), lang: lineLang(line, lang) })),
      };
    });
  const relations = relationPaths(elements, positions, looks, { markRadius: inferredBadge(colours.scale).radius }).map(({ data, start, end, control, bends, middle }): SlideRelation => {
    const look = looks.get(data.id)!;
    return {
      id: data.id,
      start,
      end,
      control,
      bends,
      middle,
      colour: look.colour!,
      width: look.width ?? 1,
      line: look.line ?? 'solid',
      dash: dashOf(look).pattern,
      sourceArrow: look.sourceArrow ?? 'none',
      targetArrow: look.targetArrow ?? 'none',
      opacity: look.opacity ?? 1,
      inferred: Boolean(look.badge),
    };
  });
  // nothing shown (every sector hidden): an empty frame rather than an infinite one; lines routed outside the actors framed too, as on screen
  const extent = actors.length ? withPoints(extentOfActors(actors), relations.flatMap((relation) => relation.bends ?? [])) : { x1: 0, y1: 0, x2: 1, y2: 1 };
  return { box: box ?? extent, fontSize: labelSize(colours.scale), relations, actors };
}

/** The legend of a slide: the frame's entries (what the slide shows, see `legendOf`), each with its swatch's look. */
function legendSwatches(entries: ReturnType<typeof exportFrame>['legend'], colours: ThemeColours, vocabulary: Vocabulary): SlideLegendEntry[] {
  if (!entries) return [];
  const rules = rulesOf(colours, vocabulary);
  return [
    ...entries.sectors.map(({ sector, name }): SlideLegendEntry => {
      const look = swatchLook(rules, vocabulary, { sector });
      return { kind: 'sector', key: sector, name, shape: look.shape!, fill: look.fill!, border: look.border!.colour };
    }),
    ...entries.relations.map(({ relation, name }): SlideLegendEntry => {
      const look = swatchLook(rules, vocabulary, { relation });
      return { kind: 'relation', key: relation, name, colour: look.colour!, width: look.width ?? 1, line: look.line ?? 'solid', dash: dashOf(look).pattern, arrow: look.targetArrow ?? 'none' };
    }),
    ...(entries.inferred ? [{ kind: 'inferred', key: 'inferred', name: entries.inferred } as const] : []),
  ];
}

/**
 * Speaker notes: a heading, then each relation as "A → verb → B" with its quotes and the
 * reference (and, for the author's reading, what it rests on).
 */
function speakerNotes(graph: Graph, heading: string, relations: readonly Relation[], lang: DisplayLang, reference: string | undefined): string {
  const one = oneLang(lang);
  const names = new Map(graph.nodes.map((actor) => [actor.id, inLang(actor.label, lang)]));
  const items = relations.map((relation) => {
    const verb = inLang(vocabularyOf(graph).relations[relation.relation].verb, lang);
    const lines = [`${names.get(relation.source) ?? relation.source} → ${verb}${isInferred(relation) ? INFERRED_MARK : ''} → ${names.get(relation.target) ?? relation.target}`];
    if (isInferred(relation) && relation.note) lines.push(`  ${msg('readingPrefix', one)}: ${inLang(relation.note, lang)}`);
    for (const evidence of relation.evidence ?? []) lines.push(`  “${evidence.quote}”`);
    if (reference && relation.evidence?.length) lines.push(`  — ${reference}`);
    return lines.join('\n');
  });
  return withoutUnshowable([heading, ...(items.length ? items : [msg('none', lang)])].join('\n\n'));
}

/** The relations of a graph shown with these actors and not hidden, in data order. */
function shownRelations(graph: Graph, view: string | undefined, actors: ReadonlySet<string> | undefined, hidden: ReadonlySet<string>): Relation[] {
  const shownActors = new Set(graph.nodes.filter((actor) => !hidden.has(actor.sector)).map((actor) => actor.id));
  const inView = new Set(graph.views?.find((v) => v.id === view)?.actors ?? graph.nodes.map((actor) => actor.id));
  return graph.edges.filter(
    (edge) =>
      !hidden.has(edge.relation) &&
      !(isInferred(edge) && hidden.has('inferred')) &&
      [edge.source, edge.target].every((id) => inView.has(id) && shownActors.has(id) && (!actors || actors.has(id))),
  );
}

/**
 * The slides of what a graph shows: a trace, one slide of it; a view with presentation steps,
 * one slide per step (steps 1…n shown, step n's actors emphasised, its caption under the title),
 * every slide framing the whole view so that nobody moves from one to the next; else one slide.
 */
export function slideDeck(given: SlideInput): SlideDeck {
  // hubs drawn taller where they stand, as on screen
  const input = { ...given, elements: withHubsGrown(given.elements, given.positions) };
  const { graph, view, lang, hidden, colours } = input;
  const steps: Step[] = graph.views?.find((v) => v.id === view)?.steps ?? [];
  const bySteps = input.steps !== false && steps.length > 0;
  const frameOf = (shown?: ReadonlySet<string>) => exportFrame(graph, { view, shown, lang, hidden, title: true, legend: true, source: true });
  const reference = sourceReference(graph, lang);
  const base: DisplayState = { filtered: hidden, stepShown: null, stepEmphasis: [], focused: null, marked: [], highlight: null };
  const stepState = (n: number): Pick<DisplayState, 'stepShown' | 'stepEmphasis'> => ({
    stepShown: new Set(steps.slice(0, n).flatMap((step) => step.actors)),
    stepEmphasis: steps[n - 1].emphasis ?? steps[n - 1].actors,
  });
  const slide = (state: DisplayState, caption: string | undefined, notes: string, box?: Bounds): Slide => {
    const frame = frameOf(state.stepShown ?? undefined);
    return { title: frame.title ?? '', caption, panels: [panelOf(input, state, box)], legend: legendSwatches(frame.legend, colours, vocabularyOf(graph)), source: frame.source, notes };
  };
  const stepCaption = (n: number) => `${n} / ${steps.length}  ${inLang(steps[n - 1].caption, lang)}`;
  const deck = (slides: Slide[]): SlideDeck => ({ title: slides[0].title, lang, colours, slides });

  const highlight = input.highlight;
  if (highlight) {
    const n = input.step && steps[input.step - 1] ? input.step : 0;
    const state = { ...base, ...(n ? stepState(n) : {}), highlight };
    const lit = new Set([highlight.root, ...highlight.upstream, ...highlight.downstream]);
    const root = graph.nodes.find((actor) => actor.id === highlight.root);
    const caption = `${msg('traceTitle', lang)}: ${root ? inLang(root.label, lang) : highlight.root}`;
    const relations = shownRelations(graph, view, state.stepShown ?? undefined, hidden).filter((edge) => lit.has(edge.id));
    return deck([slide(state, caption, speakerNotes(graph, caption, relations, lang, reference))]);
  }
  if (!bySteps) {
    return deck([slide(base, undefined, speakerNotes(graph, `${msg('notesShown', lang)}:`, shownRelations(graph, view, undefined, hidden), lang, reference))]);
  }
  // the whole view's box on every slide: actors keep their places as the steps build up
  const whole = panelOf(input, base).box;
  let before = new Set<string>();
  return deck(
    steps.map((step, i) => {
      const state = { ...base, ...stepState(i + 1) };
      const shown = shownRelations(graph, view, state.stepShown ?? undefined, hidden);
      const added = shown.filter((edge) => !before.has(edge.id));
      before = new Set(shown.map((edge) => edge.id));
      const names = step.actors.map((id) => graph.nodes.find((actor) => actor.id === id)).flatMap((actor) => (actor ? [inLang(actor.label, lang)] : []));
      const heading = `${stepCaption(i + 1)}\n\n${msg('notesActors', lang)}: ${names.join(lang === 'en' ? '; ' : '、') || msg('none', lang)}\n\n${msg('notesAdded', lang)}:`;
      return slide(state, stepCaption(i + 1), speakerNotes(graph, heading, added, lang, reference), whole);
    }),
  );
}
