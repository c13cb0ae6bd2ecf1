import { describe, expect, it } from 'vitest';
import { nextFocus } from '../../src/render/focus.js';

// a small hierarchy: party above government; two departments below, one related to the government
const party = { id: 'party', x: 0, y: 0 };
const gov = { id: 'gov', x: 10, y: 100 };
const water = { id: 'water', x: -120, y: 200 };
const housing = { id: 'housing', x: 140, y: 210 };
const actors = [party, gov, water, housing];

describe('keyboard focus moves', () => {
  it('start at the top-left actor', () => {
    expect(nextFocus(actors, undefined, 'down')).toBe('party');
  });

  it('go to the nearest actor in the direction of the arrow, and nowhere past the edge', () => {
    expect(nextFocus(actors, party, 'down')).toBe('gov');
    expect(nextFocus(actors, gov, 'up')).toBe('party');
    expect(nextFocus(actors, water, 'right')).toBe('housing');
    expect(nextFocus(actors, party, 'up')).toBeNull();
  });

  it('prefer an actor related to the focused one', () => {
    expect(nextFocus(actors, gov, 'down')).toBe('water');
    expect(nextFocus(actors, gov, 'down', new Set(['housing']))).toBe('housing');
  });
});
