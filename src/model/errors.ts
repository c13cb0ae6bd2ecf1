import { inLang, type LOADING } from './messages.js';
import type { Bilingual, DisplayLang, Problem } from './types.js';

/** A problem in both languages: where (a JSON path, a file and row, an attribute) and what. */
export interface BilingualProblem {
  path: string;
  message: Bilingual;
}

/** Why a graph file could not be loaded: one of the `LOADING` messages. */
export type LoadingKind = keyof typeof LOADING;

/** A graph could not be loaded, validated or traced: `problems` says where and what. */
export class GraphError extends Error {
  /** Which failure of `parseGraph` this is: callers tell them apart by kind, never by their text. */
  kind?: LoadingKind;
  /** The message and problems in both languages, when they exist in both (see `GraphError.of`). */
  readonly texts?: { message: Bilingual; problems: readonly BilingualProblem[] };

  constructor(
    message: string,
    readonly problems: Problem[] = [],
    texts?: { message: Bilingual; problems: readonly BilingualProblem[] },
  ) {
    super(message);
    this.name = 'GraphError';
    this.texts = texts;
  }

  /** An error in both languages, whose `message` and `problems` are in `lang` (English by default: events and logs). */
  static of(message: Bilingual, problems: readonly BilingualProblem[] = [], lang: 'zh' | 'en' = 'en', kind?: LoadingKind): GraphError {
    const error = new GraphError(
      message[lang],
      problems.map((problem) => ({ path: problem.path, message: problem.message[lang] })),
      { message, problems },
    );
    error.kind = kind;
    return error;
  }

  /** The message and problems for a reader of `lang`; `both` gives each text in Chinese, then English. */
  in(lang: DisplayLang): { message: string; problems: Problem[] } {
    if (!this.texts) return { message: this.message, problems: this.problems };
    const say = (text: Bilingual) => inLang(text, lang);
    return { message: say(this.texts.message), problems: this.texts.problems.map((problem) => ({ path: problem.path, message: say(problem.message) })) };
  }
}
