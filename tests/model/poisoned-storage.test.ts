import { describe, expect, it } from 'vitest';
import { LayoutCache, type StoredLayout } from '../../src/render/layout-cache.js';
import { memoryStorage } from './fixtures.js';

/** A storage like `localStorage`, in memory, that any script of the page could have written to. */

const PREFIX = 'governance-graph/layout/v1/';
const INDEX = 'governance-graph/layouts/v1';
const sizes: StoredLayout['sizes'] = { a: [80, 30], b: [60, 30], c: [60, 30], d: [60, 30], e: [60, 30] };
const actorSizes = new Map(Object.entries(sizes));
const good: StoredLayout = { sizes, positions: { a: [0, 0], b: [100, 0], c: [200, 0], d: [0, 90], e: [100, 90] } };
const stored = (layout: unknown) => memoryStorage({ [`${PREFIX}mine|`]: JSON.stringify(layout), [INDEX]: '["mine|"]' });

describe('layouts poisoned in the storage', () => {
  it('a layout whose actors lie far apart is not used, and is dropped', () => {
    const storage = stored({ sizes, positions: { a: [0, 0], b: [1e9, 0], c: [2e9, 0], d: [0, 1e9], e: [3e9, 3e9] } });
    expect(new LayoutCache({}, storage).find('mine|', actorSizes)).toBeUndefined();
    expect(storage.items.has(`${PREFIX}mine|`)).toBe(false);
  });

  it.each([
    ['a number', 5],
    ['null', null],
    ['an object', { x: 1 }],
    ['text', 'ab'],
    ['three numbers', [1, 2, 3]],
  ])('a position that is %s is not used', (_, position) => {
    const storage = stored({ sizes, positions: { ...good.positions, c: position } });
    expect(new LayoutCache({}, storage).find('mine|', actorSizes)).toBeUndefined();
  });

  it('an extra position for an actor without a size is not used', () => {
    expect(new LayoutCache({}, stored({ sizes, positions: { ...good.positions, f: null } })).find('mine|', actorSizes)).toBeUndefined();
  });

  it('a sound layout is used', () => {
    expect(new LayoutCache({}, stored(good)).find('mine|', actorSizes)).toEqual(good);
  });

  it.each([
    ['not JSON', '{oops'],
    ['not a list', '{"a": 1}'],
    ['null', 'null'],
  ])('an index that is %s is rebuilt, and layouts are saved again', (_, index) => {
    const storage = memoryStorage({ [INDEX]: index, [`${PREFIX}old|`]: JSON.stringify(good) });
    const cache = new LayoutCache({}, storage);
    cache.remember('new|', good, { persist: true });
    expect(new LayoutCache({}, storage).find('new|', actorSizes)).toEqual(good);
    expect(JSON.parse(storage.items.get(INDEX)!)).toEqual(['old|', 'new|']);
  });
});
