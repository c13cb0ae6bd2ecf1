import { MAX_ACTORS, MAX_LABEL_LENGTH, MAX_RELATIONS } from './limits.js';
import { didYouMean } from './messages.js';
import { characterProblem, escapeInvisible, isVisibleText, quoted } from './text.js';
import type { Basis, Graph, Problem } from './types.js';
import { LEVEL_TYPES, RELATION_TYPES, SECTOR_TYPES } from './vocabulary.js';

export { MAX_ACTORS };

/** The bases a relation may have: stated by its quotes, or the author's reading. */
export const BASES: readonly Basis[] = ['stated', 'inferred'];

/** The outcome of validation: the graph when it can be drawn, and every problem found. */
export interface Validation {
  graph?: Graph;
  problems: Problem[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A text with something to see: a label of spaces or zero-width characters is no label. */
const isText = isVisibleText;

/**
 * Names every object has in JavaScript (`constructor`, `__proto__`, `toString`, …). Cytoscape keeps
 * actors in plain objects by id, where such an id finds the built-in instead.
 */
const RESERVED_IDS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** A value for a message (see `quoted`). */
const show = quoted;

/** Longest text "did you mean" is worked out for: ids and names are shorter, pasted garbage is not. */
export const MAX_SUGGESTED_LENGTH = 64;

/** Problems of one validation that get a "did you mean": a file with thousands of unknown ids is still checked at once. */
export const MAX_SUGGESTIONS = 20;

/** Edit distance, or `limit + 1` as soon as it must exceed `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    let smallest = row[0];
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      smallest = Math.min(smallest, row[j]);
    }
    if (smallest > limit) return limit + 1;
  }
  return row[b.length];
}

/**
 * The candidate closest to `value`, if it is close enough to be a likely typo or a longer spelling
 * of it. Texts longer than `MAX_SUGGESTED_LENGTH`, and candidates too different in length, are
 * not compared, so the work stays small whatever the input.
 */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  if (value.length === 0 || value.length > MAX_SUGGESTED_LENGTH) return undefined;
  const wanted = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (candidate.length > MAX_SUGGESTED_LENGTH) continue;
    const name = candidate.toLowerCase();
    // a typo changes about one character in three of the shorter text, and never all of it
    const allowed = Math.min(Math.max(2, Math.floor(Math.min(wanted.length, name.length) / 3)), wanted.length - 1, bestDistance - 1);
    if (allowed < 0) continue;
    // "city-goverment" for "city-gov": compare the start too, at a small cost
    const prefix = name.length >= 4 && wanted.length > name.length ? distance(wanted.slice(0, name.length), name, allowed - 1) + 1 : Infinity;
    const d = Math.min(distance(wanted, name, allowed), prefix);
    if (d <= allowed) [best, bestDistance] = [candidate, d];
  }
  return best;
}

/** Why an id that names a built-in of every JavaScript object is refused, and what to do. */
const reservedId = (id: string) => `The id ${show(id)} is a name every JavaScript object has, which the drawing library would mistake for it: choose another, e.g. "${id}-1".`;

/** Reports a label or short label longer than `MAX_LABEL_LENGTH` characters, in either language. */
function labelLength(label: Json, path: string, report: (path: string, message: string) => void): void {
  for (const lang of ['zh', 'en'] as const) {
    const text = label[lang];
    if (typeof text === 'string' && text.length > MAX_LABEL_LENGTH) {
      report(`${path}.${lang}`, `The label has ${text.length} characters, more than the ${MAX_LABEL_LENGTH} a label may have: keep the name short and put the rest in "description".`);
    }
  }
}

/**
 * Reports every text (and field name) anywhere in `input` holding characters that cannot be shown
 * or that reorder the text around them. Iterative: a deeply nested file cannot exhaust the stack.
 */
function texts(input: unknown, report: (path: string, message: string) => void): void {
  const pending: [unknown, string][] = [[input, '$']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      const problem = characterProblem(value);
      if (problem) report(path, `The text ${problem}`);
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push([value[i], `${path}[${i}]`]);
    } else if (isObject(value)) {
      const fields = Object.entries(value).map(([key, item]) => [key, item, `${path}.${escapeInvisible(key)}`] as const);
      for (const [key, , at] of fields) {
        const problem = characterProblem(key);
        if (problem) report(at, `The field name ${problem}`);
      }
      for (const [, item, at] of fields.reverse()) pending.push([item, at]);
    }
  }
}

/**
 * Checks a parsed JSON value against the graph format: the schema's rules and what a schema
 * cannot say (ids that must exist, duplicates, self-loops). Never throws.
 *
 * @returns the graph when nothing is wrong, and every problem with its JSON path.
 */
export function validateGraph(input: unknown): Validation {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  let suggestions = 0;
  /** " Did you mean …?" for a text close to a candidate, for the first `MAX_SUGGESTIONS` problems. */
  const suggest = (value: unknown, candidates: Iterable<string>) => {
    if (typeof value !== 'string' || suggestions >= MAX_SUGGESTIONS) return '';
    suggestions++;
    const match = closest(value, candidates);
    return didYouMean(match);
  };

  if (!isObject(input)) {
    report('$', `Expected a graph object with "id", "title", "nodes" and "edges", found ${Array.isArray(input) ? 'an array' : typeof input}.`);
    return { problems };
  }

  const bilingual = (value: unknown, path: string, what: string) => {
    if (!isObject(value)) {
      report(path, `${what} must be an object with "zh" and "en" texts, e.g. { "zh": "市政府", "en": "Municipal Government" }.`);
      return;
    }
    for (const lang of ['zh', 'en'] as const) {
      if (!isText(value[lang])) report(`${path}.${lang}`, `${what} has no ${lang === 'zh' ? 'Chinese' : 'English'} text: add "${lang}": "…".`);
    }
  };

  const knownKeys = (value: Json, allowed: readonly string[], path: string) => {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) report(`${path}.${escapeInvisible(key)}`, `Unknown field ${quoted(key)}.${suggest(key, allowed)} Allowed here: ${allowed.join(', ')}.`);
    }
  };

  const evidence = (value: unknown, path: string) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      report(path, 'evidence must be an array of { "quote": "…" } objects.');
      return;
    }
    value.forEach((item, i) => {
      if (!isObject(item) || !isText(item.quote)) report(`${path}[${i}].quote`, 'Each evidence item needs a "quote": a verbatim passage of the source.');
      else if (item.note !== undefined) bilingual(item.note, `${path}[${i}].note`, 'The note');
    });
  };

  const reading = (item: Json, path: string, what: string) => {
    if (item.basis !== undefined && !BASES.includes(item.basis as never)) {
      report(`${path}.basis`, `Unknown basis ${show(item.basis)}.${suggest(item.basis, BASES)} Use "stated" (the quotes say so) or "inferred" (your reading, with a "note").`);
    }
    if (item.note !== undefined && !isText(item.note)) bilingual(item.note, `${path}.note`, 'The note');
    else if (item.basis === 'inferred' && item.note === undefined) {
      report(`${path}.note`, `An inferred ${what} needs a "note" saying what the reading rests on, e.g. "the text names both bodies in one sentence; that one leads the other is background knowledge".`);
    }
  };

  // over a limit, nothing else is checked: the file is split first, and a huge one is refused at once
  if (Array.isArray(input.nodes) && input.nodes.length > MAX_ACTORS) {
    report('$.nodes', `The graph has ${input.nodes.length} actors, more than the ${MAX_ACTORS} that can be drawn: split it into views or several files.`);
  }
  if (Array.isArray(input.edges) && input.edges.length > MAX_RELATIONS) {
    report('$.edges', `The graph has ${input.edges.length} relations, more than the ${MAX_RELATIONS} that can be drawn: split it into several files.`);
  }
  if (problems.length > 0) return { problems };
  texts(input, report);

  knownKeys(input, ['$schema', 'id', 'title', 'description', 'source', 'nodes', 'edges', 'views'], '$');
  if (input.source !== undefined) {
    if (!isObject(input.source)) report('$.source', 'source must be an object with a "title" and optional "author", "publication", "url".');
    else {
      knownKeys(input.source, ['title', 'author', 'publication', 'url'], '$.source');
      bilingual(input.source.title, '$.source.title', 'The source title');
      if (input.source.author !== undefined) bilingual(input.source.author, '$.source.author', 'The author');
      if (input.source.publication !== undefined) bilingual(input.source.publication, '$.source.publication', 'The publication');
      if (input.source.url !== undefined && !(typeof input.source.url === 'string' && /^https?:\/\//i.test(input.source.url))) {
        report('$.source.url', 'The source url must start with http:// or https://.');
      }
    }
  }
  if (!isText(input.id)) report('$.id', 'The graph needs an "id": a short name such as "domestic".');
  bilingual(input.title, '$.title', 'The title');
  if (input.description !== undefined) bilingual(input.description, '$.description', 'The description');

  const ids = new Set<string>();
  if (!Array.isArray(input.nodes)) {
    report('$.nodes', 'The graph needs "nodes": an array of actors.');
  } else if (input.nodes.length === 0) {
    report('$.nodes', 'The graph has no actors: add at least one node.');
  } else {
    input.nodes.forEach((node, i) => {
      const path = `$.nodes[${i}]`;
      if (!isObject(node)) return report(path, 'Each node must be an object with "id", "label" and "sector".');
      knownKeys(node, ['id', 'label', 'sector', 'level', 'year', 'description', 'evidence'], path);
      if (!isText(node.id)) report(`${path}.id`, 'The node needs an "id".');
      else if (ids.has(node.id)) report(`${path}.id`, `Duplicate node id ${show(node.id)}: each actor needs its own id.`);
      else ids.add(node.id);
      if (typeof node.id === 'string' && RESERVED_IDS.has(node.id)) report(`${path}.id`, reservedId(node.id));
      bilingual(node.label, `${path}.label`, 'The label');
      if (isObject(node.label)) {
        labelLength(node.label, `${path}.label`, report);
        if (isObject(node.label.short)) labelLength(node.label.short, `${path}.label.short`, report);
        knownKeys(node.label, ['zh', 'en', 'short'], `${path}.label`);
        const short = node.label.short;
        if (short !== undefined && !isObject(short)) report(`${path}.label.short`, 'The short label must be an object with "zh" and/or "en".');
        else if (isObject(short)) {
          knownKeys(short, ['zh', 'en'], `${path}.label.short`);
          for (const lang of ['zh', 'en'] as const) {
            if (short[lang] !== undefined && !isText(short[lang])) report(`${path}.label.short.${lang}`, 'A short label must be a non-empty text.');
          }
        }
      }
      if (!SECTOR_TYPES.includes(node.sector as never)) {
        report(`${path}.sector`, `Unknown sector ${show(node.sector)}.${suggest(node.sector, SECTOR_TYPES)} Use one of: ${SECTOR_TYPES.join(', ')}.`);
      }
      if (node.level !== undefined && !LEVEL_TYPES.includes(node.level as never)) {
        report(`${path}.level`, `Unknown level ${show(node.level)}.${suggest(node.level, LEVEL_TYPES)} Use one of: ${LEVEL_TYPES.join(', ')}.`);
      }
      if (node.year !== undefined && !Number.isInteger(node.year)) report(`${path}.year`, 'The year must be a whole number such as 2021.');
      if (node.description !== undefined) bilingual(node.description, `${path}.description`, 'The description');
      evidence(node.evidence, `${path}.evidence`);
    });
  }

  const edgeIds = new Set<string>();
  if (!Array.isArray(input.edges)) {
    report('$.edges', 'The graph needs "edges": an array of relations (it may be empty).');
  } else {
    input.edges.forEach((edge, i) => {
      const path = `$.edges[${i}]`;
      if (!isObject(edge)) return report(path, 'Each edge must be an object with "id", "source", "target" and "relation".');
      knownKeys(edge, ['id', 'source', 'target', 'relation', 'basis', 'note', 'evidence'], path);
      if (!isText(edge.id)) report(`${path}.id`, 'The edge needs an "id".');
      else if (edgeIds.has(edge.id) || ids.has(edge.id)) report(`${path}.id`, `Duplicate id ${show(edge.id)}: nodes and edges each need their own id.`);
      else edgeIds.add(edge.id);
      if (typeof edge.id === 'string' && RESERVED_IDS.has(edge.id)) report(`${path}.id`, reservedId(edge.id));
      for (const end of ['source', 'target'] as const) {
        const ref = edge[end];
        if (!isText(ref)) report(`${path}.${end}`, `The edge needs a "${end}": the id of an actor.`);
        else if (Array.isArray(input.nodes) && !ids.has(ref)) report(`${path}.${end}`, `No actor has the id ${show(ref)}.${suggest(ref, ids)}`);
      }
      if (isText(edge.source) && edge.source === edge.target) report(`${path}.target`, `The edge links ${show(edge.source)} to itself: a relation needs two different actors.`);
      if (!RELATION_TYPES.includes(edge.relation as never)) {
        report(`${path}.relation`, `Unknown relation ${show(edge.relation)}.${suggest(edge.relation, RELATION_TYPES)} Use one of: ${RELATION_TYPES.join(', ')}.`);
      }
      reading(edge, path, 'relation');
      evidence(edge.evidence, `${path}.evidence`);
    });
  }

  const steps = (value: unknown, path: string, inView: Set<string>) => {
    if (!Array.isArray(value) || value.length === 0) return report(path, 'steps must be a non-empty array of { "caption", "actors" }.');
    value.forEach((step, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(step)) return report(at, 'Each step needs a "caption" and the "actors" it brings in.');
      knownKeys(step, ['caption', 'actors', 'emphasis'], at);
      bilingual(step.caption, `${at}.caption`, 'The caption');
      for (const key of ['actors', 'emphasis'] as const) {
        const list = step[key];
        if (list === undefined && key === 'emphasis') continue;
        if (!Array.isArray(list)) {
          report(`${at}.${key}`, `${key} must be an array of actor ids of the view.`);
          continue;
        }
        list.forEach((ref, j) => {
          if (!isText(ref) || !inView.has(ref)) {
            report(`${at}.${key}[${j}]`, `${show(ref)} is not an actor of this view: a step can only show the view's actors.${suggest(ref, inView)}`);
          }
        });
      }
    });
  };

  if (input.views !== undefined) {
    if (!Array.isArray(input.views)) report('$.views', 'views must be an array of { "id", "title", "actors" }.');
    else {
      const viewIds = new Set<string>();
      input.views.forEach((view, i) => {
        const path = `$.views[${i}]`;
        if (!isObject(view)) return report(path, 'Each view must be an object with "id", "title" and "actors".');
        if (!isText(view.id)) report(`${path}.id`, 'The view needs an "id".');
        else if (viewIds.has(view.id)) report(`${path}.id`, `Duplicate view id ${show(view.id)}.`);
        else viewIds.add(view.id);
        bilingual(view.title, `${path}.title`, 'The view title');
        knownKeys(view, ['id', 'title', 'actors', 'steps'], path);
        if (!Array.isArray(view.actors) || view.actors.length === 0) report(`${path}.actors`, 'The view needs "actors": a non-empty array of actor ids.');
        else
          view.actors.forEach((ref, j) => {
            if (!isText(ref) || !ids.has(ref)) report(`${path}.actors[${j}]`, `No actor has the id ${show(ref)}.${suggest(ref, ids)}`);
          });
        if (view.steps !== undefined) steps(view.steps, `${path}.steps`, new Set(Array.isArray(view.actors) ? view.actors.filter(isText) : []));
      });
    }
  }

  return problems.length === 0 ? { graph: input as unknown as Graph, problems } : { problems };
}
