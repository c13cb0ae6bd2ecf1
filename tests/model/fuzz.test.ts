import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GraphError } from '../../src/model/errors.js';
import { parseGraph } from '../../src/model/load.js';
import { traceActor } from '../../src/model/trace.js';
import { validateGraph } from '../../src/model/validate.js';
import { smallGraph } from './fixtures.js';

/** A valid graph with random damage: fields removed, replaced by anything, or values of the wrong type. */
const brokenGraph = fc
  .array(fc.tuple(fc.constantFrom('nodes', 'edges', 'views', 'title', 'id', '$'), fc.nat(5), fc.constantFrom('delete', 'replace'), fc.anything()), { minLength: 1, maxLength: 6 })
  .map((damage) => {
    const graph = structuredClone(smallGraph()) as any;
    for (const [field, index, action, value] of damage) {
      const target = field === '$' ? graph : Array.isArray(graph[field]) ? graph[field][index % Math.max(1, graph[field].length)] : graph;
      if (!target || typeof target !== 'object') continue;
      const keys = Object.keys(target);
      const key = field === '$' || !Array.isArray(graph[field]) ? field : keys[index % Math.max(1, keys.length)];
      if (action === 'delete') delete target[key];
      else target[key] = value;
    }
    return graph;
  });

describe('validation under random input (fast-check)', () => {
  it('never throws on any JSON value, and either accepts or explains with paths', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const { graph, problems } = validateGraph(value);
        expect(Boolean(graph) !== problems.length > 0).toBe(true);
        for (const problem of problems) expect(problem.path).toMatch(/^\$/);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on damaged graphs; an accepted graph can be traced', () => {
    fc.assert(
      fc.property(brokenGraph, (value) => {
        const { graph, problems } = validateGraph(value);
        for (const problem of problems) expect(problem.message.length).toBeGreaterThan(10);
        if (graph) for (const node of graph.nodes) traceActor(graph, node.id);
      }),
      { numRuns: 2000 },
    );
  });

  it('explains a value that cannot even become a string (found by fuzzing)', () => {
    const graph = structuredClone(smallGraph()) as any;
    graph.nodes[2].sector = { toString: 0 };
    expect(validateGraph(graph).problems).toEqual([{ path: '$.nodes[2].sector', message: expect.stringContaining('Unknown sector {"toString":0}') }]);
  });

  it('parseGraph fails only with a GraphError on any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), brokenGraph.map((g) => JSON.stringify(g))), (text) => {
        try {
          parseGraph(text, 'fuzz.json');
        } catch (error) {
          expect(error).toBeInstanceOf(GraphError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
