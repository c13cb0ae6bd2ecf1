import { extentOfActors, packComponents } from './layout.js';

/** An actor to place: its size and the lowest rank its sector allows. */
export interface LayerNode {
  id: string;
  width: number;
  height: number;
  /** Lowest rank the node may take (its sector's band); default 0. */
  minRank?: number;
}

/** A relation from an upper to a lower node, spanning at least `minLen` ranks. */
export interface LayerEdge {
  source: string;
  target: string;
  minLen?: number;
  /** Whether the relation only shapes what the lower end does (see `RelationKind`): a slide may draw an actor joined by such relations alone beside its partner. */
  influence?: boolean;
}

/** Spacing of a layered layout, in graph units. */
export interface LayerSpacing {
  nodeSep: number;
  rankSep: number;
}

/** Sweeps of the barycenter heuristic that orders each rank to reduce crossings. */
const ORDER_SWEEPS = 4;
/** Passes that pull nodes towards their neighbours while keeping the order. */
const ALIGN_PASSES = 4;

/**
 * Ranks by longest path from the top, each node at least at its `minRank`, over an acyclic
 * subgraph (edges closing a cycle are left out). Also returns the nodes in depth-first finishing
 * order, whose reverse is a discovery order that keeps related nodes near.
 */
export function longestPathRanks(nodes: LayerNode[], edges: LayerEdge[]): { rank: number[]; order: number[] } {
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const down: { to: number; minLen: number }[][] = nodes.map(() => []);
  for (const edge of edges) {
    const [s, t] = [index.get(edge.source), index.get(edge.target)];
    if (s === undefined || t === undefined || s === t) continue;
    down[s].push({ to: t, minLen: edge.minLen ?? 1 });
  }
  const state = new Uint8Array(nodes.length); // 0 new, 1 on the stack, 2 done
  const order: number[] = [];
  const acyclic: { to: number; minLen: number }[][] = nodes.map(() => []);
  for (let root = 0; root < nodes.length; root++) {
    if (state[root]) continue;
    const stack: [number, number][] = [[root, 0]];
    state[root] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < down[v].length) {
        top[1]++;
        const edge = down[v][i];
        if (state[edge.to] === 1) continue;
        acyclic[v].push(edge);
        if (state[edge.to] === 0) {
          state[edge.to] = 1;
          stack.push([edge.to, 0]);
        }
      } else {
        state[v] = 2;
        order.push(v);
        stack.pop();
      }
    }
  }
  const rank = nodes.map((node) => node.minRank ?? 0);
  for (let k = order.length - 1; k >= 0; k--) {
    const v = order[k];
    for (const { to, minLen } of acyclic[v]) rank[to] = Math.max(rank[to], rank[v] + minLen);
  }
  return { rank, order };
}

/**
 * A layered top-down layout in near-linear time, for graphs too large for dagre's network
 * simplex (1,000 actors take seconds there): longest-path ranks (cycles broken by ignoring edges
 * that close them), barycenter ordering, then positions pulled towards neighbours without
 * overlap. Pure: plain data in, centre positions out.
 */
export function layeredLayout(nodes: LayerNode[], edges: LayerEdge[], spacing: LayerSpacing): Map<string, { x: number; y: number }> {
  const index = new Map(nodes.map((node, i) => [node.id, i]));
  const down: { to: number; minLen: number }[][] = nodes.map(() => []);
  const up: number[][] = nodes.map(() => []);
  for (const edge of edges) {
    const [s, t] = [index.get(edge.source), index.get(edge.target)];
    if (s === undefined || t === undefined || s === t) continue;
    down[s].push({ to: t, minLen: edge.minLen ?? 1 });
    up[t].push(s);
  }

  const { rank, order } = longestPathRanks(nodes, edges);

  // order within ranks: discovery order, then barycenter sweeps down and up
  const layers: number[][] = [];
  for (const v of [...order].reverse()) (layers[rank[v]] ??= []).push(v);
  const ranks = Array.from(layers, (layer) => layer ?? []);
  const position = new Float64Array(nodes.length);
  const renumber = () => ranks.forEach((layer) => layer.forEach((v, i) => (position[v] = i)));
  renumber();
  const neighboursAbove = (v: number) => up[v];
  const neighboursBelow = (v: number) => down[v].map((e) => e.to);
  for (let sweep = 0; sweep < ORDER_SWEEPS; sweep++) {
    const downward = sweep % 2 === 0;
    const sequence = downward ? ranks.keys() : [...ranks.keys()].reverse();
    for (const r of sequence) {
      const layer = ranks[r];
      const key = new Map<number, number>();
      for (const v of layer) {
        const around = downward ? neighboursAbove(v) : neighboursBelow(v);
        key.set(v, around.length > 0 ? around.reduce((sum, u) => sum + position[u], 0) / around.length : position[v]);
      }
      layer.sort((a, b) => key.get(a)! - key.get(b)! || position[a] - position[b]);
      layer.forEach((v, i) => (position[v] = i));
    }
  }
  renumber();

  // x: packed left to right, then pulled towards the neighbours' mean without overlap
  const x = new Float64Array(nodes.length);
  for (const layer of ranks) {
    let left = 0;
    for (const v of layer) {
      x[v] = left + nodes[v].width / 2;
      left += nodes[v].width + spacing.nodeSep;
    }
    const shift = left / 2;
    for (const v of layer) x[v] -= shift;
  }
  for (let pass = 0; pass < ALIGN_PASSES; pass++) {
    for (const layer of ranks) {
      const wanted = layer.map((v) => {
        const around = [...up[v], ...down[v].map((e) => e.to)];
        return around.length > 0 ? around.reduce((sum, u) => sum + x[u], 0) / around.length : x[v];
      });
      // two placements that keep order and gaps, one pushing right, one pushing left; their mean keeps them too
      const right = new Float64Array(layer.length);
      const left = new Float64Array(layer.length);
      const gap = (i: number) => (nodes[layer[i]].width + nodes[layer[i + 1]].width) / 2 + spacing.nodeSep;
      for (let i = 0; i < layer.length; i++) right[i] = i === 0 ? wanted[i] : Math.max(wanted[i], right[i - 1] + gap(i - 1));
      for (let i = layer.length - 1; i >= 0; i--) left[i] = i === layer.length - 1 ? wanted[i] : Math.min(wanted[i], left[i + 1] - gap(i));
      layer.forEach((v, i) => (x[v] = (right[i] + left[i]) / 2));
    }
  }

  // y: each rank as tall as its tallest node
  const positions = new Map<string, { x: number; y: number }>();
  let top = 0;
  for (const layer of ranks) {
    const height = layer.reduce((max, v) => Math.max(max, nodes[v].height), 0);
    for (const v of layer) positions.set(nodes[v].id, { x: x[v], y: top + height / 2 });
    if (layer.length > 0) top += height + spacing.rankSep;
  }
  return positions;
}

/**
 * Lays out a whole graph, possibly in several unconnected pieces: each connected component with
 * `layeredLayout`, then the components packed in rows to roughly `aspect` (width / height).
 */
export function layeredGraphLayout(
  nodes: LayerNode[],
  edges: LayerEdge[],
  { spacing, aspect, gap }: { spacing: LayerSpacing; aspect: number; gap: number },
): Map<string, { x: number; y: number }> {
  // components by union-find
  const parent = new Map(nodes.map((node) => [node.id, node.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    // path compression keeps later look-ups short
    for (let next = id; next !== root; ) {
      const up = parent.get(next)!;
      parent.set(next, root);
      next = up;
    }
    return root;
  };
  for (const edge of edges) {
    if (!parent.has(edge.source) || !parent.has(edge.target)) continue;
    parent.set(find(edge.source), find(edge.target));
  }
  const groups = new Map<string, { nodes: LayerNode[]; edges: LayerEdge[] }>();
  for (const node of nodes) {
    const root = find(node.id);
    if (!groups.has(root)) groups.set(root, { nodes: [], edges: [] });
    groups.get(root)!.nodes.push(node);
  }
  for (const edge of edges) if (parent.has(edge.source) && parent.has(edge.target)) groups.get(find(edge.source))!.edges.push(edge);
  const components = [...groups.values()];
  const placed = components.map((component) => layeredLayout(component.nodes, component.edges, spacing));
  if (components.length === 1) return placed[0];
  const size = new Map(nodes.map((node) => [node.id, node]));
  const boxes = placed.map((positions) => extentOfActors([...positions].map(([id, { x, y }]) => ({ x, y, width: size.get(id)!.width, height: size.get(id)!.height }))));
  const corners = packComponents(
    boxes.map((box) => ({ w: box.x2 - box.x1, h: box.y2 - box.y1 })),
    aspect,
    gap,
  );
  const positions = new Map<string, { x: number; y: number }>();
  placed.forEach((component, i) => {
    for (const [id, { x, y }] of component) positions.set(id, { x: x + corners[i].x - boxes[i].x1, y: y + corners[i].y - boxes[i].y1 });
  });
  return positions;
}
