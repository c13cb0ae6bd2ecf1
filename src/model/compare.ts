import type { Comparison } from './comparison.js';
import { longestChain, type Chain } from './trace.js';
import type { Graph, RelationType, Sector } from './types.js';
import { isInferred, sharedVocabulary, type Vocabulary } from './vocabulary.js';

/** Counts of one side of a comparison. */
export interface SideSummary {
  id: string;
  actors: number;
  relations: number;
  bySector: Record<Sector, number>;
  byRelation: Record<RelationType, number>;
  /** Links in the longest chain of accountability (leads, directs, coordinates, …). */
  longestChain: number;
  /** Its actors, nearest first, for display (of the longest chains, the one with the fewest readings). */
  longestChainActors: string[];
  /** Links of that chain that rest only on the author's readings (inferred relations). */
  longestChainReadings: number;
  /** Actors with no counterpart on the other side. */
  unmatched: string[];
}

/** What differs between two models. */
export interface ComparisonSummary {
  left: SideSummary;
  right: SideSummary;
  /** Sectors and relation types that appear on one side only. */
  onlyLeft: { sectors: Sector[]; relations: RelationType[] };
  onlyRight: { sectors: Sector[]; relations: RelationType[] };
}

function summarise(graph: Graph, matched: ReadonlySet<string>, vocabulary: Vocabulary): SideSummary {
  const bySector = Object.fromEntries(vocabulary.sectorTypes.map((s) => [s, 0])) as Record<Sector, number>;
  const byRelation = Object.fromEntries(vocabulary.relationTypes.map((r) => [r, 0])) as Record<RelationType, number>;
  for (const node of graph.nodes) bySector[node.sector]++;
  for (const edge of graph.edges) byRelation[edge.relation]++;
  // a link is a reading when every relation it follows is one
  const readings = (chain: Chain) => chain.links.filter((link) => link.relations.every(isInferred)).length;
  const longest = longestChain(graph);
  const longestChainActors = longest?.actors ?? [];
  return {
    id: graph.id,
    actors: graph.nodes.length,
    relations: graph.edges.length,
    bySector,
    byRelation,
    longestChain: Math.max(0, longestChainActors.length - 1),
    longestChainActors,
    longestChainReadings: longest ? readings(longest) : 0,
    unmatched: graph.nodes.map((n) => n.id).filter((id) => !matched.has(id)),
  };
}

/**
 * The difference between two models: counts per sector and relation, what only one side has,
 * and the depth of the longest accountability chain on each side.
 */
export function compareModels(left: Graph, right: Graph, comparison?: Comparison): ComparisonSummary {
  const groups = comparison?.counterparts ?? [];
  // both sides counted over the sectors and relations of either, so each counts the other's own as 0
  const vocabulary = sharedVocabulary(left, right);
  const a = summarise(left, new Set(groups.flatMap((g) => g.left)), vocabulary);
  const b = summarise(right, new Set(groups.flatMap((g) => g.right)), vocabulary);
  const only = (mine: SideSummary, theirs: SideSummary) => ({
    sectors: vocabulary.sectorTypes.filter((s) => mine.bySector[s] > 0 && theirs.bySector[s] === 0),
    relations: vocabulary.relationTypes.filter((r) => mine.byRelation[r] > 0 && theirs.byRelation[r] === 0),
  });
  return { left: a, right: b, onlyLeft: only(a, b), onlyRight: only(b, a) };
}

/** The actors on the other side that correspond to `id`, per the comparison's counterpart groups. */
export function counterpartsOf(comparison: Comparison | undefined, side: 'left' | 'right', id: string): string[] {
  const other = side === 'left' ? 'right' : 'left';
  return [...new Set((comparison?.counterparts ?? []).filter((group) => group[side].includes(id)).flatMap((group) => group[other]))];
}
