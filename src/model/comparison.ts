import type { Basis, Bilingual, Evidence, Graph, Lang, Note, Problem } from './types.js';
import { COMPARISON } from './messages.js';
import { quoted } from './text.js';
import { BASES, closest } from './validate.js';

/** What one side of a comparison row says: a cited statement, or that the source is silent. */
export type ComparisonCell = { text: Bilingual; evidence: Evidence[] } | { notStated: true };

/** One row of the comparison table: a dimension the source names, or a contrast it draws. */
export interface ComparisonRow {
  id: string;
  kind: 'dimension' | 'contrast';
  dimension: Bilingual;
  left: ComparisonCell;
  right: ComparisonCell;
}

/** Actors of the left model that correspond to actors of the right one. */
export interface Counterparts {
  left: string[];
  right: string[];
  /** What the actors have in common. */
  label: Bilingual;
  /** Default `stated`: the source pairs them; `inferred`: the pairing is the author's reading, explained in `note`. */
  basis?: Basis;
  note?: Note;
  evidence?: Evidence[];
}

/** A comparison of two models (`graph-data/comparison.json`). */
export interface Comparison {
  $schema?: string;
  id: string;
  title: Bilingual;
  /** Model id of the left side. */
  left: string;
  /** Model id of the right side. */
  right: string;
  /** View of the left model to show side by side (one slide wide); absent: the whole model. */
  leftView?: string;
  /** View of the right model to show side by side. */
  rightView?: string;
  note?: Bilingual;
  rows: ComparisonRow[];
  counterparts: Counterparts[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isBilingual = (v: unknown): v is Bilingual => isObject(v) && isText(v.zh) && isText(v.en);

/**
 * Checks a comparison against its format and against the two models it compares: every cell
 * is cited or marked not stated, and every counterpart names an actor of its side. Never throws.
 *
 * @returns every problem with its JSON path, in `lang` (default English).
 */
export function validateComparison(input: unknown, models: Readonly<Record<string, Graph>>, { lang = 'en' }: { lang?: Lang } = {}): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: Bilingual) => problems.push({ path, message: message[lang === 'zh' ? 'zh' : 'en'] });
  if (!isObject(input)) {
    report('$', COMPARISON.notComparison());
    return problems;
  }
  if (!isText(input.id)) report('$.id', COMPARISON.id());
  if (!isBilingual(input.title)) report('$.title', COMPARISON.title());
  // own entries only: a side named "constructor" is no model
  const model = (id: unknown) => (typeof id === 'string' && Object.hasOwn(models, id) ? models[id] : undefined);
  const sides = { left: model(input.left), right: model(input.right) };
  for (const side of ['left', 'right'] as const) {
    if (!sides[side]) {
      const match = isText(input[side]) ? closest(input[side] as string, Object.keys(models)) : undefined;
      report(`$.${side}`, COMPARISON.noModel(quoted(input[side]), match));
    }
  }
  for (const [key, side] of [['leftView', 'left'], ['rightView', 'right']] as const) {
    const view = input[key];
    const model = sides[side];
    if (view !== undefined && model && !model.views?.some((v) => v.id === view)) report(`$.${key}`, COMPARISON.noView(side, quoted(model.id), quoted(view)));
  }
  if (!Array.isArray(input.rows)) report('$.rows', COMPARISON.rows());
  else
    input.rows.forEach((row, i) => {
      const path = `$.rows[${i}]`;
      if (!isObject(row)) return report(path, COMPARISON.rowObject());
      if (!isText(row.id)) report(`${path}.id`, COMPARISON.rowId());
      if (row.kind !== 'dimension' && row.kind !== 'contrast') report(`${path}.kind`, COMPARISON.rowKind());
      if (!isBilingual(row.dimension)) report(`${path}.dimension`, COMPARISON.dimension());
      for (const side of ['left', 'right'] as const) {
        const cell = row[side];
        if (isObject(cell) && cell.notStated === true) continue;
        if (!isObject(cell) || !isBilingual(cell.text)) report(`${path}.${side}`, COMPARISON.cell());
        else if (!Array.isArray(cell.evidence) || !cell.evidence.some((e) => isObject(e) && isText(e.quote))) report(`${path}.${side}.evidence`, COMPARISON.cellEvidence());
      }
    });
  if (!Array.isArray(input.counterparts)) report('$.counterparts', COMPARISON.counterparts());
  else
    input.counterparts.forEach((group, i) => {
      const path = `$.counterparts[${i}]`;
      if (!isObject(group)) return report(path, COMPARISON.groupObject());
      if (!isBilingual(group.label)) report(`${path}.label`, COMPARISON.label());
      if (group.basis !== undefined && !BASES.includes(group.basis as never)) report(`${path}.basis`, COMPARISON.basis());
      if (group.note !== undefined && !isText(group.note) && !isBilingual(group.note)) report(`${path}.note`, COMPARISON.note());
      if (group.basis === 'inferred' && group.note === undefined) report(`${path}.note`, COMPARISON.inferredNote());
      for (const side of ['left', 'right'] as const) {
        const ids = group[side];
        const model = sides[side];
        if (!Array.isArray(ids) || ids.length === 0) {
          report(`${path}.${side}`, COMPARISON.sideIds(side));
          continue;
        }
        if (!model) continue;
        const known = new Set(model.nodes.map((n) => n.id));
        ids.forEach((id, j) => {
          if (!isText(id) || !known.has(id)) {
            const match = isText(id) ? closest(id, known) : undefined;
            report(`${path}.${side}[${j}]`, COMPARISON.noActor(side, quoted(model.id), quoted(id), match));
          }
        });
      }
    });
  return problems;
}
