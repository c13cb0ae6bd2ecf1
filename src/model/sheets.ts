/**
 * Spreadsheets in, model out: the actors and relations sheets (and optional views and steps
 * sheets), saved as CSV by Excel, WPS or Google Sheets, become a graph in the data format, and
 * every problem names the file, the row as the spreadsheet program shows it, and the column.
 * Pure: no DOM. The CSV itself is read by Papa Parse.
 */
import Papa from 'papaparse';
import { MAX_FILE_SIZE, formatSize } from './limits.js';
import { IN_SHEETS, sheetMessage, type SheetMessage } from './messages.js';
import type { Actor, Bilingual, Evidence, Graph, Lang, Problem, Relation, RelationDeclaration, SectorDeclaration, Step, View } from './types.js';
import { closest, validateGraph } from './validate.js';
import { LEVELS, LEVEL_TYPES, vocabularyOf } from './vocabulary.js';

/** One CSV file: its name (for messages) and its text. */
export interface SheetFile {
  name: string;
  text: string;
}

/** The sheets of a model: actors and relations, optionally views and their steps, and the model's own sectors and relation kinds. */
export interface Sheets {
  actors: SheetFile;
  relations: SheetFile;
  views?: SheetFile;
  steps?: SheetFile;
  /** Sectors the built-in vocabulary lacks (`sectors.csv`). */
  sectors?: SheetFile;
  /** Relations the built-in vocabulary lacks (`relation-kinds.csv`). */
  relationKinds?: SheetFile;
}

/** What the imported model is called: by default after the actors file. */
export interface SheetOptions {
  /** The model's id; default: the actors file's name without `actors` and `.csv`, or `my-model`. */
  id?: string;
  /** The model's title; default: its id in both languages. */
  title?: Bilingual;
  /** Language of the messages. */
  lang?: Lang;
}

/** The outcome of an import: the graph when nothing is wrong, and every problem, each placed in its sheet. */
export interface SheetImport {
  graph?: Graph;
  problems: Problem[];
}

/** The kinds of sheet. */
export type SheetKind = keyof Sheets;

/** The kinds of sheet, in the order they are told apart (see `sheetKind`) and read. */
export const SHEET_KINDS: readonly SheetKind[] = ['actors', 'relations', 'views', 'steps', 'sectors', 'relationKinds'];

/**
 * Columns of each sheet: the name scripts use, then the Chinese names a header may have instead.
 * Other columns are allowed and ignored, so authors can keep their own notes beside the data.
 */
export const SHEET_COLUMNS = {
  actors: {
    id: ['编号', '标识'],
    zh: ['中文名', '中文名称', '中文'],
    en: ['英文名', '英文名称', '英文'],
    sector: ['类型', '主体类型'],
    level: ['层级'],
    quote: ['原文', '引文'],
    note: ['备注', '说明'],
    description: ['描述', '简介'],
    short_zh: ['中文简称'],
    short_en: ['英文简称'],
    year: ['年份'],
  },
  relations: {
    id: ['编号', '标识'],
    source: ['起点', '发出方'],
    target: ['终点', '指向'],
    relation: ['关系'],
    quote: ['原文', '引文'],
    basis: ['依据'],
    note: ['备注', '说明'],
  },
  views: {
    id: ['视图', '编号'],
    zh: ['中文名', '中文名称', '中文'],
    en: ['英文名', '英文名称', '英文'],
    actors: ['主体'],
  },
  steps: {
    view: ['视图'],
    zh: ['中文说明', '中文'],
    en: ['英文说明', '英文'],
    actors: ['主体'],
    emphasis: ['强调'],
  },
  sectors: {
    id: ['编号', '标识'],
    zh: ['中文名', '中文名称', '中文'],
    en: ['英文名', '英文名称', '英文'],
    colour: ['颜色', 'color'],
    shape: ['形状'],
    tier: ['层次'],
    meaning_zh: ['中文含义'],
    meaning_en: ['英文含义'],
  },
  relationKinds: {
    id: ['编号', '标识'],
    zh: ['中文动词', '中文名', '中文'],
    en: ['英文动词', '英文名', '英文'],
    kind: ['类别'],
    flow: ['方向'],
    line: ['线型'],
    arrow: ['箭头'],
    meaning_zh: ['中文含义'],
    meaning_en: ['英文含义'],
  },
} as const satisfies Record<SheetKind, Record<string, readonly string[]>>;

/** Columns a sheet cannot do without. */
const REQUIRED: Readonly<Record<SheetKind, readonly string[]>> = {
  actors: ['id', 'zh', 'en', 'sector'],
  relations: ['source', 'target', 'relation'],
  views: ['id', 'zh', 'en', 'actors'],
  steps: ['view', 'zh', 'en', 'actors'],
  sectors: ['id', 'zh', 'en', 'colour', 'shape'],
  relationKinds: ['id', 'zh', 'en', 'kind', 'line', 'arrow'],
};

/** Words a `kind` or `flow` cell of the relation kinds sheet may hold, in both languages. */
const KIND_WORDS: Readonly<Record<string, string>> = {
  accountability: 'accountability',
  问责: 'accountability',
  influence: 'influence',
  影响: 'influence',
  down: 'down',
  向下: 'down',
  自上而下: 'down',
  up: 'up',
  向上: 'up',
  自下而上: 'up',
};

/** Words a `basis` cell may hold for each basis, in both languages. */
const BASIS_WORDS: Readonly<Record<string, 'stated' | 'inferred'>> = {
  stated: 'stated',
  陈述: 'stated',
  原文陈述: 'stated',
  inferred: 'inferred',
  解读: 'inferred',
  作者解读: 'inferred',
  推断: 'inferred',
};

/** A header as compared: no BOM, no case, spaces and hyphens as `_`. */
const headerKey = (text: string) => text.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/[\s-]+/g, '_');

/** Ids in a list cell: separated by commas, semicolons, 、 or spaces, in either width. */
const listCell = (text: string) => text.split(/[\s,;,;、]+/u).filter(Boolean);

/** Quotes of a cell: one per line (Alt+Enter in a spreadsheet), so one relation may cite several passages. */
const quotesCell = (text: string) => text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);

/**
 * A vocabulary word written as its id or as its name in either language (`department`, `职能部门`,
 * `Functional departments`): the id, or the text as it was, for the validator to report.
 */
function vocabularyId(text: string, names: Record<string, Bilingual>): string {
  const wanted = text.trim().toLowerCase();
  for (const [id, name] of Object.entries(names)) {
    if (id === wanted || name.zh === text.trim() || name.en.toLowerCase() === wanted) return id;
  }
  return text.trim();
}

const LEVEL_NAMES = Object.fromEntries(LEVEL_TYPES.map((id) => [id, LEVELS[id]]));

/** A sheet read: its rows as records by column, each with its row number as the spreadsheet shows it. */
interface ReadSheet {
  file: string;
  /** The header as written, by column name (for messages in the author's own words). */
  headers: Map<string, string>;
  rows: { row: number; cells: Map<string, string> }[];
}

/** Where a problem is: a sheet, and optionally its row and column. */
interface Place {
  file: string;
  row?: number;
  column?: string;
}

/**
 * Reads the sheets into a model and validates it. Never throws: a sheet that cannot be read, a
 * missing column, an unknown actor, sector or relation, each is a problem naming file, row
 * (header = row 1) and column, in `lang`.
 */
export function importSheets(sheets: Sheets, options: SheetOptions = {}): SheetImport {
  const lang = options.lang ?? 'en';
  const problems: Problem[] = [];
  const report = (place: Place, message: SheetMessage) => problems.push({ path: placeName(place, lang), message: sheetMessage(message, lang) });

  const read: Partial<Record<SheetKind, ReadSheet>> = {};
  for (const kind of SHEET_KINDS) {
    const file = sheets[kind];
    if (file) read[kind] = readSheet(kind, file, report);
  }
  if (problems.length > 0 || !read.actors || !read.relations) return { problems };

  const id = options.id ?? defaultId(sheets.actors.name);
  const graph: Graph = { id, title: options.title ?? { zh: id, en: id }, nodes: [], edges: [] };
  /** Where each node, edge, view and step came from, to place the validator's problems. */
  const origins: Origins = { nodes: [], edges: [], views: [], steps: [], sectors: [], relationKinds: [] };

  // the model's own sectors and relations first: the actors and relations sheets may name them
  const sectors: SectorDeclaration[] = [];
  for (const { row, cells } of read.sectors?.rows ?? []) {
    const cell = (name: string) => (cells.get(name) ?? '').trim();
    const tier = cell('tier');
    const sector = { id: cell('id'), name: { zh: cell('zh'), en: cell('en') }, colour: cell('colour'), shape: cell('shape') } as SectorDeclaration;
    const meaning = { zh: cell('meaning_zh'), en: cell('meaning_en') };
    if (meaning.zh || meaning.en) sector.meaning = meaning;
    if (tier) sector.tier = /^\d+$/.test(tier) ? Number(tier) : (tier as never);
    sectors.push(sector);
    origins.sectors.push(row);
  }
  const relationKinds: RelationDeclaration[] = [];
  for (const { row, cells } of read.relationKinds?.rows ?? []) {
    const cell = (name: string) => (cells.get(name) ?? '').trim();
    const word = (name: string) => KIND_WORDS[cell(name).toLowerCase()] ?? cell(name);
    const relation = { id: cell('id'), verb: { zh: cell('zh'), en: cell('en') }, kind: word('kind'), line: cell('line'), arrow: cell('arrow') } as RelationDeclaration;
    const meaning = { zh: cell('meaning_zh'), en: cell('meaning_en') };
    if (meaning.zh || meaning.en) relation.meaning = meaning;
    if (cell('flow')) relation.flow = word('flow') as RelationDeclaration['flow'];
    relationKinds.push(relation);
    origins.relationKinds.push(row);
  }
  if (sectors.length > 0 || relationKinds.length > 0) {
    graph.vocabulary = {};
    if (sectors.length > 0) graph.vocabulary.sectors = sectors;
    if (relationKinds.length > 0) graph.vocabulary.relations = relationKinds;
  }
  // a cell may name a sector or relation by its id or its name in either language, the model's own too
  const vocabulary = vocabularyOf(graph);
  const sectorNames = Object.fromEntries(vocabulary.sectorTypes.map((id) => [id, vocabulary.sectors[id].name]));
  const relationNames = Object.fromEntries(vocabulary.relationTypes.map((id) => [id, vocabulary.relations[id].verb]));

  for (const { row, cells } of read.actors.rows) {
    const cell = (name: string) => cells.get(name) ?? '';
    const actor: Actor = {
      id: cell('id').trim(),
      label: { zh: cell('zh').trim(), en: cell('en').trim() },
      sector: vocabularyId(cell('sector'), sectorNames),
    };
    const short = { zh: cell('short_zh').trim(), en: cell('short_en').trim() };
    if (short.zh || short.en) actor.label.short = Object.fromEntries(Object.entries(short).filter(([, text]) => text));
    if (cell('level').trim()) actor.level = vocabularyId(cell('level'), LEVEL_NAMES) as Actor['level'];
    const year = cell('year').trim();
    if (year) {
      if (/^\d{1,4}$/.test(year)) actor.year = Number(year);
      else report({ file: read.actors.file, row, column: read.actors.headers.get('year') }, { key: 'year', value: year });
    }
    // a note describes the actor; beside a description, it explains the quotes
    const [description, note] = [cell('description').trim(), cell('note').trim()];
    const about = description || note;
    if (about) actor.description = { zh: about, en: about };
    const evidence: Evidence[] = quotesCell(cell('quote')).map((quote) => (description && note ? { quote, note: { zh: note, en: note } } : { quote }));
    if (evidence.length > 0) actor.evidence = evidence;
    graph.nodes.push(actor);
    origins.nodes.push(row);
  }

  const edgeIds = new Set<string>(graph.nodes.map((actor) => actor.id));
  for (const { row, cells } of read.relations.rows) {
    const cell = (name: string) => (cells.get(name) ?? '').trim();
    const relation: Relation = {
      id: cell('id') || uniqueId(`${cell('source')}-${vocabularyId(cell('relation'), relationNames)}-${cell('target')}`, edgeIds),
      source: cell('source'),
      target: cell('target'),
      relation: vocabularyId(cell('relation'), relationNames),
    };
    edgeIds.add(relation.id);
    const basis = cell('basis');
    if (basis) relation.basis = (BASIS_WORDS[basis.toLowerCase()] ?? basis) as Relation['basis'];
    if (cell('note')) relation.note = cell('note');
    const evidence = quotesCell(cells.get('quote') ?? '').map((quote) => ({ quote }));
    if (evidence.length > 0) relation.evidence = evidence;
    graph.edges.push(relation);
    origins.edges.push(row);
  }

  if (read.views) {
    const views: View[] = [];
    for (const { row, cells } of read.views.rows) {
      const cell = (name: string) => (cells.get(name) ?? '').trim();
      views.push({ id: cell('id'), title: { zh: cell('zh'), en: cell('en') }, actors: listCell(cell('actors')) });
      origins.views.push(row);
      origins.steps.push([]);
    }
    if (read.steps) {
      for (const { row, cells } of read.steps.rows) {
        const cell = (name: string) => (cells.get(name) ?? '').trim();
        const index = views.findIndex((view) => view.id === cell('view'));
        if (index < 0) {
          const match = closest(cell('view'), views.map((view) => view.id));
          report({ file: read.steps.file, row, column: read.steps.headers.get('view') }, { key: 'noView', value: cell('view'), match });
          continue;
        }
        const step: Step = { caption: { zh: cell('zh'), en: cell('en') }, actors: listCell(cell('actors')) };
        if (cell('emphasis')) step.emphasis = listCell(cell('emphasis'));
        (views[index].steps ??= []).push(step);
        origins.steps[index].push(row);
      }
    }
    if (views.length > 0) graph.views = views;
  } else if (read.steps) {
    report({ file: read.steps.file }, { key: 'stepsWithoutViews' });
  }

  const validation = validateGraph(graph, { lang, words: IN_SHEETS });
  for (const problem of validation.problems) {
    problems.push({ path: placeName(placeOf(problem.path, read, origins, sheets) ?? { file: sheets.actors.name }, lang), message: problem.message });
  }
  return problems.length === 0 ? { graph: validation.graph, problems } : { problems };
}

/** The columns of a header row, by their names in the sheet kind's vocabulary. */
function headerNames(kind: SheetKind, header: readonly string[]): Set<string> {
  const columns: Record<string, readonly string[]> = SHEET_COLUMNS[kind];
  const found = new Set<string>();
  for (const written of header) {
    const key = headerKey(written);
    for (const [name, aliases] of Object.entries(columns)) if (key === name || aliases.some((alias) => headerKey(alias) === key)) found.add(name);
  }
  return found;
}

/**
 * Which sheet a CSV file is, from its header: the kind with most of its required columns there (at
 * least two, so that a misspelt one is still told apart and then reported), actors first on a tie;
 * undefined when it is none of them.
 */
export function sheetKind(text: string): SheetKind | undefined {
  const header = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { delimitersToGuess: [',', ';', '\t'], preview: 1 }).data[0] ?? [];
  let best: { kind?: SheetKind; score: number } = { score: 1 };
  for (const kind of SHEET_KINDS) {
    const present = headerNames(kind, header);
    const score = REQUIRED[kind].filter((name) => present.has(name)).length;
    if (score > best.score) best = { kind, score };
  }
  return best.kind;
}

/** Whether a file's text is a ZIP archive, as an .xlsx workbook is (its first bytes `PK\x03\x04`, whatever its name). */
export const isWorkbook = (text: string) => text.startsWith('PK\x03\x04');

/**
 * The sheets of a set of files, each told by its header, in any order; or every problem: a file no
 * sheet's header fits, two of one kind, no actors or no relations sheet.
 */
export function sortSheets(files: readonly SheetFile[], lang: Lang): { sheets?: Sheets; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (file: string, problem: SheetMessage) => problems.push({ path: placeName({ file }, lang), message: sheetMessage(problem, lang) });
  const found: Partial<Sheets> = {};
  for (const file of files) {
    const kind = isWorkbook(file.text) ? undefined : sheetKind(file.text);
    if (isWorkbook(file.text)) report(file.name, { key: 'workbook' });
    else if (!kind) report(file.name, { key: 'unknownSheet' });
    else if (found[kind]) report(file.name, { key: 'twoSheets', value: `${found[kind]!.name}, ${file.name}` });
    else found[kind] = file;
  }
  const { actors, relations } = found;
  if (problems.length > 0) return { problems };
  if (!actors || !relations) {
    report(files.map((file) => file.name).join(', '), { key: 'missingSheet', value: actors ? 'relations' : 'actors' });
    return { problems };
  }
  return { sheets: { ...found, actors, relations }, problems };
}

/** Reads one CSV sheet: delimiter detected, BOM and line endings of any kind accepted. */
function readSheet(kind: SheetKind, file: SheetFile, report: (place: Place, message: SheetMessage) => void): ReadSheet | undefined {
  const sheet: ReadSheet = { file: file.name, headers: new Map(), rows: [] };
  if (file.text.length > MAX_FILE_SIZE) {
    report({ file: file.name }, { key: 'tooLarge', value: formatSize(MAX_FILE_SIZE) });
    return undefined;
  }
  const text = file.text.replace(/^\uFEFF/, '');
  if (!text.trim()) {
    report({ file: file.name }, { key: 'empty' });
    return undefined;
  }
  const parsed = Papa.parse<string[]>(text, { delimitersToGuess: [',', ';', '\t'], skipEmptyLines: false });
  for (const error of parsed.errors) {
    // one column only: nothing to guess, and the comma is right
    if (error.code === 'UndetectableDelimiter') continue;
    report({ file: file.name, row: error.row === undefined ? undefined : error.row + 1 }, { key: 'csv', code: error.code, value: error.message });
  }
  const [header = [], ...records] = parsed.data;
  const columns: Record<string, readonly string[]> = SHEET_COLUMNS[kind];
  const names = new Map<string, string>();
  for (const [name, aliases] of Object.entries(columns)) {
    names.set(name, name);
    for (const alias of aliases) names.set(headerKey(alias), name);
  }
  const byIndex: (string | undefined)[] = header.map((written) => {
    const name = names.get(headerKey(written));
    if (name && !sheet.headers.has(name)) sheet.headers.set(name, written.replace(/^\uFEFF/, '').trim());
    return name;
  });
  for (const name of REQUIRED[kind]) {
    if (sheet.headers.has(name)) continue;
    const unknown = header.filter((_, i) => byIndex[i] === undefined).map((written) => written.trim());
    report({ file: file.name, row: 1 }, { key: 'missingColumn', value: name, aliases: columns[name], match: closest(name, unknown) });
  }
  records.forEach((record, i) => {
    // an empty line, or one of only delimiters, is no row (spreadsheets save trailing ones)
    if (record.every((cell) => !cell.trim())) return;
    const cells = new Map<string, string>();
    record.forEach((cell, j) => {
      const name = byIndex[j];
      if (name && !cells.has(name)) cells.set(name, cell);
    });
    sheet.rows.push({ row: i + 2, cells });
  });
  if (sheet.rows.length === 0 && (kind === 'actors' || kind === 'relations')) report({ file: file.name }, { key: 'noRows' });
  return sheet;
}

/**
 * The text of a CSV file's bytes: UTF-8 (with or without BOM), or else GB18030, which Excel and WPS
 * on Chinese Windows write when "CSV" rather than "CSV UTF-8" is chosen.
 */
export function decodeSheet(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** An id not taken yet: `base`, else `base-2`, `base-3`, … */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

/** `flood-actors.csv` → `flood`; `actors.csv` → `my-model`. */
export function defaultId(fileName: string): string {
  const base = fileName
    .replace(/^.*[\\/]/, '')
    .replace(/\.(csv|tsv|txt)$/i, '')
    .replace(/[-_ ]?(actors?|主体)[-_ ]?/i, '')
    .replace(/[^\p{L}\p{N}-]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return base || 'my-model';
}

/** Which column of a sheet a field of the data format comes from. */
const NODE_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  'label.zh': 'zh',
  'label.en': 'en',
  label: 'zh',
  'label.short.zh': 'short_zh',
  'label.short.en': 'short_en',
  'label.short': 'short_zh',
  sector: 'sector',
  level: 'level',
  year: 'year',
  description: 'description',
  evidence: 'quote',
};
const EDGE_FIELDS: Readonly<Record<string, string>> = { id: 'id', source: 'source', target: 'target', relation: 'relation', basis: 'basis', note: 'note', evidence: 'quote' };
const VIEW_FIELDS: Readonly<Record<string, string>> = { id: 'id', title: 'zh', 'title.zh': 'zh', 'title.en': 'en', actors: 'actors' };
const STEP_FIELDS: Readonly<Record<string, string>> = { caption: 'zh', 'caption.zh': 'zh', 'caption.en': 'en', actors: 'actors', emphasis: 'emphasis' };
const SECTOR_FIELDS: Readonly<Record<string, string>> = { id: 'id', name: 'zh', 'name.zh': 'zh', 'name.en': 'en', meaning: 'meaning_zh', 'meaning.zh': 'meaning_zh', 'meaning.en': 'meaning_en', colour: 'colour', shape: 'shape', tier: 'tier' };
const RELATION_KIND_FIELDS: Readonly<Record<string, string>> = {
  id: 'id',
  verb: 'zh',
  'verb.zh': 'zh',
  'verb.en': 'en',
  meaning: 'meaning_zh',
  'meaning.zh': 'meaning_zh',
  'meaning.en': 'meaning_en',
  kind: 'kind',
  flow: 'flow',
  line: 'line',
  arrow: 'arrow',
};

/** The sheet row each item of the graph came from, to place the validator's problems. */
interface Origins {
  nodes: number[];
  edges: number[];
  views: number[];
  steps: number[][];
  sectors: number[];
  relationKinds: number[];
}

/** The column a field path (`label.zh`, `evidence[0].quote`, `actors[3]`) comes from: the longest known prefix. */
function columnOf(field: string, fields: Readonly<Record<string, string>>): string | undefined {
  const plain = field.replace(/\[\d+\]/g, '');
  for (let at = plain; at; at = at.includes('.') ? at.slice(0, at.lastIndexOf('.')) : '') {
    if (fields[at]) return fields[at];
  }
  return undefined;
}

/** The sheet, row and column a validator path such as `$.edges[6].target` comes from. */
function placeOf(
  path: string,
  read: Partial<Record<SheetKind, ReadSheet>>,
  origins: Origins,
  sheets: Sheets,
): Place | undefined {
  const at = (kind: SheetKind, row: number | undefined, column: string | undefined): Place => {
    const sheet = read[kind]!;
    return { file: sheet.file, row, column: column ? (sheet.headers.get(column) ?? column) : undefined };
  };
  const step = /^\$\.views\[(\d+)\]\.steps\[(\d+)\]\.?(.*)$/.exec(path);
  if (step && read.steps) return at('steps', origins.steps[Number(step[1])]?.[Number(step[2])], columnOf(step[3], STEP_FIELDS));
  const declared = /^\$\.vocabulary\.(sectors|relations)\[(\d+)\]\.?(.*)$/.exec(path);
  if (declared) {
    const [, list, index, field] = declared;
    if (list === 'sectors' && read.sectors) return at('sectors', origins.sectors[Number(index)], columnOf(field, SECTOR_FIELDS));
    if (list === 'relations' && read.relationKinds) return at('relationKinds', origins.relationKinds[Number(index)], columnOf(field, RELATION_KIND_FIELDS));
  }
  const item = /^\$\.(nodes|edges|views)\[(\d+)\]\.?(.*)$/.exec(path);
  if (item) {
    const [, list, index, field] = item;
    if (list === 'nodes') return at('actors', origins.nodes[Number(index)], columnOf(field, NODE_FIELDS));
    if (list === 'edges') return at('relations', origins.edges[Number(index)], columnOf(field, EDGE_FIELDS));
    if (read.views) return at('views', origins.views[Number(index)], columnOf(field, VIEW_FIELDS));
  }
  if (path.startsWith('$.edges')) return { file: sheets.relations.name };
  return undefined;
}

/** "relations.csv row 7, column target", or in Chinese "relations.csv 第 7 行 target 列". */
export function placeName({ file, row, column }: Place, lang: Lang): string {
  if (lang === 'zh') return `${file}${row ? ` 第 ${row} 行` : ''}${column ? ` “${column}”列` : ''}`;
  return `${file}${row ? ` row ${row}` : ''}${column ? `${row ? ',' : ''} column ${column}` : ''}`;
}
