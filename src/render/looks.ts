import type { RelationType, Sector } from '../model/types.js';
import { BUILT_IN_VOCABULARY, type Vocabulary } from '../model/vocabulary.js';
import { relationStyle, sectorStyle, type RelationStyle, type SectorStyle, type ThemeColours } from './palette.js';

/**
 * The one table of looks: how every actor and relation is drawn, by sector, relation type and
 * state class, for a theme. The Cytoscape stylesheet is compiled from it (`stylesheet.ts`), the
 * scene gives each element its look through `lookOf` (which the SVG export draws), and both legends
 * draw their swatches from it, so all draw alike.
 * Rules apply in order; a later one overrides what an earlier one set, as in a Cytoscape stylesheet.
 */

/** The keyboard focus ring around an actor, in screen px at any zoom (see `holdFocusRing`). */
export const FOCUS_RING = { width: 3, offset: 4 } as const;

/** State classes an element may carry (see `classesOf`). */
export type StateClass = 'filtered' | 'step-hidden' | 'step-emphasis' | 'focused' | 'marked' | 'traced' | 'upstream' | 'downstream' | 'dimmed';

/** Which elements a rule applies to. */
export interface Match {
  group: 'node' | 'edge';
  sector?: Sector;
  relation?: RelationType;
  /** Influence and reference relations, drawn lighter than accountability ones. */
  soft?: true;
  /** Upward relations, stored top-down: their arrow goes at the drawn source. */
  reversed?: true;
  /** The author's readings. */
  inferred?: true;
  state?: StateClass;
}

/** A border round an actor. */
export interface Border {
  width: number;
  colour: string;
  /** Two thin lines instead of one (an upstream chain: distinct in greyscale). */
  double: boolean;
}

/** A glow behind an actor. */
export interface Underlay {
  colour: string;
  opacity: number;
  /** Distance beyond the actor's box, in graph units. */
  padding: number;
}

/** What a look may set; a rule sets some of it. */
export interface Look {
  hidden: boolean;
  opacity: number;
  shape: SectorStyle['shape'];
  fill: string;
  /** Label colour on the fill. */
  ink: string;
  border: Border;
  underlay?: Underlay;
  /** The keyboard focus ring, outside the border. */
  outline?: { colour: string; width: number; offset: number };
  colour: string;
  width: number;
  line: RelationStyle['line'];
  /** Dash and gap lengths of a dashed line (dotted lines derive theirs from the width, see `dashOf`). */
  dash?: readonly number[];
  sourceArrow: RelationStyle['arrow'] | 'none';
  targetArrow: RelationStyle['arrow'] | 'none';
  zIndex: number;
  /** Carries the mark of an inferred relation at its middle (see `inferredBadge`). */
  badge: boolean;
}

/** One row of the table. */
export interface Rule {
  match: Match;
  look: Partial<Look>;
}

/** Multiplier of Cytoscape's arrow size (its `arrow-scale`). */
export const ARROW_SCALE = 1.1;

/** Opacity of what a trace leaves aside. */
export const DIMMED_OPACITY = 0.18;

/** Darkens a #rrggbb colour, for node borders. */
export function darken(hex: string, amount = 0.35): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - amount));
  return `rgb(${channel(1)}, ${channel(3)}, ${channel(5)})`;
}

/** The channels of a `#rgb`, `#rrggbb` or `rgb(…)` colour; undefined for any other CSS colour. */
export function channels(colour: string): [number, number, number] | undefined {
  const text = colour.trim();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(text);
  if (short) return [1, 2, 3].map((i) => parseInt(short[i] + short[i], 16)) as [number, number, number];
  const long = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(text);
  if (long) return [1, 2, 3].map((i) => parseInt(long[i], 16)) as [number, number, number];
  const rgb = /^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)/i.exec(text);
  return rgb ? ([1, 2, 3].map((i) => Number(rgb[i])) as [number, number, number]) : undefined;
}

/** `a` moved `amount` of the way to `b`, or undefined if either is no colour `channels` reads. */
export function mix(a: string, b: string, amount: number): string | undefined {
  const [from, to] = [channels(a), channels(b)];
  if (!from || !to) return undefined;
  const [r, g, bl] = from.map((value, i) => Math.round(value + (to[i] - value) * amount));
  return `rgb(${r}, ${g}, ${bl})`;
}

/** WCAG contrast ratio of two colours (1 to 21). */
export function contrast(a: string, b: string): number {
  const luminance = (colour: string) => {
    const [r, g, bl] = (channels(colour) ?? [0, 0, 0]).map((value) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [la, lb] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (la + 0.05) / (lb + 0.05);
}

/**
 * How an actor a trace leaves aside is drawn: its colours faded toward the page, its label in a grey
 * that keeps a contrast of at least 3:1 (fading the whole actor made white labels vanish). Where a
 * custom colour cannot be mixed, the actor is faded as a whole instead.
 */
function dimmedActor(sector: Sector, colours: ThemeColours, vocabulary: Vocabulary): Partial<Look> {
  const { colour } = sectorStyle(sector, vocabulary);
  const fill = mix(colour, colours.background, 0.78);
  const border = mix(darken(colour), colours.background, 0.6);
  const ink = mix(colours.text, colours.background, 0.35);
  if (!fill || !border || !ink) return { opacity: DIMMED_OPACITY };
  return { fill, ink, border: { width: 1.5 * colours.scale, colour: border, double: false } };
}

/** The rules of a theme, in order, for the sectors and relations of `vocabulary`. */
export function lookRules(colours: ThemeColours, vocabulary: Vocabulary = BUILT_IN_VOCABULARY): Rule[] {
  const s = colours.scale;
  const sectors: Rule[] = vocabulary.sectorTypes.map((sector) => {
    const { colour, ink, shape } = sectorStyle(sector, vocabulary);
    return { match: { group: 'node', sector }, look: { shape, fill: colour, ink, border: { width: 1.5 * s, colour: darken(colour), double: false } } };
  });
  const relations: Rule[] = vocabulary.relationTypes.flatMap((relation): Rule[] => {
    const { line, dash, width, arrow } = relationStyle(relation, vocabulary);
    return [
      { match: { group: 'edge', relation }, look: { line, dash, width: width * s, targetArrow: arrow, sourceArrow: relation === 'partners' ? arrow : 'none' } },
      // an upward relation is stored top-down for the layout, so its arrow goes at the drawn source
      { match: { group: 'edge', relation, reversed: true }, look: { sourceArrow: arrow, targetArrow: 'none' } },
    ];
  });
  return [
    { match: { group: 'node' }, look: { hidden: false, opacity: 1 } },
    ...sectors,
    { match: { group: 'edge' }, look: { hidden: false, opacity: 1, colour: colours.edge, zIndex: 0, badge: false } },
    { match: { group: 'edge', soft: true }, look: { colour: colours.edgeSoft } },
    ...relations,
    { match: { group: 'edge', inferred: true }, look: { badge: true } },
    { match: { group: 'node', state: 'filtered' }, look: { hidden: true } },
    { match: { group: 'edge', state: 'filtered' }, look: { hidden: true } },
    { match: { group: 'node', state: 'step-hidden' }, look: { hidden: true } },
    { match: { group: 'edge', state: 'step-hidden' }, look: { hidden: true } },
    { match: { group: 'node', state: 'step-emphasis' }, look: { underlay: { colour: colours.highlight, opacity: 0.5, padding: 9 } } },
    ...vocabulary.sectorTypes.map((sector): Rule => ({ match: { group: 'node', sector, state: 'dimmed' }, look: dimmedActor(sector, colours, vocabulary) })),
    { match: { group: 'edge', state: 'dimmed' }, look: { opacity: DIMMED_OPACITY } },
    { match: { group: 'node', state: 'traced' }, look: { border: { width: 5 * s, colour: colours.text, double: false }, underlay: { colour: colours.highlight, opacity: 0.35, padding: 8 } } },
    { match: { group: 'node', state: 'upstream' }, look: { border: { width: 4 * s, colour: colours.upstream, double: true } } },
    { match: { group: 'node', state: 'downstream' }, look: { border: { width: 4 * s, colour: colours.downstream, double: false } } },
    { match: { group: 'edge', state: 'upstream' }, look: { colour: colours.upstream, zIndex: 10, width: 4 * s } },
    { match: { group: 'edge', state: 'downstream' }, look: { colour: colours.downstream, zIndex: 10, width: 4 * s } },
    // a traced dotted line is wider, so its dots must be further apart (see `dashOf`)
    ...vocabulary.relationTypes.filter((relation) => relationStyle(relation, vocabulary).line === 'dotted').flatMap((relation) =>
      (['upstream', 'downstream'] as const).map((state): Rule => ({ match: { group: 'edge', relation, state }, look: { line: 'dotted', width: 4 * s } })),
    ),
    { match: { group: 'node', state: 'marked' }, look: { underlay: { colour: colours.highlight, opacity: 0.45, padding: 10 } } },
    { match: { group: 'node', state: 'focused' }, look: { outline: { colour: colours.highlight, ...FOCUS_RING } } },
  ];
}

/**
 * Colours that are their own names (`edgeSoft` is "edgeSoft"): a look made with them says which of
 * the theme's colours an element takes, for a painter that resolves them itself (the legend, with
 * the theme's CSS custom properties). Colours mixed from others are not named: such looks fade instead.
 */
export const COLOUR_NAMES: ThemeColours = {
  background: 'background',
  text: 'text',
  edge: 'edge',
  edgeSoft: 'edgeSoft',
  highlight: 'highlight',
  upstream: 'upstream',
  downstream: 'downstream',
  error: 'error',
  scale: 1,
};

/** Rules of the themes in use, by vocabulary and colours: the stylesheet, the scene and each export of a theme share one table. */
const rulesByVocabulary = new WeakMap<Vocabulary, Map<string, Rule[]>>();

/** The rules of a theme for a vocabulary (see `lookRules`), made once per vocabulary and set of colours. */
export function rulesOf(colours: ThemeColours, vocabulary: Vocabulary = BUILT_IN_VOCABULARY): readonly Rule[] {
  const key = JSON.stringify(colours);
  let rulesByColours = rulesByVocabulary.get(vocabulary);
  if (!rulesByColours) rulesByVocabulary.set(vocabulary, (rulesByColours = new Map()));
  let rules = rulesByColours.get(key);
  if (!rules) {
    rules = lookRules(colours, vocabulary);
    // custom properties can make any number of themes: keep the last few
    if (rulesByColours.size >= 8) rulesByColours.delete(rulesByColours.keys().next().value!);
    rulesByColours.set(key, rules);
  }
  return rules;
}

/** What `lookOf` needs to know of an element: its group, data and state classes. */
export interface Drawn {
  group: 'node' | 'edge';
  /** `kind` is the relation's (see `RelationInfo`); without it, the built-in relation's. */
  data: { sector?: string; relation?: string; kind?: string; reversed?: boolean; inferred?: boolean };
  classes?: readonly string[];
}

function matches({ group, data, classes }: Drawn, match: Match): boolean {
  if (match.group !== group) return false;
  if (match.sector && data.sector !== match.sector) return false;
  if (match.relation && data.relation !== match.relation) return false;
  if (match.soft && (data.kind ?? BUILT_IN_VOCABULARY.relations[data.relation as RelationType]?.kind) === 'accountability') return false;
  if (match.reversed && !data.reversed) return false;
  if (match.inferred && !data.inferred) return false;
  return !match.state || Boolean(classes?.includes(match.state));
}

/** How an element is drawn: every rule that matches it, in order. */
export function lookOf(rules: readonly Rule[], element: Drawn): Partial<Look> {
  const look: Partial<Look> = {};
  for (const rule of rules) if (matches(element, rule.match)) Object.assign(look, rule.look);
  return look;
}

/**
 * How a legend draws the swatch of a sector or relation of `vocabulary`: the look of an actor of
 * that sector, or of a relation of that type, with no state.
 */
export function swatchLook(rules: readonly Rule[], vocabulary: Vocabulary, entry: { sector: Sector } | { relation: RelationType }): Partial<Look> {
  if ('sector' in entry) return lookOf(rules, { group: 'node', data: { sector: entry.sector } });
  return lookOf(rules, { group: 'edge', data: { relation: entry.relation, kind: vocabulary.relations[entry.relation]?.kind } });
}

/** The dash pattern and line cap of a line: dotted lines are round dots two widths apart, in every renderer. */
export function dashOf(look: Pick<Partial<Look>, 'line' | 'dash' | 'width'>): { pattern: number[]; cap: 'butt' | 'round' } {
  if (look.line === 'dotted') return { pattern: [0.1, 2 * (look.width ?? 1)], cap: 'round' };
  if (look.line === 'dashed') return { pattern: [...(look.dash ?? [6, 3])], cap: 'butt' };
  return { pattern: [], cap: 'butt' };
}

/** Length of an arrowhead on a line of `width`, as Cytoscape draws it (its arrow size times the shapes' 0.3 length). */
export function arrowLength(width: number): number {
  return 0.3 * Math.max(Math.pow(width * 13.37, 0.9), 29) * ARROW_SCALE;
}
