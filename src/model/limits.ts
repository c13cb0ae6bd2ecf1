/**
 * The stated limits of what the element loads and draws, each named in the message that refuses
 * more (and in the README's "When data is wrong" table).
 */

/** Most actors a graph may have; beyond it, split the graph into views or files. */
export const MAX_ACTORS = 5000;

/**
 * Most relations a graph may have: one and a half per actor at the most actors (the built-in
 * models have 1.3 and 1). Cytoscape's first frame grows with relations: at this limit it takes
 * seconds, at 20,000 it took up to 37 s in one task.
 */
export const MAX_RELATIONS = 7_500;

/** Most characters of an actor's label or short label, in each language: a name, not a paragraph. */
export const MAX_LABEL_LENGTH = 200;

/** Largest graph file, in bytes, that `src` may load (a graph at the other limits, without quotes, takes about 5 MB). */
export const MAX_FILE_SIZE = 10 * 1024 * 1024;

/** Longest wait, in milliseconds, for a `src` file to arrive in full. */
export const LOAD_TIMEOUT = 30_000;

/** A byte count in the units the limits are stated in, e.g. `10 MB`. */
export function formatSize(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

/** Most actors a view shows legibly on one 16:9 slide (the built-in views have at most this many). */
export const SLIDE_ACTORS = 20;
