import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { LayoutCache, MAX_STORED_LAYOUTS, layoutHash, packLayouts, unpackLayouts, type LayoutStorage, type StoredLayout } from '../../src/render/layout-cache.js';
import { memoryStorage } from './fixtures.js';

/** A storage like `localStorage`, in memory. */

const layout: StoredLayout = { sizes: { a: [80, 30], b: [60, 30] }, positions: { a: [0, 0], b: [10, 90] } };
const sizes = (entries: [string, [number, number]][]) => new Map(entries);
const sameSizes = sizes([
  ['a', [81, 30]],
  ['b', [60, 29]],
]);

describe('LayoutCache', () => {
  it('finds on a later visit a layout kept with persist, but not one kept for the page only', () => {
    const storage = memoryStorage();
    const first = new LayoutCache({}, storage);
    first.remember('mine|', layout, { persist: true });
    first.remember('page-only|', layout);
    const next = new LayoutCache({}, storage);
    expect(next.find('mine|', sameSizes)).toEqual(layout);
    expect(next.find('page-only|', sameSizes)).toBeUndefined();
  });

  it('lays out again when the actors or their sizes differ', () => {
    const cache = new LayoutCache({ shipped: layout });
    expect(cache.find('shipped', sameSizes)).toBe(layout);
    expect(cache.find('shipped', sizes([['a', [80, 30]]]))).toBeUndefined();
    expect(cache.find('shipped', sizes([['a', [80, 30]], ['c', [60, 30]]]))).toBeUndefined();
    expect(cache.find('shipped', sizes([['a', [120, 30]], ['b', [60, 30]]]))).toBeUndefined();
  });

  it('uses a stored layout where a shipped one no longer fits this machine’s label sizes', () => {
    const storage = memoryStorage();
    const wider: StoredLayout = { sizes: { a: [100, 30], b: [60, 30] }, positions: { a: [5, 0], b: [10, 90] } };
    new LayoutCache({ key: layout }, storage).remember('key', wider, { persist: true });
    expect(new LayoutCache({ key: layout }, storage).find('key', sizes([['a', [100, 30]], ['b', [60, 30]]]))).toEqual(wider);
  });

  it(`keeps at most ${MAX_STORED_LAYOUTS} layouts, dropping the oldest`, () => {
    const storage = memoryStorage();
    const cache = new LayoutCache({}, storage);
    for (let i = 0; i <= MAX_STORED_LAYOUTS; i++) cache.remember(`graph-${i}|`, layout, { persist: true });
    const later = new LayoutCache({}, storage);
    expect(later.find('graph-0|', sameSizes)).toBeUndefined();
    expect(later.find(`graph-${MAX_STORED_LAYOUTS}|`, sameSizes)).toEqual(layout);
    expect([...storage.items.keys()].filter((key) => key.includes('/layout/'))).toHaveLength(MAX_STORED_LAYOUTS);
  });

  it('ignores what it cannot use: anything else in the storage, or a storage that throws', () => {
    const storage = memoryStorage();
    storage.items.set('governance-graph/layout/v1/odd|', '{"sizes": {"a": [1]}, "positions": {}}');
    storage.items.set('governance-graph/layout/v1/broken|', '{not json');
    storage.items.set('governance-graph/layouts/v1', '"not a list"');
    const cache = new LayoutCache({}, storage);
    expect(cache.find('odd|', sizes([['a', [1, 1]]]))).toBeUndefined();
    expect(cache.find('broken|', sameSizes)).toBeUndefined();
    cache.remember('fine|', layout, { persist: true });
    expect(new LayoutCache({}, storage).find('fine|', sameSizes)).toEqual(layout);

    const full: LayoutStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
      removeItem: () => undefined,
      key: () => null,
      length: 0,
    };
    const guarded = new LayoutCache({}, full);
    expect(() => guarded.remember('x|', layout, { persist: true })).not.toThrow();
    // still kept for this page
    expect(guarded.find('x|', sameSizes)).toEqual(layout);
    expect(guarded.find('y|', sameSizes)).toBeUndefined();
  });
});

describe('packLayouts', () => {
  it('gives back every layout, keeping each set of actors and of sizes once', () => {
    const moved: StoredLayout = { sizes: layout.sizes, positions: { a: [5, 0], b: [10, 120] } };
    const wider: StoredLayout = { sizes: { a: [100, 30], b: [60, 30] }, positions: { a: [0, 0], b: [10, 90] } };
    const other: StoredLayout = { sizes: { c: [70, 40] }, positions: { c: [-3, 7] } };
    const layouts = { first: layout, moved, wider, other };
    const packed = packLayouts(layouts);
    expect(unpackLayouts(packed)).toEqual(layouts);
    expect(packed.actors).toEqual([['a', 'b'], ['c']]);
    expect(packed.sizes).toHaveLength(3);
  });
});

describe('layoutHash', () => {
  const graph = BUILTIN_MODELS.foreign;
  it('changes when an actor changes sector or a relation changes, not when only words change', () => {
    const moved = { ...graph, nodes: graph.nodes.map((actor, i) => (i === 0 ? { ...actor, sector: 'society' as const } : actor)) };
    const retyped = { ...graph, edges: graph.edges.map((relation, i) => (i === 0 ? { ...relation, relation: 'funds' as const } : relation)) };
    const reworded = { ...graph, nodes: graph.nodes.map((actor, i) => (i === 0 ? { ...actor, description: { zh: '别的', en: 'Other' } } : actor)) };
    expect(layoutHash(moved)).not.toBe(layoutHash(graph));
    expect(layoutHash(retyped)).not.toBe(layoutHash(graph));
    expect(layoutHash(reworded)).toBe(layoutHash(graph));
  });
});
