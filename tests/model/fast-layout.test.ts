import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../scripts/bench/synthetic.js';
import { validateGraph } from '../../src/model/validate.js';
import { layeredLayout } from '../../src/render/fast-layout.js';

const spacing = { nodeSep: 20, rankSep: 50 };

/** Nodes and top-down edges of a synthetic graph, as the layout receives them. */
function input(size: number) {
  const graph = syntheticGraph(size);
  const nodes = graph.nodes.map((n) => ({ id: n.id, width: 60 + (n.label.en.length % 5) * 10, height: 30 }));
  const edges = graph.edges.map((e) => (e.relation === 'participates' ? { source: e.target, target: e.source } : { source: e.source, target: e.target }));
  return { graph, nodes, edges };
}

describe('syntheticGraph', () => {
  it('makes valid graphs of the asked size, the same every time', () => {
    const graph = syntheticGraph(300);
    expect(graph.nodes).toHaveLength(300);
    expect(validateGraph(graph).problems).toEqual([]);
    expect(syntheticGraph(300)).toEqual(graph);
  });
});

describe('layeredLayout', () => {
  it('puts every leader above those it leads', () => {
    const { nodes, edges, graph } = input(1000);
    const positions = layeredLayout(nodes, edges, spacing);
    const tree = graph.edges.filter((e) => e.relation !== 'coordinates');
    for (const e of tree) {
      const [upper, lower] = e.relation === 'participates' ? [e.target, e.source] : [e.source, e.target];
      expect(positions.get(upper)!.y, `${upper} above ${lower}`).toBeLessThan(positions.get(lower)!.y);
    }
  });

  it('never overlaps two actors', () => {
    const { nodes, edges } = input(1000);
    const positions = layeredLayout(nodes, edges, spacing);
    const boxes = nodes.map((n) => ({ ...n, ...positions.get(n.id)! })).sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 1; i < boxes.length; i++) {
      const [a, b] = [boxes[i - 1], boxes[i]];
      if (a.y !== b.y) continue;
      expect(b.x - a.x, `${a.id} and ${b.id}`).toBeGreaterThanOrEqual((a.width + b.width) / 2 + spacing.nodeSep - 1e-6);
    }
  });

  it('survives cycles and respects a minimum rank', () => {
    const positions = layeredLayout(
      [
        { id: 'a', width: 10, height: 10 },
        { id: 'b', width: 10, height: 10 },
        { id: 'c', width: 10, height: 10, minRank: 3 },
      ],
      [
        { source: 'a', target: 'b' },
        { source: 'b', target: 'a' },
      ],
      spacing,
    );
    expect(positions.get('a')!.y).not.toBe(positions.get('b')!.y);
    expect(positions.get('c')!.y).toBeGreaterThan(positions.get('b')!.y);
  });
});
