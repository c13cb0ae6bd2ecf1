import type { DisplayLang } from '../model/types.js';
import type { Theme } from '../render/palette.js';

/** The prefix of the `model` of a model kept in the browser ("My models"): `#model=my:county-flood`. */
export const MY_MODEL = 'my:';

/** What the app shows; kept in the URL hash so a link reopens the same view. */
export interface AppState {
  /** A built-in model id, `compare`, or `my:` and the id of one of My models (kept in this browser). */
  model: string;
  /** URL of a model file (`#src=…`); wins over `model`. */
  src: string;
  /** A view id; empty: the model's first view; `all`: the whole model. */
  view: string;
  lang: DisplayLang;
  /** A theme, or empty: as the reader's system prefers. */
  theme: Theme | '';
  /** Hidden sectors and relation types, comma-separated. */
  hide: string;
  /** The traced actor (`#trace=`); empty: none. */
  trace: string;
  /** With `trace`: the second actor of a from/to trace (`#to=`). */
  to: string;
  /** Whether influence relations count in traces (`#influence=1`). */
  influence: boolean;
  /** With `model=compare`: the left and right models (built-in ids or `my:` ids). */
  left: string;
  right: string;
}

/** The state of a fresh visit. */
export const DEFAULT_STATE: AppState = { model: 'domestic', src: '', view: '', lang: 'zh', theme: '', hide: '', trace: '', to: '', influence: false, left: 'domestic', right: 'foreign' };

const LANGS: readonly string[] = ['zh', 'en', 'both'];
const THEMES: readonly string[] = ['light', 'dark', 'projector'];

/**
 * Reads `#model=foreign&lang=en…`; unknown or missing values fall back to the defaults.
 * `#from=a&to=b` is the same as `#trace=a&to=b`.
 */
export function parseHash(hash: string): AppState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const lang = params.get('lang') ?? '';
  const theme = params.get('theme') ?? '';
  return {
    trace: params.get('trace') || params.get('from') || '',
    to: params.get('to') ?? '',
    influence: params.get('influence') === '1',
    model: params.get('model') || DEFAULT_STATE.model,
    src: params.get('src') ?? '',
    view: params.get('view') ?? DEFAULT_STATE.view,
    lang: (LANGS.includes(lang) ? lang : DEFAULT_STATE.lang) as DisplayLang,
    theme: (THEMES.includes(theme) ? theme : DEFAULT_STATE.theme) as Theme,
    hide: params.get('hide') ?? DEFAULT_STATE.hide,
    left: params.get('left') || DEFAULT_STATE.left,
    right: params.get('right') || DEFAULT_STATE.right,
  };
}

/** Writes the state as a hash, leaving out what equals the defaults. */
export function formatHash(state: AppState): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_STATE) as (keyof AppState)[]) {
    if (state[key] !== DEFAULT_STATE[key]) params.set(key, typeof state[key] === 'boolean' ? '1' : String(state[key]));
  }
  const text = params.toString();
  return text ? `#${text}` : '';
}

/**
 * A file name for an export that says what it shows, e.g.
 * `governance-domestic-city-en-trace-disaster-departments` or `governance-domestic-overview-zh-step-3`.
 */
export function exportName(state: AppState, view: string | undefined, step: number | undefined): string {
  const parts = ['governance', state.model, view || 'all', state.lang];
  if (state.trace) parts.push('trace', state.trace, ...(state.to ? ['to', state.to] : []));
  if (step) parts.push('step', String(step));
  return parts.join('-').replace(/[^\w.-]+/g, '_');
}
