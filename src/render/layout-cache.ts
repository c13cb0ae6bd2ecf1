import shipped from '../../graph-data/layouts.json';
import type { Graph } from '../model/types.js';

/** Positions of a laid-out graph and the node sizes they were computed for. */
export interface StoredLayout {
  /** Actor id → [width, height]. */
  sizes: Record<string, [number, number]>;
  /** Actor id → [x, y]. */
  positions: Record<string, [number, number]>;
}

/** `graph-data/layouts.json`: layouts of the built-in models, made by `npm run layouts`. */
export interface LayoutFile {
  /** `LAYOUT_VERSION` of the layout options they were made with (checked by a test; keys contain it too). */
  version: string;
  /** Model id → hash of the model's content when its layouts were made (checked by a test). */
  hashes: Record<string, string>;
  layouts: Record<string, StoredLayout>;
}

/** The part of the Web Storage API the cache uses (`localStorage`, or a stand-in in tests). */
export type LayoutStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Node sizes may differ by a pixel or two between machines' fonts; beyond this, lay out again. */
const SIZE_TOLERANCE = 4;

/** Prefix of stored layouts; its version is that of the stored format (layout options are in each key, see `layoutKey`). */
const STORAGE_PREFIX = 'governance-graph/layout/v1/';
/** Keys of the stored layouts, oldest first. */
const STORAGE_INDEX = 'governance-graph/layouts/v1';
/** Layouts kept across visits; older ones are dropped. */
export const MAX_STORED_LAYOUTS = 24;

const isPair = (value: unknown): value is [number, number] => Array.isArray(value) && value.length === 2 && value.every(Number.isFinite);

/** Whether a stored value is a layout (storage is shared with other code and may hold anything). */
function isStoredLayout(value: unknown): value is StoredLayout {
  if (typeof value !== 'object' || value === null) return false;
  const { sizes, positions } = value as Partial<StoredLayout>;
  if (typeof sizes !== 'object' || sizes === null || typeof positions !== 'object' || positions === null) return false;
  return Object.entries(sizes).every(([id, size]) => isPair(size) && isPair(positions[id]));
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
    try {
      const text = this.storage?.getItem(STORAGE_PREFIX + key);
      const value: unknown = text ? JSON.parse(text) : undefined;
      return isStoredLayout(value) ? value : undefined;
    } catch {
      // unreadable, forbidden or malformed: lay out again
      return undefined;
    }
  }

  private store(key: string, layout: StoredLayout): void {
    const storage = this.storage;
    if (!storage) return;
    try {
      const stored: unknown = JSON.parse(storage.getItem(STORAGE_INDEX) ?? '[]');
      const index = (Array.isArray(stored) ? stored : []).filter((entry): entry is string => typeof entry === 'string' && entry !== key);
      index.push(key);
      while (index.length > MAX_STORED_LAYOUTS) storage.removeItem(STORAGE_PREFIX + index.shift());
      storage.setItem(STORAGE_PREFIX + key, JSON.stringify(layout));
      storage.setItem(STORAGE_INDEX, JSON.stringify(index));
    } catch {
      // storage full or forbidden (a sandboxed frame): this page still remembers it
    }
  }
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
export const layoutCache = new LayoutCache((shipped as unknown as LayoutFile).layouts, pageStorage());

/**
 * A hash of what a graph's layout depends on besides label sizes: actors with their sectors and
 * the relations between them. An edited file gets a new layout, not a stored one.
 */
export function layoutHash(graph: Graph): string {
  return contentHash([graph.nodes.map((actor) => [actor.id, actor.sector]), graph.edges.map((relation) => [relation.source, relation.target, relation.relation])]);
}

/** A short, stable hash of a model's content, so stale shipped layouts are caught by a test. */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
