import type { Graph, Sector } from '../../src/model/types.js';

/** A small deterministic random generator (mulberry32), so every run benchmarks the same graphs. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TIERS: Sector[] = ['party', 'government', 'coordination', 'department', 'department', 'market', 'society'];

/**
 * A governance-like graph of `size` actors in the data format: a leadership tree (each actor led
 * or directed by one in the tier above) plus cross "coordinates" edges between actors of a tier,
 * and participation from market and society. Deterministic for a given size.
 */
export function syntheticGraph(size: number): Graph {
  const next = random(size);
  const nodes: Graph['nodes'] = [];
  const edges: Graph['edges'] = [];
  const byTier: string[][] = TIERS.map(() => []);
  for (let i = 0; i < size; i++) {
    // tiers widen downwards, like a real hierarchy
    const tier = i === 0 ? 0 : Math.min(TIERS.length - 1, 1 + Math.floor(Math.sqrt(next()) * (TIERS.length - 1)));
    const id = `a${i}`;
    byTier[tier].push(id);
    nodes.push({ id, label: { zh: `主体${i}号单位`, en: `Actor ${i} office` }, sector: TIERS[tier] });
    const parents = byTier.slice(0, tier).findLast((ids) => ids.length > 0);
    if (parents) {
      const parent = parents[Math.floor(next() * parents.length)];
      const upward = TIERS[tier] === 'market' || TIERS[tier] === 'society';
      edges.push(
        upward
          ? { id: `e${i}`, source: id, target: parent, relation: 'participates' }
          : { id: `e${i}`, source: parent, target: id, relation: tier === 1 ? 'leads' : 'directs' },
      );
    }
  }
  for (let k = 0; k < Math.floor(size / 4); k++) {
    const tier = byTier[2 + Math.floor(next() * 3)];
    if (tier.length < 2) continue;
    const [a, b] = [tier[Math.floor(next() * tier.length)], tier[Math.floor(next() * tier.length)]];
    if (a !== b) edges.push({ id: `c${k}`, source: a, target: b, relation: 'coordinates' });
  }
  return { id: `synthetic-${size}`, title: { zh: `合成图 ${size}`, en: `Synthetic graph ${size}` }, nodes, edges };
}
