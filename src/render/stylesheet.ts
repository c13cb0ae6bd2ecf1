import type { StylesheetJson } from 'cytoscape';
import { INFERRED_MARK, RELATION_TYPES, SECTOR_TYPES } from '../model/vocabulary.js';
import { inferredBadge, RELATION_STYLES, SECTOR_STYLES, type ThemeColours } from './palette.js';

/** Label font stack: Noto Sans CJK first so Chinese renders the same on every machine that has it. */
export const FONT_FAMILY = '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif';

/** Base label size in px before the theme's scale. */
export const BASE_FONT_SIZE = 16;

/** Labels smaller than this on screen, in px, are not drawn: large graphs stay smooth when zoomed out. */
export const MIN_ZOOMED_FONT_SIZE = 5;

/** Opacity of what a trace leaves aside. */
export const DIMMED_OPACITY = 0.18;

/** Darkens a #rrggbb colour, for node borders. */
export function darken(hex: string, amount = 0.35): string {
  const channel = (i: number) => Math.round(parseInt(hex.slice(i, i + 2), 16) * (1 - amount));
  return `rgb(${channel(1)}, ${channel(3)}, ${channel(5)})`;
}

/**
 * The Cytoscape stylesheet for a theme. Cytoscape cannot read CSS `var()`, so the element
 * resolves its custom properties into `colours` first.
 */
export function stylesheet(colours: ThemeColours, { reducedMotion = false } = {}): StylesheetJson {
  const fontSize = BASE_FONT_SIZE * colours.scale;
  const transition = reducedMotion ? 0 : 200;
  const badge = inferredBadge(colours.scale);
  const sectors: StylesheetJson = SECTOR_TYPES.map((sector) => {
    const { colour, ink, shape } = SECTOR_STYLES[sector];
    return { selector: `node[sector = "${sector}"]`, style: { shape, 'background-color': colour, color: ink, 'border-color': darken(colour) } };
  });
  const relations: StylesheetJson = RELATION_TYPES.flatMap((relation) => {
    const { line, dash, width, arrow } = RELATION_STYLES[relation];
    return [
      {
        selector: `edge[relation = "${relation}"]`,
        style: {
          'line-style': line,
          ...(dash ? { 'line-dash-pattern': dash } : {}),
          width: width * colours.scale,
          'target-arrow-shape': arrow,
          ...(relation === 'partners' ? { 'source-arrow-shape': arrow } : {}),
        },
      },
      // an upward relation is stored top-down for the layout, so its arrow goes at the drawn source
      { selector: `edge[relation = "${relation}"][?reversed]`, style: { 'source-arrow-shape': arrow, 'target-arrow-shape': 'none' } },
    ];
  });
  return [
    {
      selector: 'node',
      style: {
        label: 'data(label)',
        width: 'data(width)',
        height: 'data(height)',
        'font-family': FONT_FAMILY,
        'font-size': fontSize,
        'line-height': 1.25,
        'text-wrap': 'wrap',
        'text-max-width': '9999px',
        'text-valign': 'center',
        'text-halign': 'center',
        'border-width': 1.5 * colours.scale,
        'min-zoomed-font-size': MIN_ZOOMED_FONT_SIZE,
        'transition-property': 'opacity, border-width, border-color',
        'transition-duration': transition,
      },
    },
    ...sectors,
    {
      selector: 'edge',
      style: {
        'curve-style': 'bezier',
        'line-color': colours.edge,
        'target-arrow-color': colours.edge,
        'source-arrow-color': colours.edge,
        'arrow-scale': 1.1,
        'transition-property': 'opacity, line-color, width',
        'transition-duration': transition,
      },
    },
    {
      selector: 'edge[kind != "accountability"]',
      style: { 'line-color': colours.edgeSoft, 'target-arrow-color': colours.edgeSoft, 'source-arrow-color': colours.edgeSoft },
    },
    ...relations,
    {
      selector: 'edge[?inferred]',
      style: {
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
      },
    },
    { selector: '.filtered, .step-hidden', style: { display: 'none' } },
    { selector: 'node.step-emphasis', style: { 'underlay-color': colours.highlight, 'underlay-opacity': 0.5, 'underlay-padding': 9 } },
    { selector: '.dimmed', style: { opacity: DIMMED_OPACITY } },
    { selector: 'node.traced', style: { 'border-width': 5 * colours.scale, 'border-color': colours.text, 'underlay-color': colours.highlight, 'underlay-opacity': 0.35, 'underlay-padding': 8 } },
    { selector: 'node.upstream', style: { 'border-width': 4 * colours.scale, 'border-color': colours.upstream, 'border-style': 'double' } },
    { selector: 'node.downstream', style: { 'border-width': 4 * colours.scale, 'border-color': colours.downstream } },
    {
      selector: 'edge.upstream',
      style: { 'line-color': colours.upstream, 'target-arrow-color': colours.upstream, 'source-arrow-color': colours.upstream, 'z-index': 10, width: 4 * colours.scale },
    },
    {
      selector: 'edge.downstream',
      style: { 'line-color': colours.downstream, 'target-arrow-color': colours.downstream, 'source-arrow-color': colours.downstream, 'z-index': 10, width: 4 * colours.scale },
    },
    { selector: 'node.marked', style: { 'underlay-color': colours.highlight, 'underlay-opacity': 0.45, 'underlay-padding': 10, 'underlay-shape': 'round-rectangle' } },
    { selector: 'node.focused', style: { 'outline-width': 3, 'outline-color': colours.highlight, 'outline-offset': 4, 'outline-style': 'solid' } },
  ];
}
