import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { legendOf, LINE_EMS, selectView, toElements, wrapText, type ActorData, type RelationData } from '../../src/render/elements.js';
import { smallGraph } from './fixtures.js';

/** A stand-in for canvas measurement: CJK characters are square, Latin ones about half as wide. */
const measure = (text: string) => [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 14 : 7.5), 0);
const options = { lang: 'zh' as const, measure, fontSize: 14 };

const nodesOf = (elements: ReturnType<typeof toElements>) => elements.filter((e) => e.group === 'nodes').map((e) => e.data as ActorData);
const edgesOf = (elements: ReturnType<typeof toElements>) => elements.filter((e) => e.group === 'edges').map((e) => e.data as RelationData);

describe('wrapText', () => {
  it('breaks English between words and keeps every line within the width', () => {
    const lines = wrapText('Ministry of Housing and Urban-Rural Development (MOHURD)', 150, measure);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe('Ministry of Housing and Urban-Rural Development (MOHURD)');
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(150);
  });

  it('breaks Chinese between characters', () => {
    const lines = wrapText('市、区两级韧性城市建设组织领导协调工作机制', 140, measure);
    expect(lines.join('')).toBe('市、区两级韧性城市建设组织领导协调工作机制');
    expect(lines.every((line) => measure(line) <= 140)).toBe(true);
  });
});

describe('toElements', () => {
  it('makes one node per actor and one edge per relation', () => {
    const graph = BUILTIN_MODELS.domestic;
    const elements = toElements(graph, options);
    expect(nodesOf(elements)).toHaveLength(graph.nodes.length);
    expect(edgesOf(elements)).toHaveLength(graph.edges.length);
  });

  it('labels nodes with the short form in the chosen language', () => {
    const zh = nodesOf(toElements(BUILTIN_MODELS.domestic, options)).find((n) => n.id === 'mohurd');
    const en = nodesOf(toElements(BUILTIN_MODELS.domestic, { ...options, lang: 'en' })).find((n) => n.id === 'mohurd');
    expect(zh?.label).toBe('住建部');
    expect(en?.label).toBe('MOHURD');
  });

  it('puts Chinese above English in both-language mode, and makes the node taller', () => {
    const zh = nodesOf(toElements(smallGraph(), options)).find((n) => n.id === 'gov')!;
    const both = nodesOf(toElements(smallGraph(), { ...options, lang: 'both' })).find((n) => n.id === 'gov')!;
    expect(both.label).toBe('市政府\nGovernment');
    expect(both.height).toBeGreaterThan(zh.height);
  });

  it('sizes each node to hold its widest label line', () => {
    for (const node of nodesOf(toElements(BUILTIN_MODELS.domestic, { ...options, lang: 'en' }))) {
      const widest = Math.max(...node.label.split('\n').map(measure));
      expect(node.width).toBeGreaterThan(widest);
    }
  });

  it('wraps a long English name into lines narrower than a Chinese one of the same width, so no box spans a slide’s column', () => {
    const graph = BUILTIN_MODELS.domestic;
    const label = (lang: 'zh' | 'en', id: string) => nodesOf(toElements(graph, { ...options, lang })).find((node) => node.id === id)!.label.split('\n');
    // 11 characters a line in Chinese: the coordination bodies' 16 take two
    expect(label('zh', 'coordination-bodies').map((line) => [...line].length)).toEqual([11, 5]);
    // "Municipal Government" (20 letters, about 10.7 em here) takes two lines in English
    expect(label('en', 'city-gov')).toEqual(['Municipal', 'Government']);
    for (const line of label('en', 'coordination-bodies')) expect(measure(line)).toBeLessThanOrEqual(options.fontSize * LINE_EMS.other);
  });

  it('keeps only the actors of a view and the relations between them', () => {
    const elements = toElements(smallGraph(), { ...options, view: 'top' });
    expect(nodesOf(elements).map((n) => n.id)).toEqual(['party', 'gov']);
    expect(edgesOf(elements).map((e) => e.id)).toEqual(['party-leads-gov']);
  });

  it('stores an upward relation top-down and marks it reversed, so society sits below government', () => {
    const edge = edgesOf(toElements(smallGraph(), options)).find((e) => e.id === 'public-participates')!;
    expect(edge).toMatchObject({ source: 'gov', target: 'public', reversed: true });
    const leads = edgesOf(toElements(smallGraph(), options)).find((e) => e.id === 'party-leads-gov')!;
    expect(leads).toMatchObject({ source: 'party', target: 'gov', reversed: false });
  });
});

describe('selectView within a presentation step', () => {
  it("keeps only the step's actors of the view and the relations between them", () => {
    const { actors, relations } = selectView(smallGraph(), 'top', new Set(['party', 'dept']));
    expect(actors.map((a) => a.id)).toEqual(['party']);
    expect(relations).toEqual([]);
  });
});

describe('legendOf', () => {
  it('lists the sectors and relation types shown, in vocabulary order, and whether any relation is a reading', () => {
    const graph = smallGraph();
    graph.edges[0] = { ...graph.edges[0], basis: 'inferred', note: 'a reading' };
    expect(legendOf(selectView(graph, 'top'))).toEqual({ sectors: ['party', 'government'], relations: ['leads'], inferred: true });
    expect(legendOf(selectView(graph, undefined, new Set(['gov', 'dept'])))).toEqual({ sectors: ['government', 'department'], relations: ['directs'], inferred: false });
  });

  it('joins several selections, as the compare view shows two', () => {
    const graph = smallGraph();
    const both = legendOf(selectView(graph, 'top'), selectView(graph, undefined, new Set(['public', 'gov'])));
    expect(both.sectors).toEqual(['party', 'government', 'society']);
    expect(both.relations).toEqual(['leads', 'participates']);
  });
});
