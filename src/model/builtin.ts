import comparison from '../../graph-data/comparison.json';
import domestic from '../../graph-data/domestic.json';
import foreign from '../../graph-data/foreign.json';
import type { Comparison } from './comparison.js';
import type { Graph } from './types.js';

/** The models shipped inside the bundle, by id (validated by the tests). */
export const BUILTIN_MODELS: Readonly<Record<string, Graph>> = {
  domestic: domestic as Graph,
  foreign: foreign as Graph,
};

/**
 * The built-in model with this id, if there is one. Looked up among the table's own entries, so
 * that `constructor` or `__proto__` (an attribute anyone can set) finds no model.
 */
export function builtinModel(id: string | null | undefined): Graph | undefined {
  return typeof id === 'string' && Object.hasOwn(BUILTIN_MODELS, id) ? BUILTIN_MODELS[id] : undefined;
}

/** The comparison of the domestic and foreign models drawn from the source. */
export const BUILTIN_COMPARISON = comparison as Comparison;
