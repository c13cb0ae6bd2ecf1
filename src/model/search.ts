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

/** A name ready to be matched: normalised whole, and word by word. */
interface SearchName {
  text: string;
  words: string[];
}

/** Each actor's names, normalised once per graph: typing then compares, and normalises nothing. */
const prepared = new WeakMap<Graph, SearchName[][]>();

function namesOf(graph: Graph): SearchName[][] {
  let names = prepared.get(graph);
  if (!names) {
    names = graph.nodes.map(({ id, label }) =>
      [label.zh, label.en, label.short?.zh, label.short?.en, id]
        .filter((name): name is string => Boolean(name))
        .map((name) => ({ text: normalize(name), words: name.toLowerCase().split(/[\s\p{P}]+/u).filter(Boolean).map(normalize) })),
    );
    prepared.set(graph, names);
  }
  return names;
}

/** How well one name matches the query: lower is better, undefined for no match. */
function score(query: string, { text, words }: SearchName): number | undefined {
  if (!text) return undefined;
  if (text === query) return 0;
  if (text.startsWith(query)) return 1;
  if (words.some((word) => word.startsWith(query))) return 2;
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
  const names = namesOf(graph);
  const ranked: { actor: Actor; score: number; index: number }[] = [];
  graph.nodes.forEach((actor, index) => {
    let best: number | undefined;
    for (const name of names[index]) {
      const s = score(wanted, name);
      if (s !== undefined && (best === undefined || s < best)) best = s;
    }
    if (best !== undefined) ranked.push({ actor, score: best, index });
  });
  return ranked
    .sort((a, b) => a.score - b.score || a.actor.label.zh.length - b.actor.label.zh.length || a.index - b.index)
    .slice(0, limit)
    .map(({ actor }) => actor);
}
