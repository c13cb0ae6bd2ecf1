import shipped from '../../graph-data/layouts.json';
import type { Graph } from '../model/types.js';

/** Positions of a laid-out graph and the node sizes they were computed for. */
export interface StoredLayout {
  /** Actor id → [width, height]. */
  sizes: Record<string, [number, number]>;
  /** Actor id → [x, y]. */
  positions: Record<string, [number, number]>;
}

/**
 * `graph-data/layouts.json`: layouts of the built-in models, made by `npm run layouts`, packed
 * (see `packLayouts`): a view's actors are listed once, and their sizes once per language and type size.
 */
export interface LayoutFile {
  /** `LAYOUT_VERSION` of the layout options they were made with (checked by a test; keys contain it too). */
  version: string;
  /** Model id → hash of the model's content when its layouts were made (checked by a test). */
  hashes: Record<string, string>;
  /** Each set of actors laid out, as their ids. */
  actors: string[][];
  /** Each set of sizes: width and height of each actor of a set, in its order. */
  sizes: number[][];
  /** Layout key → indices of its actors and sizes, and x and y of each actor, in their order. */
  layouts: Record<string, PackedLayout>;
}

/** A layout in `LayoutFile`. */
export interface PackedLayout {
  actors: number;
  sizes: number;
  positions: number[];
}

/** Layouts as `LayoutFile` keeps them: each set of actors and each set of sizes once. */
export function packLayouts(layouts: Readonly<Record<string, StoredLayout>>): Pick<LayoutFile, 'actors' | 'sizes' | 'layouts'> {
  const actors: string[][] = [];
  const sizes: number[][] = [];
  const indexOf = <T>(list: T[][], item: T[]) => {
    const found = list.findIndex((other) => other.length === item.length && other.every((value, i) => value === item[i]));
    return found >= 0 ? found : list.push(item) - 1;
  };
  const packed = Object.entries(layouts).map(([key, layout]): [string, PackedLayout] => {
    const ids = Object.keys(layout.sizes);
    return [key, { actors: indexOf(actors, ids), sizes: indexOf(sizes, ids.flatMap((id) => layout.sizes[id])), positions: ids.flatMap((id) => layout.positions[id]) }];
  });
  return { actors, sizes, layouts: Object.fromEntries(packed) };
}

/** The layouts of a `LayoutFile`, by key. */
export function unpackLayouts(file: Pick<LayoutFile, 'actors' | 'sizes' | 'layouts'>): Record<string, StoredLayout> {
  const pairs = (ids: string[], values: number[]) => Object.fromEntries(ids.map((id, i): [string, [number, number]] => [id, [values[2 * i], values[2 * i + 1]]]));
  return Object.fromEntries(
    Object.entries(file.layouts).map(([key, { actors, sizes, positions }]) => [key, { sizes: pairs(file.actors[actors], file.sizes[sizes]), positions: pairs(file.actors[actors], positions) }]),
  );
}

/** The part of the Web Storage API the cache uses (`localStorage`, or a stand-in in tests). */
export type LayoutStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

/** Node sizes may differ by a pixel or two between machines' fonts; beyond this, lay out again. */
const SIZE_TOLERANCE = 4;

/** Prefix of stored layouts; its version is that of the stored format (layout options are in each key, see `layoutKey`). */
const STORAGE_PREFIX = 'governance-graph/layout/v1/';
/** Keys of the stored layouts, oldest first. */
const STORAGE_INDEX = 'governance-graph/layouts/v1';
/** Layouts kept across visits; older ones are dropped. */
export const MAX_STORED_LAYOUTS = 24;

/**
 * Room a layout may leave per actor, in graph units, beyond the actor's own width and height:
 * more than any layout here leaves (bands are 130 apart), far less than a layout whose actors
 * could not be shown on one screen together.
 */
const ROOM_PER_ACTOR = 400;

const isPair = (value: unknown): value is [number, number] => Array.isArray(value) && value.length === 2 && value.every(Number.isFinite);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether a stored value is a layout this code could have made (storage is shared with other
 * code, and any script of the page may write to it): a size and a position for the same actors,
 * all numbers, sizes positive, and the actors no further apart than their sizes and some room allow.
 */
function isStoredLayout(value: unknown): value is StoredLayout {
  if (!isRecord(value) || !isRecord(value.sizes) || !isRecord(value.positions)) return false;
  const { sizes, positions } = value;
  const ids = Object.keys(sizes);
  if (ids.length !== Object.keys(positions).length) return false;
  const box = { x1: Infinity, y1: Infinity, x2: -Infinity, y2: -Infinity };
  let room = 0;
  for (const id of ids) {
    const [size, position] = [sizes[id], Object.hasOwn(positions, id) ? positions[id] : undefined];
    if (!isPair(size) || !isPair(position) || !(size[0] > 0 && size[1] > 0)) return false;
    room += size[0] + size[1] + ROOM_PER_ACTOR;
    [box.x1, box.x2] = [Math.min(box.x1, position[0]), Math.max(box.x2, position[0])];
    [box.y1, box.y2] = [Math.min(box.y1, position[1]), Math.max(box.y2, position[1])];
  }
  return ids.length === 0 || (box.x2 - box.x1 <= room && box.y2 - box.y1 <= room);
}

function fits(layout: StoredLayout, sizes: Map<string, [number, number]>): boolean {
  const ids = Object.keys(layout.sizes);
  if (ids.length !== sizes.size) return false;
  return ids.every((id) => {
    const size = sizes.get(id);
    const stored = layout.sizes[id];
    return size !== undefined && Math.abs(size[0] - stored[0]) <= SIZE_TOLERANCE && Math.abs(size[1] - stored[1]) <= SIZE_TOLERANCE;
  });
}

/**
 * Layouts known without running dagre: those shipped with the built-in models, those made in
 * this page, and those a storage kept from earlier visits (a deck or a model opened again).
 */
export class LayoutCache {
  private readonly remembered = new Map<string, StoredLayout>();

  constructor(
    private readonly shippedLayouts: Readonly<Record<string, StoredLayout>> = {},
    private readonly storage?: LayoutStorage,
  ) {}

  /** A known layout for these actors, if one matches their ids and sizes. */
  find(key: string, sizes: Map<string, [number, number]>): StoredLayout | undefined {
    for (const layout of [this.remembered.get(key), this.shippedLayouts[key]]) if (layout && fits(layout, sizes)) return layout;
    if (this.remembered.has(key)) return undefined;
    const stored = this.load(key);
    if (!stored || !fits(stored, sizes)) return undefined;
    this.remembered.set(key, stored);
    return stored;
  }

  /** The layouts made in this page, by key (what `npm run layouts` ships). */
  made(): Record<string, StoredLayout> {
    return Object.fromEntries(this.remembered);
  }

  /** Keeps a layout for this page and, with `persist`, for later visits. */
  remember(key: string, layout: StoredLayout, { persist = false } = {}): void {
    this.remembered.set(key, layout);
    if (persist) this.store(key, layout);
  }

  private load(key: string): StoredLayout | undefined {
    const storage = this.storage;
    try {
      const text = storage?.getItem(STORAGE_PREFIX + key);
      if (!storage || !text) return undefined;
      const value = parseJson(text);
      if (isStoredLayout(value)) return value;
      // malformed or tampered with: drop it, so the layout made next takes its place
      storage.removeItem(STORAGE_PREFIX + key);
    } catch {
      // forbidden: lay out again
    }
    return undefined;
  }

  private store(key: string, layout: StoredLayout): void {
    const storage = this.storage;
    if (!storage) return;
    try {
      const index = storedKeys(storage).filter((entry) => entry !== key);
      index.push(key);
      while (index.length > MAX_STORED_LAYOUTS) storage.removeItem(STORAGE_PREFIX + index.shift());
      storage.setItem(STORAGE_PREFIX + key, JSON.stringify(layout));
      storage.setItem(STORAGE_INDEX, JSON.stringify(index));
    } catch {
      // storage full or forbidden (a sandboxed frame): this page still remembers it
    }
  }
}

/** A JSON text's value, or undefined when it is not JSON. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Keys of the stored layouts, oldest first; an index that cannot be read is rebuilt from the layouts in the storage. */
function storedKeys(storage: LayoutStorage): string[] {
  const index = parseJson(storage.getItem(STORAGE_INDEX) ?? '[]');
  if (Array.isArray(index)) return index.filter((entry): entry is string => typeof entry === 'string');
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const name = storage.key(i);
    if (name?.startsWith(STORAGE_PREFIX)) keys.push(name.slice(STORAGE_PREFIX.length));
  }
  return keys;
}

/** The page's `localStorage`, or none where reading it is forbidden. */
function pageStorage(): LayoutStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/** The cache every element of the page shares. */
export const layoutCache = new LayoutCache(unpackLayouts(shipped), pageStorage());

/**
 * A hash of what a graph's layout depends on besides label sizes: actors with their sectors and
 * the relations between them, and the rows and directions of the model's own sectors and relations.
 * An edited file gets a new layout, not a stored one.
 */
export function layoutHash(graph: Graph): string {
  const content: unknown[] = [graph.nodes.map((actor) => [actor.id, actor.sector]), graph.edges.map((relation) => [relation.source, relation.target, relation.relation])];
  const own = graph.vocabulary;
  if (own) content.push([own.sectors?.map((s) => [s.id, s.tier]), own.relations?.map((r) => [r.id, r.flow])]);
  return contentHash(content);
}

/** A short, stable hash of a model's content, so stale shipped layouts are caught by a test. */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
