import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { isInferred, RELATIONS, RELATION_TYPES } from '../../src/model/vocabulary.js';
import { selectView } from '../../src/render/elements.js';

const { domestic, foreign } = BUILTIN_MODELS;
const has = (source: string, relation: string, target: string) => domestic.edges.find((e) => e.source === source && e.relation === relation && e.target === target);
const quotesOf = (edge: { evidence?: { quote: string }[] } | undefined) => (edge?.evidence ?? []).map((e) => e.quote).join(' ');

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
      const issued = domestic.edges.some((e) => ['issues', 'adopts', 'drafts'].includes(e.relation) && e.target === policy.id);
      expect(issued || policy.description?.en === 'The text does not name its issuer.', policy.id).toBe(true);
    }
  });

  it('connect every actor to at least one other', () => {
    for (const graph of [domestic, foreign]) {
      for (const node of graph.nodes) expect(graph.edges.some((e) => e.source === node.id || e.target === node.id), node.id).toBe(true);
    }
  });

  it('model the disaster-response system of the text: Party committee and government jointly lead, emergency management coordinates, disaster-related departments carry out their share', () => {
    expect(has('emergency-department', 'coordinates', 'disaster-departments')).toBeDefined();
    // 党委和政府统一领导 is joint leadership: the departments answer to both, each relation citing it
    for (const leader of ['city-party', 'city-gov']) expect(quotesOf(has('disaster-departments', 'carries-out', leader)), leader).toContain('党委和政府统一领导');
  });

  it('let the Party committee lead the government only where the text says so (党委领导、政府主导), not by joint leadership', () => {
    const leads = has('city-party', 'leads', 'city-gov');
    expect(quotesOf(leads)).toContain('党委领导、政府主导');
    expect(quotesOf(leads)).not.toContain('党委和政府统一领导');
  });

  it("give the competent departments the text's own verbs (按职能牵头、分工负责) and the coordination bodies named departments to coordinate", () => {
    for (const department of ['development-reform', 'housing-department', 'emergency-department', 'water-department']) {
      expect(quotesOf(has(department, 'takes-lead', 'city-gov')), department).toContain('按职能牵头、分工负责');
      expect(has('coordination-bodies', 'coordinates', department), department).toBeDefined();
    }
  });

  it('let each body the text says aligns departments coordinate departments shown with it, in every view', () => {
    const coordinators = ['coordination-bodies', 'coordination-mechanism', 'district-coordination-mechanism'];
    for (const view of domestic.views ?? []) {
      const { actors, relations } = selectView(domestic, view.id);
      const shown = new Map(actors.map((a) => [a.id, a]));
      for (const body of coordinators.filter((id) => shown.has(id))) {
        const coordinated = relations.filter((r) => r.source === body && r.relation === 'coordinates').map((r) => shown.get(r.target)!);
        expect(coordinated.some((actor) => actor.sector === 'department'), `${view.id}: ${body}`).toBe(true);
      }
    }
  });

  it('mark every relation the quotes do not state as the reading it is, saying in both languages what it rests on', () => {
    const readings = [...domestic.edges, ...foreign.edges].filter(isInferred);
    expect(readings.length).toBeGreaterThan(5);
    for (const edge of readings) {
      expect(typeof edge.note === 'object' && edge.note.zh && edge.note.en, edge.id).toBeTruthy();
    }
    // background knowledge the audit found presented as stated
    expect(isInferred(has('cpc-central', 'leads', 'city-party')!)).toBe(true);
  });

  it('use no relation a quote contradicts: the NPC session adopts the outline, a coordination mechanism draws up standards', () => {
    expect(has('npc', 'issues', 'fyp14-outline')).toBeUndefined();
    expect(has('npc', 'adopts', 'fyp14-outline')).toBeDefined();
    expect(domestic.edges.filter((e) => e.target === 'evaluation-standards').map((e) => e.relation)).toEqual(['drafts']);
    expect(RELATIONS.adopts.kind).toBe('reference');
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

  it('give the foreign model its resilience bodies, set up by the cities, without pairing a city with a body as the text does not', () => {
    for (const body of ['resilience-unit', 'chief-resilience-officer', 'resilience-office']) {
      expect(foreign.edges).toContainEqual(expect.objectContaining({ source: 'city-government', target: body, relation: 'establishes' }));
    }
    expect(foreign.nodes.filter((n) => n.sector === 'region')).toEqual([]);
  });
});
