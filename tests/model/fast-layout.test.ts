import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../../scripts/bench/synthetic.js';
import { validateGraph } from '../../src/model/validate.js';
import { layeredGraphLayout, layeredLayout } from '../../src/render/fast-layout.js';

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

describe('layeredGraphLayout', () => {
  /** Three separate hierarchies of different sizes. */
  function islands() {
    const nodes: { id: string; width: number; height: number }[] = [];
    const edges: { source: string; target: string }[] = [];
    for (const [island, size] of [['a', 12], ['b', 5], ['c', 30]] as const) {
      for (let i = 0; i < size; i++) {
        nodes.push({ id: `${island}${i}`, width: 80, height: 30 });
        if (i > 0) edges.push({ source: `${island}${Math.floor((i - 1) / 3)}`, target: `${island}${i}` });
      }
    }
    return { nodes, edges };
  }
  const box = (positions: Map<string, { x: number; y: number }>, prefix: string) => {
    const own = [...positions].filter(([id]) => id.startsWith(prefix)).map(([, p]) => p);
    return { x1: Math.min(...own.map((p) => p.x)) - 40, x2: Math.max(...own.map((p) => p.x)) + 40, y1: Math.min(...own.map((p) => p.y)) - 15, y2: Math.max(...own.map((p) => p.y)) + 15 };
  };

  it('keeps unconnected pieces apart and each laid out as on its own', () => {
    const { nodes, edges } = islands();
    const positions = layeredGraphLayout(nodes, edges, { spacing, aspect: 16 / 9, gap: 48 });
    expect(positions.size).toBe(nodes.length);
    const boxes = ['a', 'b', 'c'].map((prefix) => box(positions, prefix));
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const [p, q] = [boxes[i], boxes[j]];
        const apart = p.x2 <= q.x1 || q.x2 <= p.x1 || p.y2 <= q.y1 || q.y2 <= p.y1;
        expect(apart, `pieces ${i} and ${j} overlap`).toBe(true);
      }
    }
    // within a piece, the same shape as laying it out alone
    const alone = layeredLayout(nodes.filter((n) => n.id.startsWith('b')), edges.filter((e) => e.source.startsWith('b')), spacing);
    const shift = { x: positions.get('b0')!.x - alone.get('b0')!.x, y: positions.get('b0')!.y - alone.get('b0')!.y };
    for (const [id, p] of alone) expect(positions.get(id)).toEqual({ x: p.x + shift.x, y: p.y + shift.y });
  });

  it('packs pieces wider for a wide screen than for a tall one', () => {
    // eight chains of three actors
    const nodes = Array.from({ length: 24 }, (_, i) => ({ id: `n${i}`, width: 80, height: 30 }));
    const edges = nodes.filter((_, i) => i % 3 !== 0).map((node) => ({ source: `n${Number(node.id.slice(1)) - 1}`, target: node.id }));
    const extent = (aspect: number) => {
      const positions = layeredGraphLayout(nodes, edges, { spacing, aspect, gap: 48 });
      const xs = [...positions.values()].map((p) => p.x);
      const ys = [...positions.values()].map((p) => p.y);
      return (Math.max(...xs) - Math.min(...xs)) / (Math.max(...ys) - Math.min(...ys));
    };
    expect(extent(16 / 9)).toBeGreaterThan(extent(1 / 3));
  });
});
