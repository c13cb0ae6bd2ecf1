/**
 * What a text of a graph may contain, and how values are quoted in messages. Pure: no DOM.
 */

/** Characters XML cannot hold (C0 controls but tab and line breaks, U+FFFE, U+FFFF, lone surrogates): an SVG export with one cannot be opened. */
const UNSHOWABLE = /[\0-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/u;

/** Every character XML cannot hold, for removing them. */
const UNSHOWABLE_ALL = new RegExp(UNSHOWABLE.source, 'gu');

/** Bidirectional embeddings, overrides and isolates: unterminated, they reorder the text that follows them. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** A text made only of spaces, controls, format characters (zero-width ones), marks and blank letters shows nothing. */
const INVISIBLE_ONLY = /^[\s\p{Cc}\p{Cf}\p{Z}\p{M}\u115F\u1160\u3164\uFFA0\u2800]*$/u;

/** Characters that a message writes as `\uXXXX` so that they can be seen and cannot act on the text around them. */
const ESCAPED = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\uFFFE\uFFFF\uD800-\uDFFF]/gu;

/** Longest value a message repeats, in characters; longer ones end in an ellipsis. */
export const MAX_QUOTED_LENGTH = 80;

/** Whether a text has at least one character a reader can see. */
export function isVisibleText(value: unknown): value is string {
  return typeof value === 'string' && !INVISIBLE_ONLY.test(value);
}

/** A character a text may not contain: a control (`U+0000`) or a bidirectional control, and where (from 1). */
export interface CharacterProblem {
  kind: 'control' | 'bidi';
  code: string;
  at: number;
}

/** What is wrong with a text's characters (see `characterMessage` for the words), or undefined when nothing is. */
export function characterProblem(text: string): CharacterProblem | undefined {
  const unshowable = UNSHOWABLE.exec(text);
  if (unshowable) return { kind: 'control', code: codePoint(unshowable[0]), at: unshowable.index + 1 };
  const bidi = BIDI_CONTROL.exec(text);
  if (bidi) return { kind: 'bidi', code: codePoint(bidi[0]), at: bidi.index + 1 };
  return undefined;
}

/** `U+202E`. */
const codePoint = (char: string) => `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Writes invisible and control characters as `\uXXXX`, so a message shows them and they do not reorder it. */
export function escapeInvisible(text: string): string {
  return text.replace(ESCAPED, (char) => `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The text without the characters XML cannot hold (see `characterProblem`). */
export function withoutUnshowable(text: string): string {
  return text.replace(UNSHOWABLE_ALL, '');
}

/** A text cut to `max` characters (never inside a surrogate pair), with an ellipsis if it was longer. */
export function clip(text: string, max = MAX_QUOTED_LENGTH): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text[max - 2]) ? max - 2 : max - 1;
  return `${text.slice(0, end)}…`;
}

/**
 * A value for a message: a text in quotes, anything else as JSON, cut to `MAX_QUOTED_LENGTH`
 * characters, invisible characters escaped. Never throws (`{ "toString": 0 }` cannot become a string).
 */
export function quoted(value: unknown): string {
  if (typeof value === 'string') return `"${escapeInvisible(clip(value))}"`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? typeof value;
  } catch {
    text = typeof value;
  }
  return escapeInvisible(clip(text));
}
