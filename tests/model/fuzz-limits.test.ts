import cytoscape from 'cytoscape';
import dagre from 'cytoscape-dagre';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ACTORS, MAX_LABEL_LENGTH, MAX_RELATIONS } from '../../src/model/limits.js';
import { traceActor } from '../../src/model/trace.js';
import type { Graph } from '../../src/model/types.js';
import { validateGraph } from '../../src/model/validate.js';
import { RELATION_TYPES, SECTOR_TYPES } from '../../src/model/vocabulary.js';
import { toElements } from '../../src/render/elements.js';
import { fitsDagre } from '../../src/render/layout.js';
import { computePlacement, knownPlacement, type LayoutMode } from '../../src/render/placement.js';

cytoscape.use(dagre);

/** Texts an attacker or a broken export would put in a file: names every object has, controls, bidi, invisible, long. */
const hostileText = fc.oneof(
  fc.constantFrom('constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '\u0000', '\u202Eevil', '\u200B\u200D', '\uD800', '\uFFFE', '<img src=x onerror=alert(1)>', '"/><script>alert(1)</script>'),
  fc.string({ unit: 'binary', maxLength: MAX_LABEL_LENGTH + 20 }),
  fc.nat(MAX_LABEL_LENGTH * 4).map((length) => 'W'.repeat(length)),
);

/** A graph of up to the stated limits, with random actors and relations and hostile texts in random places. */
const fileAtTheLimits = fc
  .record({
    actors: fc.integer({ min: 1, max: MAX_ACTORS }),
    relations: fc.integer({ min: 0, max: MAX_RELATIONS }),
    seed: fc.nat(),
    texts: fc.array(fc.tuple(fc.constantFrom('id', 'zh', 'en', 'short', 'edge-id', 'source', 'title'), fc.nat(), hostileText), { maxLength: 4 }),
  })
  .map(({ actors, relations, seed, texts }) => {
    let state = seed;
    const next = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n);
    const graph = {
      id: 'fuzz',
      title: { zh: '模糊', en: 'Fuzz' },
      nodes: Array.from({ length: actors }, (_, i) => ({ id: `a${i}`, label: { zh: `主体${i}`, en: `Actor ${i}` }, sector: SECTOR_TYPES[next(SECTOR_TYPES.length)] })),
      edges: Array.from({ length: relations }, (_, i) => ({ id: `r${i}`, source: `a${next(actors)}`, target: `a${next(actors)}`, relation: RELATION_TYPES[next(RELATION_TYPES.length)] })).filter(
        (edge) => edge.source !== edge.target,
      ),
    } as any;
    for (const [where, index, text] of texts) {
      const node = graph.nodes[index % actors];
      const edge = graph.edges[index % Math.max(1, graph.edges.length)];
      if (where === 'id') node.id = text;
      else if (where === 'zh' || where === 'en') node.label[where] = text;
      else if (where === 'short') node.label.short = { en: text };
      else if (where === 'title') graph.title.en = text;
      else if (edge) edge[where === 'edge-id' ? 'id' : 'source'] = text;
    }
    return graph;
  });

describe('files up to the stated limits, with hostile texts (fast-check)', () => {
  it('are accepted and laid out, or refused with paths; nothing throws', () => {
    fc.assert(
      fc.property(fileAtTheLimits, fc.constantFrom<LayoutMode>('hierarchy', 'bands'), (input, mode) => {
        const { graph, problems } = validateGraph(input);
        for (const problem of problems) {
          expect(problem.path).toMatch(/^\$/);
          expect(problem.message.length).toBeLessThan(1000);
        }
        if (!graph) return;
        const elements = toElements(graph as Graph, { lang: 'both', measure: (text) => text.length * 8, fontSize: 16 });
        const relations = elements.length - graph.nodes.length;
        // dagre only where it is quick; the layered layout otherwise
        const request = { elements, mode, aspect: 16 / 9, width: 1280, persist: false };
        const positions = fitsDagre(graph.nodes.length, relations)
          ? computePlacement(cytoscape({ headless: true, styleEnabled: true, elements }), request)
          : knownPlacement(request)!;
        expect(positions.size).toBe(graph.nodes.length);
        for (const { x, y } of positions.values()) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
        traceActor(graph, graph.nodes[graph.nodes.length - 1].id, { influence: true });
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
