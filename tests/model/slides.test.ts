import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { crowded, crowdedViews } from '../../src/model/slides.js';
import { smallGraph } from './fixtures.js';

describe('the slide check for authors', () => {
  it('passes every view of the built-in models, which are made for slides', () => {
    for (const graph of Object.values(BUILTIN_MODELS)) expect(crowdedViews(graph)).toEqual([]);
  });

  it('names a view with more than 20 actors, and a model without views that has as many', () => {
    const graph = smallGraph();
    graph.nodes = Array.from({ length: 25 }, (_, i) => ({ id: `a${i}`, label: { zh: `甲${i}`, en: `A${i}` }, sector: 'department' as const }));
    graph.edges = [];
    graph.views = [
      { id: 'all-of-them', title: { zh: '全部', en: 'All' }, actors: graph.nodes.map((n) => n.id) },
      { id: 'few', title: { zh: '少数', en: 'Few' }, actors: ['a1', 'a2'] },
    ];
    expect(crowdedViews(graph)).toEqual([{ view: 'all-of-them', actors: 25 }]);
    expect(crowded(graph)).toEqual({ actors: 25 });
    expect(crowdedViews({ ...graph, views: undefined })).toEqual([{ actors: 25 }]);
  });
});
