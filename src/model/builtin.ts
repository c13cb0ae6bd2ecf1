import domestic from '../../graph-data/domestic.json';
import foreign from '../../graph-data/foreign.json';
import type { Graph } from './types.js';

/** The models shipped inside the bundle, by id (validated by the tests). */
export const BUILTIN_MODELS: Readonly<Record<string, Graph>> = {
  domestic: domestic as Graph,
  foreign: foreign as Graph,
};
