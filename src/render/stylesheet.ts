import type { StylesheetJson } from 'cytoscape';
import { BUILT_IN_VOCABULARY, INFERRED_MARK, type Vocabulary } from '../model/vocabulary.js';
import { ARROW_SCALE, dashOf, rulesOf, type Look, type Match } from './looks.js';
import { ROUTE_RADIUS, ROUTED } from './routing.js';
import { inferredBadge, type ThemeColours } from './palette.js';
import { FONT_FAMILY, LINE_HEIGHT, MIN_ZOOMED_FONT_SIZE, labelSize } from './typography.js';

/** How a stylesheet is made: without transitions for readers who ask for less motion; for the sectors and relations of a vocabulary. */
export interface StylesheetOptions {
  reducedMotion?: boolean;
  /** Default: the built-in vocabulary. */
  vocabulary?: Vocabulary;
}

/** The Cytoscape selector of a rule of the table of looks (declared ids are letters, digits, `-` and `_`: safe in quotes). */
function selector(match: Match): string {
  let text = match.group;
  if (match.sector) text += `[sector = "${match.sector}"]`;
  if (match.relation) text += `[relation = "${match.relation}"]`;
  if (match.soft) text += '[kind != "accountability"]';
  if (match.reversed) text += '[?reversed]';
  if (match.inferred) text += '[?inferred]';
  if (match.state) text += `.${match.state}`;
  return text;
}

/** A look in Cytoscape's style properties. */
function cytoscapeStyle(look: Partial<Look>, colours: ThemeColours): Record<string, string | number> {
  const style: Record<string, string | number> = {};
  if (look.hidden !== undefined) style.display = look.hidden ? 'none' : 'element';
  if (look.opacity !== undefined) style.opacity = look.opacity;
  if (look.shape) style.shape = look.shape;
  if (look.fill) style['background-color'] = look.fill;
  if (look.ink) style.color = look.ink;
  if (look.border) Object.assign(style, { 'border-width': look.border.width, 'border-color': look.border.colour, 'border-style': look.border.double ? 'double' : 'solid' });
  if (look.underlay) Object.assign(style, { 'underlay-color': look.underlay.colour, 'underlay-opacity': look.underlay.opacity, 'underlay-padding': look.underlay.padding, 'underlay-shape': 'round-rectangle' });
  if (look.outline) Object.assign(style, { 'outline-width': look.outline.width, 'outline-color': look.outline.colour, 'outline-offset': look.outline.offset, 'outline-style': 'solid' });
  if (look.colour) Object.assign(style, { 'line-color': look.colour, 'target-arrow-color': look.colour, 'source-arrow-color': look.colour });
  if (look.width !== undefined) style.width = look.width;
  if (look.line) {
    // dotted lines are round dots in every renderer: a dash pattern with round caps
    const { pattern, cap } = dashOf(look);
    Object.assign(style, { 'line-style': look.line === 'solid' ? 'solid' : 'dashed', 'line-cap': cap, ...(pattern.length ? { 'line-dash-pattern': pattern } : {}) });
  }
  if (look.sourceArrow) style['source-arrow-shape'] = look.sourceArrow;
  if (look.targetArrow) style['target-arrow-shape'] = look.targetArrow;
  if (look.zIndex !== undefined) style['z-index'] = look.zIndex;
  if (look.badge) {
    const badge = inferredBadge(colours.scale);
    Object.assign(style, {
      label: INFERRED_MARK,
      'font-family': FONT_FAMILY,
      'font-size': badge.fontSize,
      'font-weight': 'bold',
      color: colours.text,
      'text-background-color': colours.background,
      'text-background-opacity': 1,
      'text-background-shape': 'circle',
      'text-background-padding': `${badge.padding}px`,
      'text-border-width': badge.borderWidth,
      'text-border-color': colours.edge,
      'text-border-opacity': 1,
      'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
    });
  }
  return style;
}

/**
 * The Cytoscape stylesheet for a theme: the renderer's settings (labels, sizes, curves,
 * transitions), then the table of looks (`looks.ts`) compiled rule by rule. Cytoscape cannot read
 * CSS `var()`, so the element resolves its custom properties into `colours` first.
 */
export function stylesheet(colours: ThemeColours, { reducedMotion = false, vocabulary = BUILT_IN_VOCABULARY }: StylesheetOptions = {}): StylesheetJson {
  const transition = reducedMotion ? 0 : 200;
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(width)',
        height: 'data(height)',
        'font-family': FONT_FAMILY,
        'font-size': labelSize(colours.scale),
        'line-height': LINE_HEIGHT,
        'text-wrap': 'wrap',
        'text-max-width': '9999px',
        'text-valign': 'center',
        'text-halign': 'center',
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
        'transition-property': 'opacity, border-width, border-color, background-color, color',
        'transition-duration': transition,
      },
    },
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'arrow-scale': ARROW_SCALE,
        'transition-property': 'opacity, line-color, width',
        'transition-duration': transition,
      },
    },
    {
      selector: ROUTED,
      style: {
        'curve-style': 'round-segments',
        'edge-distances': 'node-position',
        'segment-weights': 'data(bendWeights)',
        'segment-distances': 'data(bendDistances)',
        'segment-radii': ROUTE_RADIUS,
        // rounded from this far before each corner, as the exports round them (see roundedCorners)
        'radius-type': 'influence-radius',
      },
    },
    ...withoutDefaults(rulesOf(colours, vocabulary).map((rule) => ({ group: rule.match.group, selector: selector(rule.match), style: cytoscapeStyle(rule.look, colours) }))),
  ] as StylesheetJson;
}

/** What Cytoscape draws when no rule sets these properties. */
const CYTOSCAPE_DEFAULTS: Readonly<Record<string, string | number>> = {
  display: 'element',
  opacity: 1,
  'z-index': 0,
  'border-style': 'solid',
  'line-style': 'solid',
  'line-cap': 'butt',
  'source-arrow-shape': 'none',
  'target-arrow-shape': 'none',
};

/**
 * The compiled rules less what only restates Cytoscape's defaults before an earlier rule of the
 * group set the property otherwise: every element pays for each property applied to it on the first frame.
 */
function withoutDefaults(rules: { group: 'node' | 'edge'; selector: string; style: Record<string, string | number> }[]) {
  const set = { node: new Set<string>(), edge: new Set<string>() };
  return rules.flatMap(({ group, selector, style }) => {
    const kept = Object.entries(style).filter(([name, value]) => set[group].has(name) || CYTOSCAPE_DEFAULTS[name] !== value);
    for (const name of Object.keys(style)) set[group].add(name);
    return kept.length > 0 ? [{ selector, style: Object.fromEntries(kept) }] : [];
  });
}

const stylesheets = new WeakMap<readonly unknown[], Map<boolean, StylesheetJson>>();

/** The stylesheet of a theme (see `stylesheet`), made once per table of looks, so that an unchanged theme restyles nothing. */
export function stylesheetOf(colours: ThemeColours, { reducedMotion = false, vocabulary = BUILT_IN_VOCABULARY }: StylesheetOptions = {}): StylesheetJson {
  const rules = rulesOf(colours, vocabulary);
  let made = stylesheets.get(rules);
  if (!made) stylesheets.set(rules, (made = new Map()));
  let style = made.get(reducedMotion);
  if (!style) made.set(reducedMotion, (style = stylesheet(colours, { reducedMotion, vocabulary })));
  return style;
}
