import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { findActors } from '../../src/model/search.js';

const find = (query: string) => findActors(BUILTIN_MODELS.domestic, query).map((actor) => actor.id);

describe('findActors', () => {
  it('finds an actor by part of its Chinese name', () => {
    expect(find('应急')[0]).toBe('emergency-department');
    expect(find('涉灾')).toEqual(['disaster-departments']);
  });

  it('finds an actor by part of its English name, ignoring case and punctuation', () => {
    expect(find('emergency')[0]).toBe('emergency-department');
    expect(find('WATER aff')[0]).toBe('water-department');
    expect(find('mohurd')[0]).toBe('mohurd');
  });

  it('forgives letters left out', () => {
    expect(find('emgcy mgmt')).toContain('emergency-department');
  });

  it('ranks a name that starts with the query above one that only contains it', () => {
    const results = find('财政');
    expect(results.indexOf('finance-department')).toBeGreaterThanOrEqual(0);
    expect(results[0]).toMatch(/^(mof|finance-department)$/);
  });

  it('finds nothing for an empty or unmatched query', () => {
    expect(find('  ')).toEqual([]);
    expect(find('zzzzqqq')).toEqual([]);
  });
});
