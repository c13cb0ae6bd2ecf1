import cytoscape from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { toElements } from '../../src/render/elements.js';
import { contrast, dashOf, lookOf, mix, lookRules, type StateClass } from '../../src/render/looks.js';
import { SECTOR_TYPES } from '../../src/model/vocabulary.js';
import { THEME_COLOURS } from '../../src/render/palette.js';
import { stylesheet } from '../../src/render/stylesheet.js';

const STATES: StateClass[][] = [[], ['dimmed'], ['traced'], ['upstream'], ['downstream'], ['step-emphasis'], ['marked'], ['focused'], ['filtered'], ['upstream', 'dimmed']];
const rgb = (colour: string) => {
  const hex = /^#([0-9a-f]{6})$/i.exec(colour);
  return hex ? `rgb(${[0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)).join(',')})` : colour.replace(/\s/g, '');
};

describe('the table of looks', () => {
  const graph = BUILTIN_MODELS.domestic;
  const elements = toElements(graph, { lang: 'en', measure: (text) => text.length * 8, fontSize: 16 });

  for (const theme of ['light', 'dark', 'projector'] as const) {
    it(`is what Cytoscape draws, in every state (${theme})`, () => {
      const colours = THEME_COLOURS[theme];
      const rules = lookRules(colours);
      const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet(colours, { reducedMotion: true }), elements: structuredClone(elements) });
      for (const classes of STATES) {
        cy.elements().classes(classes);
        for (const node of cy.nodes()) {
          const look = lookOf(rules, { group: 'node', data: node.data(), classes });
          const where = `${node.id()} ${classes}`;
          expect(node.style('display') === 'none', where).toBe(Boolean(look.hidden));
          expect(rgb(node.style('background-color')), where).toBe(rgb(look.fill!));
          expect(rgb(node.style('color')), where).toBe(rgb(look.ink!));
          expect(rgb(node.style('border-color')), where).toBe(rgb(look.border!.colour));
          expect(parseFloat(node.style('border-width')), where).toBeCloseTo(look.border!.width);
          expect(node.style('border-style'), where).toBe(look.border!.double ? 'double' : 'solid');
          expect(parseFloat(node.style('opacity')), where).toBeCloseTo(look.opacity!);
          expect(parseFloat(node.style('underlay-opacity')), where).toBeCloseTo(look.underlay?.opacity ?? 0);
          expect(parseFloat(node.style('outline-width')), where).toBeCloseTo(look.outline?.width ?? 0);
        }
        for (const edge of cy.edges()) {
          const look = lookOf(rules, { group: 'edge', data: edge.data(), classes });
          const where = `${edge.id()} ${classes}`;
          expect(rgb(edge.style('line-color')), where).toBe(rgb(look.colour!));
          expect(parseFloat(edge.style('width')), where).toBeCloseTo(look.width!);
          expect(edge.style('target-arrow-shape'), where).toBe(look.targetArrow);
          expect(edge.style('source-arrow-shape'), where).toBe(look.sourceArrow);
          expect(edge.style('line-cap'), where).toBe(dashOf(look).cap);
          const { pattern } = dashOf(look);
          if (pattern.length) expect(String(edge.style('line-dash-pattern')).split(/[\s,]+/).map(Number), where).toEqual(pattern);
          expect(edge.style('label') !== '', where).toBe(Boolean(look.badge));
        }
      }
      cy.destroy();
    });
  }

  it('keeps the label of an actor a trace leaves aside readable (contrast at least 3:1), and its fill faded toward the page', () => {
    for (const theme of ['light', 'dark', 'projector'] as const) {
      const colours = THEME_COLOURS[theme];
      const rules = lookRules(colours);
      for (const sector of SECTOR_TYPES) {
        const [shown, dimmed] = [[], ['dimmed']].map((classes) => lookOf(rules, { group: 'node', data: { sector }, classes }));
        // the colours on screen: an actor's opacity lets the page through
        const onPage = (colour: string) => mix(colour, colours.background, 1 - (dimmed.opacity ?? 1))!;
        expect(contrast(onPage(dimmed.ink!), onPage(dimmed.fill!)), `${theme} ${sector}`).toBeGreaterThanOrEqual(3);
        expect(contrast(onPage(dimmed.fill!), colours.background), `${theme} ${sector}`).toBeLessThan(contrast(shown.fill!, colours.background));
      }
    }
  });

  it('fades an actor as a whole where a custom colour cannot be mixed', () => {
    const rules = lookRules({ ...THEME_COLOURS.light, background: 'canvas' });
    expect(lookOf(rules, { group: 'node', data: { sector: 'party' }, classes: ['dimmed'] }).opacity).toBeLessThan(0.5);
  });

  it('draws dotted relations as round dots and marks every inferred relation', () => {
    const rules = lookRules(THEME_COLOURS.light);
    const participates = lookOf(rules, { group: 'edge', data: { relation: 'participates' } });
    expect(dashOf(participates)).toEqual({ pattern: [0.1, 2 * participates.width!], cap: 'round' });
    expect(lookOf(rules, { group: 'edge', data: { relation: 'leads', inferred: true } }).badge).toBe(true);
    expect(lookOf(rules, { group: 'edge', data: { relation: 'leads' } }).badge).toBe(false);
  });
});
