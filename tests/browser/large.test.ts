import { afterEach, describe, expect, it } from 'vitest';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import '../../src/index.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { syntheticGraph } from '../../scripts/bench/synthetic.js';
import { cyOf, dataUrl, nextEvent } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

describe('large graphs', () => {
  it('draws 1,500 actors, laid out top-down, fitted', async () => {
    const graph = syntheticGraph(1500);
    const el = document.createElement('governance-graph') as GovernanceGraph;
    el.style.height = '600px';
    el.src = dataUrl(graph);
    const ready = nextEvent<{ nodes: number; edges: number }>(el, 'graph-ready', 30_000);
    document.body.append(el);
    const { detail } = await ready;
    expect(detail.nodes).toBe(1500);
    expect(detail.edges).toBe(graph.edges.length);
    const cy = cyOf(el)!;
    const leads = graph.edges.find((e) => e.relation === 'leads')!;
    expect(cy.getElementById(leads.source).position('y')).toBeLessThan(cy.getElementById(leads.target).position('y'));
    const box = cy.nodes().renderedBoundingBox();
    expect(box.x2 - box.x1).toBeLessThanOrEqual(cy.width() + 2);
  });

  it('replacing a large graph while it is still being built draws the new one only', async () => {
    const el = document.createElement('governance-graph') as GovernanceGraph;
    el.style.height = '600px';
    el.src = dataUrl(syntheticGraph(1500));
    document.body.append(el);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const ready = nextEvent<{ id: string; nodes: number }>(el, 'graph-ready', 30_000);
    el.src = undefined;
    el.model = 'foreign';
    const { detail } = await ready;
    expect(detail).toMatchObject({ id: 'foreign', nodes: BUILTIN_MODELS.foreign.nodes.length });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cyOf(el)!.nodes()).toHaveLength(BUILTIN_MODELS.foreign.nodes.length);
  });
});
