import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { RELATION_TYPES } from '../../src/model/vocabulary.js';

const { domestic, foreign } = BUILTIN_MODELS;
const relationsOf = (id: string) => domestic.edges.filter((e) => e.source === id || e.target === id);

describe('the built-in models', () => {
  it('cite the source for every actor and every relation', () => {
    for (const graph of [domestic, foreign]) {
      for (const item of [...graph.nodes, ...graph.edges]) expect(item.evidence?.length, item.id).toBeGreaterThan(0);
    }
  });

  it('use every relation of the vocabulary', () => {
    const used = new Set([...domestic.edges, ...foreign.edges].map((e) => e.relation));
    expect(RELATION_TYPES.filter((r) => !used.has(r))).toEqual([]);
  });

  it('name who issued each dated document, or say that the text does not', () => {
    const dated = domestic.nodes.filter((n) => n.sector === 'policy' && n.year);
    expect(dated.length).toBeGreaterThan(5);
    for (const policy of dated) {
      const issued = domestic.edges.some((e) => e.relation === 'issues' && e.target === policy.id);
      expect(issued || policy.description?.en === 'The text does not name its issuer.', policy.id).toBe(true);
    }
  });

  it('connect every actor to at least one other', () => {
    for (const graph of [domestic, foreign]) {
      for (const node of graph.nodes) expect(graph.edges.some((e) => e.source === node.id || e.target === node.id), node.id).toBe(true);
    }
  });

  it('model the disaster-response system of the text: Party and government lead, emergency management coordinates, disaster-related departments carry out their share', () => {
    expect(relationsOf('emergency-department')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ source: 'city-gov', relation: 'directs' }),
        expect.objectContaining({ target: 'disaster-departments', relation: 'coordinates' }),
      ]),
    );
    expect(domestic.edges).toContainEqual(expect.objectContaining({ source: 'city-party', target: 'city-gov', relation: 'leads' }));
    expect(domestic.edges).toContainEqual(expect.objectContaining({ source: 'disaster-departments', relation: 'carries-out' }));
  });

  it('name who runs each overlapping pilot', () => {
    const runners = (pilot: string) => domestic.edges.filter((e) => e.target === pilot).map((e) => e.source).sort();
    expect(runners('safe-city')).toEqual(['mps', 'political-legal']);
    expect(runners('hygienic-city')).toEqual(['nhc']);
    expect(runners('sponge-city-pilot')).toEqual(['mohurd']);
  });

  it('have views of at most 20 actors, so each reads on one 16:9 slide', () => {
    for (const view of domestic.views ?? []) expect(view.actors.length, view.id).toBeLessThanOrEqual(20);
  });

  it('give the foreign model its resilience offices, set up by Barcelona, London and New York', () => {
    for (const city of ['barcelona', 'london', 'new-york']) {
      expect(foreign.edges).toContainEqual(expect.objectContaining({ source: city, target: 'resilience-office', relation: 'establishes' }));
    }
  });
});
