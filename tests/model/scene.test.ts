import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../scripts/bench/synthetic.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import type { DisplayState } from '../../src/render/classes.js';
import { toElements, type ActorData } from '../../src/render/elements.js';
import { lookOf, lookRules, type Drawn } from '../../src/render/looks.js';
import { THEME_COLOURS } from '../../src/render/palette.js';
import { computePlacement, knownPlacement, LAYOUT_VERSION } from '../../src/render/placement.js';
import { scene, type SceneOptions } from '../../src/render/scene.js';
import { smallGraph } from './fixtures.js';

cytoscape.use(dagre);

const none: DisplayState = { filtered: new Set(), stepShown: null, stepEmphasis: [], focused: null, marked: [], highlight: null };
const measure = () => (text: string) => text.length * 8;
const options: SceneOptions = { lang: 'en', layout: 'hierarchy', colours: THEME_COLOURS.light, measure };
const aspect = 16 / 9;
const domestic = BUILTIN_MODELS.domestic;

describe('scene', () => {
  it("holds the view's elements, sized at the theme's type size", () => {
    const shown = scene(domestic, none, { ...options, view: 'city' });
    expect(shown.elements).toEqual(toElements(domestic, { lang: 'en', view: 'city', measure: measure(), fontSize: 16 }));
    const projector = scene(domestic, none, { ...options, view: 'city', colours: THEME_COLOURS.projector });
    const width = (elements: typeof shown.elements) => (elements.find(({ data }) => data.id === 'city-gov')!.data as ActorData).width;
    expect(width(projector.elements)).toBeGreaterThan(width(shown.elements));
  });

  it('gives each element the look the table of looks gives it in the state', () => {
    const highlight = { root: 'city-gov', upstream: ['city-party'], downstream: [] };
    const traced = scene(domestic, { ...none, highlight }, { ...options, view: 'city' });
    const rules = lookRules(THEME_COLOURS.light);
    for (const { data } of traced.elements) {
      const group = data.source === undefined ? 'node' : 'edge';
      expect(traced.look(data.id!), data.id).toEqual(lookOf(rules, { group, data: data as Drawn['data'], classes: traced.classes.get(data.id!) }));
    }
    expect(traced.classes.get('city-gov')).toContain('traced');
    expect(traced.look('city-gov').border!.width).toBe(5);
    expect(traced.look('water-department').fill).not.toBe(scene(domestic, none, { ...options, view: 'city' }).look('water-department').fill);
    expect(traced.look('nobody')).toEqual({});
  });

  it('reuses the elements and the stylesheet when only the state changes, so Cytoscape patches and restyles nothing', () => {
    const first = scene(domestic, none, { ...options, view: 'city' });
    const traced = scene(domestic, { ...none, focused: 'city-gov' }, { ...options, view: 'city', colours: { ...THEME_COLOURS.light } }, first);
    expect(traced.elements).toBe(first.elements);
    expect(traced.style).toBe(first.style);
    expect(traced.classes).not.toBe(first.classes);
    // another language or type size makes new elements; another theme a new stylesheet
    expect(scene(domestic, none, { ...options, view: 'city', lang: 'zh' }, first).elements).not.toBe(first.elements);
    expect(scene(domestic, none, { ...options, view: 'city', colours: THEME_COLOURS.projector }, first).elements).not.toBe(first.elements);
    expect(scene(domestic, none, { ...options, view: 'city', colours: THEME_COLOURS.dark }, first).style).not.toBe(first.style);
  });

  it('keys the layout of a built-in model by its id, and that of a file by its content, with the layout options', () => {
    const builtin = scene(domestic, none, { ...options, view: 'city' });
    expect(builtin.placement.key).toBe(`${LAYOUT_VERSION}|domestic|city|en|16|hierarchy`);
    expect(builtin.placement.persist).toBe(false);
    const file = scene(smallGraph(), none, options);
    expect(file.placement.key).toMatch(new RegExp(`^${LAYOUT_VERSION}\\|small@[0-9a-f]{8}\\|\\|en\\|16\\|hierarchy$`));
    expect(file.placement.persist).toBe(true);
    const edited = smallGraph();
    edited.edges[1].relation = 'coordinates';
    expect(scene(edited, none, options).placement.key).not.toBe(file.placement.key);
    expect(scene(smallGraph(), none, { ...options, layout: 'bands' }, file).placement.key).toMatch(/\|bands$/);
  });

  it('names a layout that dagre has to make for a small graph laid out nowhere yet, and that is known once made', () => {
    const graph = { ...smallGraph(), id: 'scene-test' };
    const first = scene(graph, none, options);
    expect(knownPlacement({ ...first.placement, aspect, width: 1280 })).toBeUndefined();
    // what the controller does with it
    const cy = cytoscape({ headless: true, styleEnabled: true, style: first.style, elements: structuredClone(first.elements) });
    const laidOut = computePlacement(cy, { ...first.placement, aspect, width: 1280 });
    const again = scene(graph, { ...none, focused: 'gov' }, options, first);
    expect(knownPlacement({ ...again.placement, aspect, width: 1280 })).toEqual(laidOut);
  });

  it('names a layout known at once for a graph too large for dagre: the layered layout', () => {
    const large = scene(syntheticGraph(200), none, options);
    const positions = knownPlacement({ ...large.placement, aspect, width: 1280 });
    const actors = large.elements.filter(({ data }) => data.source === undefined);
    expect(actors).toHaveLength(200);
    for (const { data } of actors) expect(positions?.get(data.id!), data.id).toBeDefined();
  });
});
