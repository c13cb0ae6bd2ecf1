import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, exportName, formatHash, parseHash } from '../../src/app/app-state.js';

describe('app state in the URL hash', () => {
  it('round-trips every field', () => {
    const state = { model: 'foreign', src: 'https://example.org/m.json', view: 'all', lang: 'en' as const, theme: 'projector' as const, hide: 'market,participates', trace: 'resilience-office', to: 'market', influence: true, left: 'my:county-flood', right: 'domestic' };
    expect(parseHash(formatHash(state))).toEqual(state);
  });

  it('reads the hash of a shared link', () => {
    expect(parseHash('#model=foreign&lang=en')).toMatchObject({ model: 'foreign', lang: 'en', theme: '' });
  });

  it('falls back to defaults for unknown languages and themes', () => {
    expect(parseHash('#lang=fr&theme=neon')).toEqual(DEFAULT_STATE);
  });

  it('leaves defaults out of the hash', () => {
    expect(formatHash(DEFAULT_STATE)).toBe('');
    expect(formatHash({ ...DEFAULT_STATE, lang: 'en' })).toBe('#lang=en');
  });
});

describe('trace state in the URL hash', () => {
  it('reads #from=…&to=… as a trace between two actors', () => {
    expect(parseHash('#from=disaster-departments&to=city-party')).toMatchObject({ trace: 'disaster-departments', to: 'city-party' });
  });

  it('writes influence as 1 and leaves it out when off', () => {
    expect(formatHash({ ...DEFAULT_STATE, trace: 'city-gov', influence: true })).toBe('#trace=city-gov&influence=1');
    expect(formatHash({ ...DEFAULT_STATE, trace: 'city-gov' })).toBe('#trace=city-gov');
  });
});

describe('exportName', () => {
  it('names the file after the model, view, language, trace and step', () => {
    expect(exportName({ ...DEFAULT_STATE, trace: 'disaster-departments' }, 'city', undefined)).toBe('governance-domestic-city-zh-trace-disaster-departments');
    expect(exportName({ ...DEFAULT_STATE, lang: 'en' }, 'overview', 3)).toBe('governance-domestic-overview-en-step-3');
    expect(exportName({ ...DEFAULT_STATE, model: 'foreign' }, undefined, undefined)).toBe('governance-foreign-all-zh');
  });
});
