import type { Actor, Graph } from './types.js';

/** Lower-cases and drops spaces and punctuation (Latin and Chinese), so "Water-affairs" finds "水务部门 · Water Affairs". */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, '');
}

/** Whether every character of `query` appears in `text` in order (e.g. "emgt" in "emergencymanagement"). */
function isSubsequence(query: string, text: string): boolean {
  let i = 0;
  for (const char of text) if (char === query[i]) i++;
  return i === query.length;
}

/** How well one name matches the query: lower is better, undefined for no match. */
function score(query: string, name: string): number | undefined {
  const text = normalize(name);
  if (!text) return undefined;
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  const words = name.toLowerCase().split(/[\s\p{P}]+/u).filter(Boolean);
  if (words.some((word) => normalize(word).startsWith(query))) return 2;
  if (text.includes(query)) return 3;
  if (query.length >= 2 && isSubsequence(query, text)) return 4;
  return undefined;
}

/**
 * Actors whose Chinese or English name (full or short) or id matches a partial query, best
 * first: exact, prefix, word prefix, substring, then characters in order.
 */
export function findActors(graph: Graph, query: string, limit = 8): Actor[] {
  const wanted = normalize(query);
  if (!wanted) return [];
  const ranked: { actor: Actor; score: number; index: number }[] = [];
  graph.nodes.forEach((actor, index) => {
    const { label } = actor;
    const names = [label.zh, label.en, label.short?.zh, label.short?.en, actor.id].filter((name): name is string => Boolean(name));
    const scores = names.map((name) => score(wanted, name)).filter((s): s is number => s !== undefined);
    if (scores.length > 0) ranked.push({ actor, score: Math.min(...scores), index });
  });
  return ranked
    .sort((a, b) => a.score - b.score || a.actor.label.zh.length - b.actor.label.zh.length || a.index - b.index)
    .slice(0, limit)
    .map(({ actor }) => actor);
}
