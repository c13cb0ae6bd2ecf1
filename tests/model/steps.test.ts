import { describe, expect, it } from 'vitest';
import { parseHidden, toggleHidden } from '../../src/components/hide-list.js';
import { shownStep } from '../../src/model/steps.js';

describe('the step shown for a step attribute', () => {
  it('is the step asked for, within the view’s steps', () => {
    expect(shownStep(3, 7)).toBe(3);
    expect(shownStep(99, 7)).toBe(7);
  });

  it('is a whole step: 1.5 shows step 1, so next() goes to 2', () => {
    expect(shownStep(1.5, 7)).toBe(1);
    expect(shownStep(6.99, 7)).toBe(6);
  });

  it('is the first step for a negative one, not the whole view', () => {
    expect(shownStep(-1, 7)).toBe(1);
    expect(shownStep(-1e9, 7)).toBe(1);
  });

  it('is none (the whole view) for no step, 0, or a value that is no number', () => {
    for (const step of [undefined, null, 0, 0.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(shownStep(step, 7)).toBeUndefined();
    expect(shownStep(2, 0)).toBeUndefined();
  });
});

describe('the hide list', () => {
  it('is empty for a removed attribute', () => {
    expect(parseHidden(null)).toEqual(new Set());
    expect(toggleHidden(null, 'market')).toEqual(['market']);
  });
});
