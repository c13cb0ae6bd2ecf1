import type { Basis, Bilingual, Evidence, Graph, Note, Problem } from './types.js';
import { didYouMean } from './messages.js';
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
 * is cited or marked not stated, and every counterpart names an actor of its side.
 */
export function validateComparison(input: unknown, models: Readonly<Record<string, Graph>>): Problem[] {
  const problems: Problem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });
  if (!isObject(input)) return [{ path: '$', message: 'Expected a comparison object with "left", "right", "rows" and "counterparts".' }];
  if (!isText(input.id)) report('$.id', 'The comparison needs an "id".');
  if (!isBilingual(input.title)) report('$.title', 'The title needs "zh" and "en" texts.');
  // own entries only: a side named "constructor" is no model
  const model = (id: unknown) => (typeof id === 'string' && Object.hasOwn(models, id) ? models[id] : undefined);
  const sides = { left: model(input.left), right: model(input.right) };
  for (const side of ['left', 'right'] as const) {
    if (!sides[side]) {
      const match = isText(input[side]) ? closest(input[side] as string, Object.keys(models)) : undefined;
      report(`$.${side}`, `No model has the id ${JSON.stringify(input[side])}.${didYouMean(match)}`);
    }
  }
  for (const [key, side] of [['leftView', 'left'], ['rightView', 'right']] as const) {
    const view = input[key];
    const model = sides[side];
    if (view !== undefined && model && !model.views?.some((v) => v.id === view)) {
      report(`$.${key}`, `The ${side} model "${model.id}" has no view ${JSON.stringify(view)}.`);
    }
  }
  if (!Array.isArray(input.rows)) report('$.rows', 'The comparison needs "rows".');
  else
    input.rows.forEach((row, i) => {
      const path = `$.rows[${i}]`;
      if (!isObject(row)) return report(path, 'Each row needs "id", "kind", "dimension", "left" and "right".');
      if (!isText(row.id)) report(`${path}.id`, 'The row needs an "id".');
      if (row.kind !== 'dimension' && row.kind !== 'contrast') report(`${path}.kind`, 'kind must be "dimension" or "contrast".');
      if (!isBilingual(row.dimension)) report(`${path}.dimension`, 'The dimension needs "zh" and "en" texts.');
      for (const side of ['left', 'right'] as const) {
        const cell = row[side];
        if (isObject(cell) && cell.notStated === true) continue;
        if (!isObject(cell) || !isBilingual(cell.text)) {
          report(`${path}.${side}`, 'A cell needs a "text" in "zh" and "en" with its "evidence", or { "notStated": true } where the source is silent.');
        } else if (!Array.isArray(cell.evidence) || !cell.evidence.some((e) => isObject(e) && isText(e.quote))) {
          report(`${path}.${side}.evidence`, 'A stated cell needs at least one quote of the source; if the source says nothing, use { "notStated": true }.');
        }
      }
    });
  if (!Array.isArray(input.counterparts)) report('$.counterparts', 'The comparison needs "counterparts" (it may be empty).');
  else
    input.counterparts.forEach((group, i) => {
      const path = `$.counterparts[${i}]`;
      if (!isObject(group)) return report(path, 'Each counterpart group needs "left", "right" and "label".');
      if (!isBilingual(group.label)) report(`${path}.label`, 'The label needs "zh" and "en" texts.');
      if (group.basis !== undefined && !BASES.includes(group.basis as never)) report(`${path}.basis`, 'basis must be "stated" or "inferred".');
      if (group.note !== undefined && !isText(group.note) && !isBilingual(group.note)) report(`${path}.note`, 'The note must be a text or have "zh" and "en" texts.');
      if (group.basis === 'inferred' && group.note === undefined) report(`${path}.note`, 'An inferred pairing needs a "note" saying what the reading rests on.');
      for (const side of ['left', 'right'] as const) {
        const ids = group[side];
        const model = sides[side];
        if (!Array.isArray(ids) || ids.length === 0) {
          report(`${path}.${side}`, `List the ${side} model's actor ids.`);
          continue;
        }
        if (!model) continue;
        const known = new Set(model.nodes.map((n) => n.id));
        ids.forEach((id, j) => {
          if (!isText(id) || !known.has(id)) {
            const match = isText(id) ? closest(id, known) : undefined;
            report(`${path}.${side}[${j}]`, `The ${side} model "${model.id}" has no actor ${JSON.stringify(id)}.${didYouMean(match)}`);
          }
        });
      }
    });
  return problems;
}
