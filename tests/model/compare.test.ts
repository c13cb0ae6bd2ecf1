import { describe, expect, it } from 'vitest';
import { BUILTIN_COMPARISON, BUILTIN_MODELS } from '../../src/model/builtin.js';
import { compareModels, counterpartsOf } from '../../src/model/compare.js';

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
