import shipped from '../../graph-data/layouts.json';

/** Positions of a laid-out graph and the node sizes they were computed for. */
export interface StoredLayout {
  /** Actor id → [width, height]. */
  sizes: Record<string, [number, number]>;
  /** Actor id → [x, y]. */
  positions: Record<string, [number, number]>;
}

/** `graph-data/layouts.json`: layouts of the built-in models, made by `npm run layouts`. */
export interface LayoutFile {
  /** Model id → hash of the model's content when its layouts were made (checked by a test). */
  hashes: Record<string, string>;
  layouts: Record<string, StoredLayout>;
}

/** Node sizes may differ by a pixel or two between machines' fonts; beyond this, lay out again. */
const SIZE_TOLERANCE = 4;

const remembered = new Map<string, StoredLayout>();

/** The key of a layout: what it depends on besides node sizes (the controller adds the layout mode). */
export function layoutKey(parts: { graph: string; view?: string; lang: string; fontSize: number }): string {
  return [parts.graph, parts.view ?? '', parts.lang, parts.fontSize].join('|');
}

/**
 * A known layout for these actors: one made earlier in this page or shipped with the built-in
 * models, if its actors and their sizes match.
 */
export function findLayout(key: string, sizes: Map<string, [number, number]>): StoredLayout | undefined {
  const layout = remembered.get(key) ?? (shipped as unknown as LayoutFile).layouts[key];
  if (!layout) return undefined;
  const ids = Object.keys(layout.sizes);
  if (ids.length !== sizes.size) return undefined;
  for (const id of ids) {
    const size = sizes.get(id);
    const stored = layout.sizes[id];
    if (!size || Math.abs(size[0] - stored[0]) > SIZE_TOLERANCE || Math.abs(size[1] - stored[1]) > SIZE_TOLERANCE) return undefined;
  }
  return layout;
}

/** Keeps a layout for this page, so switching back to a model or language is instant. */
export function rememberLayout(key: string, layout: StoredLayout): void {
  remembered.set(key, layout);
}

/** A short, stable hash of a model's content, so stale shipped layouts are caught by a test. */
export function contentHash(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return (hash >>> 0).toString(16).padStart(8, '0');
}
