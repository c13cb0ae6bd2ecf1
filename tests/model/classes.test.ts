import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { classesOf, type DisplayState } from '../../src/render/classes.js';
import { toElements } from '../../src/render/elements.js';

const elements = toElements(BUILTIN_MODELS.domestic, { lang: 'en', measure: (text) => text.length * 8, fontSize: 16 });
const none: DisplayState = { filtered: new Set(), stepShown: null, stepEmphasis: [], focused: null, marked: [], highlight: null };
const has = (classes: Map<string, string[]>, id: string, name: string) => (classes.get(id) ?? []).includes(name);
const relationsOf = (id: string) => elements.filter(({ data }) => data.source === id || data.target === id);

describe('classesOf', () => {
  it('gives nothing a class in the plain state', () => {
    expect(classesOf(elements, none).size).toBe(0);
  });

  it('hides the actors a step does not show, and every relation with an end among them', () => {
    const shown = new Set(['party-committee', 'city-gov']);
    const classes = classesOf(elements, { ...none, stepShown: shown, stepEmphasis: ['city-gov'] });
    for (const { data } of elements) {
      const isNode = data.source === undefined;
      const visible = isNode ? shown.has(data.id!) : shown.has(data.source) && shown.has(data.target);
      expect(has(classes, data.id!, 'step-hidden'), data.id).toBe(!visible);
    }
    expect(has(classes, 'city-gov', 'step-emphasis')).toBe(true);
  });

  it('filters by sector and by relation type', () => {
    const classes = classesOf(elements, { ...none, filtered: new Set(['market', 'participates']) });
    for (const { data } of elements) {
      const filtered = data.source === undefined ? data.sector === 'market' : data.relation === 'participates';
      expect(has(classes, data.id!, 'filtered'), data.id).toBe(filtered);
    }
  });

  it('dims everything off a traced chain and marks the chain by direction', () => {
    const up = relationsOf('city-gov').find(({ data }) => data.target === 'city-gov' || data.reversed)!.data;
    const highlight = { root: 'city-gov', upstream: [up.id!, up.source === 'city-gov' ? up.target : up.source], downstream: [] };
    const classes = classesOf(elements, { ...none, highlight });
    expect(has(classes, 'city-gov', 'traced')).toBe(true);
    for (const id of highlight.upstream) {
      expect(has(classes, id, 'upstream')).toBe(true);
      expect(has(classes, id, 'dimmed')).toBe(false);
    }
    const dimmed = elements.filter(({ data }) => has(classes, data.id!, 'dimmed')).length;
    expect(dimmed).toBe(elements.length - 1 - highlight.upstream.length);
  });

  it('ignores a trace or marks of actors the graph does not have', () => {
    const classes = classesOf(elements, { ...none, highlight: { root: 'nobody', upstream: [], downstream: [] }, marked: ['nobody'], focused: 'nobody' });
    expect(classes.size).toBe(0);
  });
});
