import { describe, expect, it } from 'vitest';
import { BUILTIN_COMPARISON, BUILTIN_MODELS } from '../../src/model/builtin.js';
import { BANDS, BAND_GAP, SECTOR_BANDS, bandPositions, compareModels, counterpartsOf } from '../../src/model/compare.js';

const { domestic, foreign } = BUILTIN_MODELS;

describe('compareModels on the built-in models', () => {
  const summary = compareModels(domestic, foreign, BUILTIN_COMPARISON);

  it('counts actors and relations per side, matching the data', () => {
    expect(summary.left.actors).toBe(domestic.nodes.length);
    expect(summary.right.relations).toBe(foreign.edges.length);
    expect(summary.left.bySector.party).toBe(domestic.nodes.filter((n) => n.sector === 'party').length);
    expect(Object.values(summary.right.bySector).reduce((a, b) => a + b)).toBe(foreign.nodes.length);
  });

  it('finds the domestic chain of accountability much longer than the foreign one', () => {
    expect(summary.left.longestChain).toBeGreaterThanOrEqual(4);
    expect(summary.right.longestChain).toBeLessThanOrEqual(2);
    expect(summary.left.longestChainActors.at(-1)).toBe('cpc-central');
    // of the longest chains, the one resting least on the author's readings: only central leadership of the committee
    expect(summary.left.longestChainReadings).toBe(1);
    expect(summary.right.longestChainReadings).toBe(0);
  });

  it('shows Party leadership and functional departments only on the domestic side', () => {
    expect(summary.onlyLeft.sectors).toEqual(expect.arrayContaining(['party', 'department']));
    expect(summary.onlyRight.sectors).toEqual([]);
  });

  it('lists the actors that have no counterpart on the other side', () => {
    expect(summary.left.unmatched).toEqual(expect.arrayContaining(['cpc-central', 'city-party', 'disaster-departments']));
    expect(summary.left.unmatched).not.toContain('coordination-bodies');
    expect(summary.right.unmatched).toEqual([]);
  });
});

describe('counterpartsOf', () => {
  it('links the city coordination bodies to the resilience offices abroad, and back', () => {
    expect(counterpartsOf(BUILTIN_COMPARISON, 'left', 'coordination-bodies')).toEqual(['resilience-office', 'resilience-unit', 'chief-resilience-officer']);
    expect(counterpartsOf(BUILTIN_COMPARISON, 'right', 'market')).toEqual(['social-capital', 'state-capital', 'enterprises', 'insurance']);
    expect(counterpartsOf(BUILTIN_COMPARISON, 'left', 'cpc-central')).toEqual([]);
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
    expect(positions.get('gov')!.y).toBe(BANDS.indexOf(SECTOR_BANDS.government) * BAND_GAP);
    expect(positions.get('office')!.y).toBe(BAND_GAP);
    expect(positions.get('a')!.y).toBe(BANDS.indexOf('market') * BAND_GAP);
  });

  it('moves a band down when an actor above is too tall for the usual gap, so bands never overlap', () => {
    const tall = bandPositions([...actors, { id: 'fund', sector: 'market', width: 200, height: 400, x: 0 }, { id: 'public', sector: 'society', width: 80, height: 30, x: 0 }], 20);
    const [market, society] = [tall.get('fund')!.y, tall.get('public')!.y];
    expect(market).toBe(BANDS.indexOf('market') * BAND_GAP);
    expect(society - market).toBeGreaterThanOrEqual(400 / 2 + 30 / 2 + 20);
    expect(tall.get('office')!.y).toBe(BAND_GAP);
  });

  it('keeps the left-to-right order and never overlaps actors of a band', () => {
    const [b, c, a] = ['b', 'c', 'a'].map((id) => positions.get(id)!.x);
    expect(b).toBeLessThan(c);
    expect(c).toBeLessThan(a);
    expect(c - b).toBeGreaterThanOrEqual(80 + 20);
    expect(a - c).toBeGreaterThanOrEqual(80 + 20);
  });
});
