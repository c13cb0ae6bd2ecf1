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

/** The comparison of the domestic and foreign models drawn from the source. */
export const BUILTIN_COMPARISON = comparison as Comparison;
