/**
 * Citations checked against the source: whether each quote of a model occurs in the text it
 * cites, ignoring white space and full-/half-width differences, and the sentence it stands in.
 * Pure: the text is the user's and is never sent anywhere.
 */
import { citationMessage } from './messages.js';
import type { Graph, Lang, Problem } from './types.js';

/** Punctuation that differs between Chinese and Western typing but means the same, beyond what NFKC folds. */
const SAME_PUNCTUATION: Readonly<Record<string, string>> = {
  '。': '.',
  '、': ',',
  '“': '"',
  '”': '"',
  '„': '"',
  '「': '"',
  '」': '"',
  '『': '"',
  '』': '"',
  '‘': "'",
  '’': "'",
  '【': '[',
  '】': ']',
  '〔': '[',
  '〕': ']',
  '《': '<',
  '》': '>',
  '〈': '<',
  '〉': '>',
  '—': '-',
  '–': '-',
  '－': '-',
  '·': '.',
  '・': '.',
};

/** A character as compared: NFKC (full-width letters and ,;:?!() to half-width), then the punctuation above, lower case. */
function fold(char: string): string {
  const nfkc = char.normalize('NFKC');
  return [...nfkc].map((c) => SAME_PUNCTUATION[c] ?? c).join('').toLowerCase();
}

/** A source text prepared once for many look-ups: folded, white space removed, each folded character's offset in the original. */
export interface SourceText {
  text: string;
  folded: string;
  /** For each character of `folded`, the offset in `text` of the character it comes from. */
  offsets: number[];
}

/** Prepares a source text for `findQuote`. */
export function prepareSource(text: string): SourceText {
  let folded = '';
  const offsets: number[] = [];
  let offset = 0;
  for (const char of text) {
    if (!/\s/u.test(char)) {
      for (const c of fold(char)) {
        folded += c;
        offsets.push(offset);
      }
    }
    offset += char.length;
  }
  return { text, folded, offsets };
}

/** A `prepareSource` that remembers its last text, for a view that asks again on every render. */
export function preparedOnce(): (text: string | undefined) => SourceText | undefined {
  let last: SourceText | undefined;
  return (text) => {
    if (text === undefined) return undefined;
    if (last?.text !== text) last = prepareSource(text);
    return last;
  };
}

/** A quote as compared: folded, white space removed. */
const foldQuote = (quote: string) => prepareSource(quote).folded;

/** Where a quote occurs in the source text (offsets in the original), or undefined when it does not. */
export function findQuote(source: SourceText, quote: string): { start: number; end: number } | undefined {
  const wanted = foldQuote(quote);
  if (!wanted) return undefined;
  const at = source.folded.indexOf(wanted);
  if (at < 0) return undefined;
  const last = source.offsets[at + wanted.length - 1];
  // the end of the last character, a surrogate pair included
  const end = last + (source.text.codePointAt(last)! > 0xffff ? 2 : 1);
  return { start: source.offsets[at], end };
}

/** Characters that end a sentence, in Chinese and Western text, and line breaks (headings, list items). */
const SENTENCE_END = /[。!?!?;;\n]/u;

/** The sentence a quote stands in, split around the quote; undefined when the quote is not in the text. */
export function quoteInSentence(source: SourceText, quote: string): { before: string; quote: string; after: string } | undefined {
  const found = findQuote(source, quote);
  if (!found) return undefined;
  const { text } = source;
  let start = found.start;
  while (start > 0 && !SENTENCE_END.test(text[start - 1])) start--;
  // up to and with the sentence's end (a quote that ends at it stops there)
  let end = found.end;
  while (end < text.length && !SENTENCE_END.test(text[end - 1])) end++;
  return { before: text.slice(start, found.start).trimStart(), quote: text.slice(found.start, found.end), after: text.slice(found.end, end).trimEnd() };
}

/** Every quote of a graph, with its JSON path. */
export function quotesOf(graph: Graph): { path: string; quote: string }[] {
  const quotes: { path: string; quote: string }[] = [];
  graph.nodes.forEach((actor, i) => actor.evidence?.forEach((item, j) => quotes.push({ path: `$.nodes[${i}].evidence[${j}].quote`, quote: item.quote })));
  graph.edges.forEach((relation, i) => relation.evidence?.forEach((item, j) => quotes.push({ path: `$.edges[${i}].evidence[${j}].quote`, quote: item.quote })));
  return quotes;
}

/** Every quote of the graph not found in the source text, with its path and what to do, in `lang`. */
export function checkCitations(graph: Graph, source: SourceText, lang: Lang = 'en'): Problem[] {
  return quotesOf(graph)
    .filter(({ quote }) => !findQuote(source, quote))
    .map(({ path, quote }) => ({ path, message: citationMessage(quote, lang) }));
}
