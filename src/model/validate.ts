import { MAX_ACTORS, MAX_LABEL_LENGTH, MAX_RELATIONS } from './limits.js';
import { VALIDATION, type ValidationSubject } from './messages.js';
import { characterProblem, escapeInvisible, isVisibleText, quoted } from './text.js';
import type { BilingualProblem } from './errors.js';
import type { Basis, Bilingual, Graph, Lang, Problem } from './types.js';
import { DECLARED_KINDS, INFERRED, LEVEL_TYPES, PALETTE_NAMES, RELATION_TYPES, SECTOR_TYPES, TIERS } from './vocabulary.js';

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
const reservedId = (id: string) => VALIDATION.reservedId(show(id), id);

/** Reports a problem, in both languages until the validation picks one. */
type Report = (path: string, message: Bilingual) => void;

/** The validator's messages (see `VALIDATION`), in JSON words. */
type Messages = typeof VALIDATION;

/** Reports a label or short label longer than `MAX_LABEL_LENGTH` characters, in either language. */
function labelLength(label: Json, path: string, report: Report, say: Messages): void {
  for (const lang of ['zh', 'en'] as const) {
    const text = label[lang];
    if (typeof text === 'string' && text.length > MAX_LABEL_LENGTH) {
      report(`${path}.${lang}`, say.labelLength(text.length, MAX_LABEL_LENGTH));
    }
  }
}

/**
 * Reports every text (and field name) anywhere in `input` holding characters that cannot be shown
 * or that reorder the text around them. Iterative: a deeply nested file cannot exhaust the stack.
 */
function texts(input: unknown, report: Report): void {
  const pending: [unknown, string][] = [[input, '$']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [value, path] = next;
    if (typeof value === 'string') {
      const problem = characterProblem(value);
      if (problem) report(path, VALIDATION.characters(false, problem));
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) pending.push([value[i], `${path}[${i}]`]);
    } else if (isObject(value)) {
      const fields = Object.entries(value).map(([key, item]) => [key, item, `${path}.${escapeInvisible(key)}`] as const);
      for (const [key, , at] of fields) {
        const problem = characterProblem(key);
        if (problem) report(at, VALIDATION.characters(true, problem));
      }
      for (const [, item, at] of fields.reverse()) pending.push([item, at]);
    }
  }
}

/** How to validate: the language of the messages, and the words they use. */
export interface ValidateOptions {
  /** Language of the messages; default English. */
  lang?: Lang;
  /** Messages in other words, in place of those in JSON words: `IN_SHEETS` for a graph read from spreadsheets, whose problems name columns. */
  words?: Partial<Messages>;
}

/** An id of a model's own sector or relation: it goes into selectors and URLs as it is. */
const DECLARED_ID = /^[\p{L}\p{N}_-]+$/u;

/**
 * Checks a parsed JSON value against the graph format: the schema's rules and what a schema
 * cannot say (ids that must exist, duplicates, self-loops). Never throws.
 *
 * @returns the graph when nothing is wrong, and every problem with its JSON path, in `lang`.
 */
export function validateGraph(input: unknown, { lang = 'en', words }: ValidateOptions = {}): Validation {
  const { graph, problems } = checkGraph(input, { words });
  const shown = problems.map((problem) => ({ path: problem.path, message: problem.message[lang === 'zh' ? 'zh' : 'en'] }));
  return graph ? { graph, problems: shown } : { problems: shown };
}

/** Like `validateGraph`, with every message in both languages, for a reader who may switch (see `GraphError.of`). */
export function checkGraph(input: unknown, { words }: Pick<ValidateOptions, 'words'> = {}): { graph?: Graph; problems: BilingualProblem[] } {
  const say: Messages = words ? { ...VALIDATION, ...words } : VALIDATION;
  const problems: BilingualProblem[] = [];
  const report: Report = (path, message) => problems.push({ path, message });
  let suggestions = 0;
  /** The candidate a text close to one probably meant, for the first `MAX_SUGGESTIONS` problems. */
  const suggest = (value: unknown, candidates: Iterable<string>) => {
    if (typeof value !== 'string' || suggestions >= MAX_SUGGESTIONS) return undefined;
    suggestions++;
    return closest(value, candidates);
  };

  if (!isObject(input)) {
    report('$', say.notGraph(Array.isArray(input) ? 'an array' : typeof input));
    return { problems };
  }

  const bilingual = (value: unknown, path: string, what: ValidationSubject) => {
    if (!isObject(value)) {
      report(path, say.bilingual(what));
      return;
    }
    for (const lang of ['zh', 'en'] as const) {
      if (!isText(value[lang])) report(`${path}.${lang}`, say.noText(what, lang));
    }
  };

  const knownKeys = (value: Json, allowed: readonly string[], path: string) => {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) report(`${path}.${escapeInvisible(key)}`, say.unknownField(quoted(key), suggest(key, allowed), allowed));
    }
  };

  const evidence = (value: unknown, path: string) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      report(path, say.evidenceArray());
      return;
    }
    value.forEach((item, i) => {
      if (!isObject(item) || !isText(item.quote)) report(`${path}[${i}].quote`, say.evidenceQuote());
      else if (item.note !== undefined) bilingual(item.note, `${path}[${i}].note`, 'note');
    });
  };

  const reading = (item: Json, path: string) => {
    if (item.basis !== undefined && !BASES.includes(item.basis as never)) {
      report(`${path}.basis`, say.unknownBasis(show(item.basis), suggest(item.basis, BASES)));
    }
    if (item.note !== undefined && !isText(item.note)) bilingual(item.note, `${path}.note`, 'note');
    else if (item.basis === 'inferred' && item.note === undefined) report(`${path}.note`, say.inferredNote());
  };

  // over a limit, nothing else is checked: the file is split first, and a huge one is refused at once
  if (Array.isArray(input.nodes) && input.nodes.length > MAX_ACTORS) report('$.nodes', say.tooManyActors(input.nodes.length, MAX_ACTORS));
  if (Array.isArray(input.edges) && input.edges.length > MAX_RELATIONS) report('$.edges', say.tooManyRelations(input.edges.length, MAX_RELATIONS));
  if (problems.length > 0) return { problems };
  texts(input, report);

  knownKeys(input, ['$schema', 'id', 'title', 'description', 'source', 'vocabulary', 'nodes', 'edges', 'views'], '$');
  if (input.source !== undefined) {
    if (!isObject(input.source)) report('$.source', say.sourceObject());
    else {
      knownKeys(input.source, ['title', 'author', 'publication', 'url'], '$.source');
      bilingual(input.source.title, '$.source.title', 'sourceTitle');
      if (input.source.author !== undefined) bilingual(input.source.author, '$.source.author', 'author');
      if (input.source.publication !== undefined) bilingual(input.source.publication, '$.source.publication', 'publication');
      if (input.source.url !== undefined && !(typeof input.source.url === 'string' && /^https?:\/\//i.test(input.source.url))) {
        report('$.source.url', say.sourceUrl());
      }
    }
  }
  if (!isText(input.id)) report('$.id', say.graphId());
  bilingual(input.title, '$.title', 'title');
  if (input.description !== undefined) bilingual(input.description, '$.description', 'description');

  // the model's own sectors and relations, which its actors and relations may then use
  const sectorTypes: string[] = [...SECTOR_TYPES];
  const relationTypes: string[] = [...RELATION_TYPES];
  const palette = (item: Json, key: 'colour' | 'shape' | 'line' | 'arrow', path: string) => {
    const names: readonly string[] = PALETTE_NAMES[`${key}s`];
    if (!names.includes(item[key] as never)) report(`${path}.${key}`, say.paletteName(key, item[key] === undefined ? undefined : show(item[key]), suggest(item[key], names), names));
  };
  const declarations = (list: unknown, path: string, what: 'sector' | 'relation', check: (item: Json, at: string) => void) => {
    if (list === undefined) return;
    if (!Array.isArray(list)) return report(path, say.declarationsArray(what));
    const [builtIn, declared, others] = what === 'sector' ? [SECTOR_TYPES as readonly string[], sectorTypes, relationTypes] : [RELATION_TYPES as readonly string[], relationTypes, sectorTypes];
    list.forEach((item, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(item)) return report(at, say.declarationObject(what));
      if (!isText(item.id) || !DECLARED_ID.test(item.id)) report(`${at}.id`, say.declaredId(what, item.id === undefined ? undefined : show(item.id)));
      else if (builtIn.includes(item.id)) report(`${at}.id`, say.builtInId(what, show(item.id)));
      else if (declared.includes(item.id)) report(`${at}.id`, say.duplicateDeclared(what, show(item.id)));
      // sectors, relations and the author's reading share the legend's keys (what it hides and shows)
      else if (item.id === INFERRED) report(`${at}.id`, say.legendKey(show(item.id), 'inferred'));
      else if (others.includes(item.id)) report(`${at}.id`, say.legendKey(show(item.id), what === 'sector' ? 'relation' : 'sector'));
      else if (RESERVED_IDS.has(item.id)) report(`${at}.id`, reservedId(item.id));
      else declared.push(item.id);
      check(item, at);
    });
  };
  const vocabulary = input.vocabulary;
  if (vocabulary !== undefined) {
    if (!isObject(vocabulary)) report('$.vocabulary', say.vocabularyObject());
    else {
      knownKeys(vocabulary, ['sectors', 'relations'], '$.vocabulary');
      declarations(vocabulary.sectors, '$.vocabulary.sectors', 'sector', (sector, at) => {
        knownKeys(sector, ['id', 'name', 'meaning', 'colour', 'shape', 'tier'], at);
        bilingual(sector.name, `${at}.name`, 'sectorName');
        if (sector.meaning !== undefined) bilingual(sector.meaning, `${at}.meaning`, 'meaning');
        palette(sector, 'colour', at);
        palette(sector, 'shape', at);
        if (sector.tier !== undefined && !(Number.isInteger(sector.tier) && (sector.tier as number) >= TIERS.min && (sector.tier as number) <= TIERS.max)) {
          report(`${at}.tier`, say.tier(show(sector.tier), TIERS.min, TIERS.max));
        }
      });
      declarations(vocabulary.relations, '$.vocabulary.relations', 'relation', (relation, at) => {
        knownKeys(relation, ['id', 'verb', 'meaning', 'kind', 'flow', 'line', 'arrow'], at);
        bilingual(relation.verb, `${at}.verb`, 'verb');
        if (relation.meaning !== undefined) bilingual(relation.meaning, `${at}.meaning`, 'meaning');
        if (!DECLARED_KINDS.includes(relation.kind as never)) {
          report(`${at}.kind`, say.relationKind(relation.kind === undefined ? undefined : show(relation.kind), suggest(relation.kind, DECLARED_KINDS)));
        }
        if (relation.flow !== undefined && relation.flow !== 'down' && relation.flow !== 'up') report(`${at}.flow`, say.flow(show(relation.flow), suggest(relation.flow, ['down', 'up'])));
        palette(relation, 'line', at);
        palette(relation, 'arrow', at);
      });
    }
  }

  const ids = new Set<string>();
  if (!Array.isArray(input.nodes)) {
    report('$.nodes', say.nodesArray());
  } else if (input.nodes.length === 0) {
    report('$.nodes', say.noActors());
  } else {
    input.nodes.forEach((node, i) => {
      const path = `$.nodes[${i}]`;
      if (!isObject(node)) return report(path, say.nodeObject());
      knownKeys(node, ['id', 'label', 'sector', 'level', 'year', 'description', 'evidence'], path);
      if (!isText(node.id)) report(`${path}.id`, say.nodeId());
      else if (ids.has(node.id)) report(`${path}.id`, say.duplicateNode(show(node.id)));
      else ids.add(node.id);
      if (typeof node.id === 'string' && RESERVED_IDS.has(node.id)) report(`${path}.id`, reservedId(node.id));
      bilingual(node.label, `${path}.label`, 'label');
      if (isObject(node.label)) {
        labelLength(node.label, `${path}.label`, report, say);
        if (isObject(node.label.short)) labelLength(node.label.short, `${path}.label.short`, report, say);
        knownKeys(node.label, ['zh', 'en', 'short'], `${path}.label`);
        const short = node.label.short;
        if (short !== undefined && !isObject(short)) report(`${path}.label.short`, say.shortObject());
        else if (isObject(short)) {
          knownKeys(short, ['zh', 'en'], `${path}.label.short`);
          for (const lang of ['zh', 'en'] as const) {
            if (short[lang] !== undefined && !isText(short[lang])) report(`${path}.label.short.${lang}`, say.shortText());
          }
        }
      }
      if (!sectorTypes.includes(node.sector as never)) {
        report(`${path}.sector`, say.unknownSector(show(node.sector), suggest(node.sector, sectorTypes), sectorTypes));
      }
      if (node.level !== undefined && !LEVEL_TYPES.includes(node.level as never)) {
        report(`${path}.level`, say.unknownLevel(show(node.level), suggest(node.level, LEVEL_TYPES), LEVEL_TYPES));
      }
      if (node.year !== undefined && !Number.isInteger(node.year)) report(`${path}.year`, say.year());
      if (node.description !== undefined) bilingual(node.description, `${path}.description`, 'description');
      evidence(node.evidence, `${path}.evidence`);
    });
  }

  const edgeIds = new Set<string>();
  if (!Array.isArray(input.edges)) {
    report('$.edges', say.edgesArray());
  } else {
    input.edges.forEach((edge, i) => {
      const path = `$.edges[${i}]`;
      if (!isObject(edge)) return report(path, say.edgeObject());
      knownKeys(edge, ['id', 'source', 'target', 'relation', 'basis', 'note', 'evidence'], path);
      if (!isText(edge.id)) report(`${path}.id`, say.edgeId());
      else if (edgeIds.has(edge.id) || ids.has(edge.id)) report(`${path}.id`, say.duplicateId(show(edge.id)));
      else edgeIds.add(edge.id);
      if (typeof edge.id === 'string' && RESERVED_IDS.has(edge.id)) report(`${path}.id`, reservedId(edge.id));
      for (const end of ['source', 'target'] as const) {
        const ref = edge[end];
        if (!isText(ref)) report(`${path}.${end}`, say.edgeEnd(end));
        else if (Array.isArray(input.nodes) && !ids.has(ref)) report(`${path}.${end}`, say.noActor(show(ref), suggest(ref, ids)));
      }
      if (isText(edge.source) && edge.source === edge.target) report(`${path}.target`, say.selfLoop(show(edge.source)));
      if (!relationTypes.includes(edge.relation as never)) {
        report(`${path}.relation`, say.unknownRelation(show(edge.relation), suggest(edge.relation, relationTypes), relationTypes));
      }
      reading(edge, path);
      evidence(edge.evidence, `${path}.evidence`);
    });
  }

  const steps = (value: unknown, path: string, inView: Set<string>) => {
    if (!Array.isArray(value) || value.length === 0) return report(path, say.stepsArray());
    value.forEach((step, i) => {
      const at = `${path}[${i}]`;
      if (!isObject(step)) return report(at, say.stepObject());
      knownKeys(step, ['caption', 'actors', 'emphasis'], at);
      bilingual(step.caption, `${at}.caption`, 'caption');
      for (const key of ['actors', 'emphasis'] as const) {
        const list = step[key];
        if (list === undefined && key === 'emphasis') continue;
        if (!Array.isArray(list)) {
          report(`${at}.${key}`, say.stepList(key));
          continue;
        }
        list.forEach((ref, j) => {
          if (!isText(ref) || !inView.has(ref)) {
            report(`${at}.${key}[${j}]`, say.notInView(show(ref), suggest(ref, inView)));
          }
        });
      }
    });
  };

  if (input.views !== undefined) {
    if (!Array.isArray(input.views)) report('$.views', say.viewsArray());
    else {
      const viewIds = new Set<string>();
      input.views.forEach((view, i) => {
        const path = `$.views[${i}]`;
        if (!isObject(view)) return report(path, say.viewObject());
        if (!isText(view.id)) report(`${path}.id`, say.viewId());
        else if (viewIds.has(view.id)) report(`${path}.id`, say.duplicateView(show(view.id)));
        else viewIds.add(view.id);
        bilingual(view.title, `${path}.title`, 'viewTitle');
        knownKeys(view, ['id', 'title', 'actors', 'steps'], path);
        if (!Array.isArray(view.actors) || view.actors.length === 0) report(`${path}.actors`, say.viewActors());
        else
          view.actors.forEach((ref, j) => {
            if (!isText(ref) || !ids.has(ref)) report(`${path}.actors[${j}]`, say.noActor(show(ref), suggest(ref, ids)));
          });
        if (view.steps !== undefined) steps(view.steps, `${path}.steps`, new Set(Array.isArray(view.actors) ? view.actors.filter(isText) : []));
      });
    }
  }

  return problems.length === 0 ? { graph: input as unknown as Graph, problems } : { problems };
}
