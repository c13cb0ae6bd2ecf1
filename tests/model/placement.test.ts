import { describe, expect, it } from 'vitest';
import { SECTORS } from '../../src/model/vocabulary.js';
import { LayoutCache, type StoredLayout } from '../../src/render/layout-cache.js';
import { BAND_GAP, LAYOUT_OPTIONS, LAYOUT_VERSION, bandPositions, layoutKey, layoutVersion } from '../../src/render/placement.js';

describe('layout keys', () => {
  const parts = { graph: 'domestic', view: 'overview', lang: 'zh', fontSize: 16, mode: 'hierarchy' as const };
  const layout: StoredLayout = { sizes: { a: [100, 40] }, positions: { a: [0, 0] } };

  it('change with any layout option, so layouts made with other options are laid out afresh', () => {
    const wider = { ...LAYOUT_OPTIONS, hierarchy: { ...LAYOUT_OPTIONS.hierarchy, nodeSep: LAYOUT_OPTIONS.hierarchy.nodeSep + 8 } };
    const otherTiers = { ...LAYOUT_OPTIONS, tiers: { ...LAYOUT_OPTIONS.tiers, society: LAYOUT_OPTIONS.tiers.market } };
    for (const options of [wider, otherTiers]) expect(layoutVersion(options)).not.toBe(LAYOUT_VERSION);
    // a layout shipped or stored under the key of other options is not found under the current one
    const stale = layoutKey(parts).replace(LAYOUT_VERSION, layoutVersion(wider));
    const cache = new LayoutCache({ [stale]: layout });
    expect(cache.find(layoutKey(parts), new Map([['a', [100, 40]]]))).toBeUndefined();
    expect(cache.find(stale, new Map([['a', [100, 40]]]))).toEqual(layout);
  });

  it('differ by graph, view, language, type size and layout mode', () => {
    const keys = [parts, { ...parts, graph: 'foreign' }, { ...parts, view: 'city' }, { ...parts, lang: 'en' }, { ...parts, fontSize: 20.8 }, { ...parts, mode: 'bands' as const }].map(layoutKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('bandPositions', () => {
  const actors = [
    { id: 'gov', sector: 'government' as const, width: 100, height: 30, x: 0 },
    { id: 'office', sector: 'coordination' as const, width: 120, height: 30, x: 50 },
    { id: 'a', sector: 'market' as const, width: 80, height: 30, x: 300 },
    { id: 'b', sector: 'market' as const, width: 80, height: 30, x: -300 },
    { id: 'c', sector: 'market' as const, width: 80, height: 30, x: 0 },
  ];
  const positions = bandPositions(actors, 20);

  it('puts each sector group at its band height, the same on every graph', () => {
    expect(positions.get('gov')!.y).toBe(SECTORS.government.tier * BAND_GAP);
    expect(positions.get('office')!.y).toBe(SECTORS.coordination.tier * BAND_GAP);
    expect(positions.get('a')!.y).toBe(SECTORS.market.tier * BAND_GAP);
  });

  it('moves a band down when an actor above is too tall for the usual gap, so bands never overlap', () => {
    const tall = bandPositions([...actors, { id: 'fund', sector: 'market', width: 200, height: 400, x: 0 }, { id: 'public', sector: 'society', width: 80, height: 30, x: 0 }], 20);
    const [market, society] = [tall.get('fund')!.y, tall.get('public')!.y];
    expect(market).toBe(SECTORS.market.tier * BAND_GAP);
    expect(society - market).toBeGreaterThanOrEqual(400 / 2 + 30 / 2 + 20);
    expect(tall.get('office')!.y).toBe(SECTORS.coordination.tier * BAND_GAP);
  });

  it('keeps the left-to-right order and never overlaps actors of a band', () => {
    const [b, c, a] = ['b', 'c', 'a'].map((id) => positions.get(id)!.x);
    expect(b).toBeLessThan(c);
    expect(c).toBeLessThan(a);
    expect(c - b).toBeGreaterThanOrEqual(80 + 20);
    expect(a - c).toBeGreaterThanOrEqual(80 + 20);
  });
});
