import { GraphError } from './errors.js';
import { LOAD_TIMEOUT, MAX_FILE_SIZE, formatSize } from './limits.js';
import { MAX_QUOTED_LENGTH, clip, escapeInvisible } from './text.js';
import { LOADING, type OtherFile } from './messages.js';
import type { Bilingual, Graph, Lang } from './types.js';
import { checkGraph } from './validate.js';

export { GraphError };

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** A URL or path for a message: cut to its start, invisible characters escaped. */
const named = (where: string) => escapeInvisible(clip(where));

/** A file over `MAX_FILE_SIZE`, with its size as far as it is known. */
const tooLarge = (where: string, size: Bilingual, lang: Lang) =>
  GraphError.of(LOADING.tooLarge(named(where), size, formatSize(MAX_FILE_SIZE)), [{ path: '$', message: LOADING.sizeLimit(formatSize(MAX_FILE_SIZE)) }], lang, 'tooLarge');

/** A file's size as far as it is known: over the limit. */
const overLimit = () => LOADING.overSize(formatSize(MAX_FILE_SIZE));

/** A file's size as measured, the same in both languages. */
const measured = (size: string): Bilingual => ({ zh: size, en: size });

/**
 * Which of the project's other JSON files a value is, told by its fields, so that giving one for
 * a model is said in one line; a value with actors is a model, however broken.
 */
function otherFile(value: unknown): OtherFile | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || 'nodes' in value) return undefined;
  if ('rows' in value && 'counterparts' in value) return 'comparison';
  if ('$schema' in value && typeof value.$schema === 'string' && value.$schema.includes('json-schema.org')) return 'schema';
  if ('layouts' in value) return 'layouts';
  return undefined;
}

/**
 * Parses and validates the text of a graph file.
 *
 * @param where names the file in messages (a URL or path).
 * @param lang the language of the validator's messages.
 * @throws {GraphError} when the text is larger than `MAX_FILE_SIZE`, not JSON, another of the
 * project's files (a comparison, a JSON Schema, the layouts), or not a valid graph.
 */
export function parseGraph(text: string, where: string, lang: Lang = 'en'): Graph {
  // every character takes at least a byte
  if (text.length > MAX_FILE_SIZE) throw tooLarge(where, overLimit(), lang);
  if (/^\s*</.test(text)) throw GraphError.of(LOADING.html(named(where)), [{ path: '$', message: LOADING.startsWithTag() }], lang, 'html');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const detail = escapeInvisible(clip(reason, 2 * MAX_QUOTED_LENGTH));
    const offset = Number(/position (\d+)/.exec(reason)?.[1]);
    const at = Number.isFinite(offset) ? lineAndColumn(text, offset) : undefined;
    throw GraphError.of(LOADING.notJson(named(where), at, detail), [{ path: '$', message: { zh: detail, en: detail } }], lang, 'notJson');
  }
  const { graph, problems } = checkGraph(value);
  const other = graph ? undefined : otherFile(value);
  if (other) {
    const message = LOADING.notModel(named(where), other);
    throw GraphError.of(message, [{ path: '$', message }], lang, 'notModel');
  }
  if (!graph) {
    const summary = (language: Lang) => LOADING.invalidGraph(named(where), problems.length, `${problems[0].path}: ${problems[0].message[language]}`)[language];
    throw GraphError.of({ zh: summary('zh'), en: summary('en') }, problems, lang, 'invalidGraph');
  }
  return graph;
}

/** How long a load may take: `LOAD_TIMEOUT` unless a caller shortens it; and the language of the validator's messages. */
export interface LoadLimits {
  /** Milliseconds for the whole file to arrive. */
  timeout?: number;
  /** Language of the validator's messages; default English. */
  lang?: Lang;
}

/** A graph loaded from a URL, and the address it came from in the end (after redirects). */
export interface LoadedGraph {
  graph: Graph;
  url: string;
}

/**
 * Fetches, parses and validates a graph file, within `LOAD_TIMEOUT` and `MAX_FILE_SIZE`.
 *
 * @throws {GraphError} on network errors, a timeout, a file too large, HTTP errors, bad JSON or
 * an invalid graph, each naming the URL and the cause; an `AbortError` when `signal` aborts.
 */
export async function fetchGraph(url: string, signal?: AbortSignal, limits?: LoadLimits): Promise<Graph> {
  return (await loadGraph(url, signal, limits)).graph;
}

/** Like `fetchGraph`, and also says where the file came from after redirects. */
export async function loadGraph(url: string, signal?: AbortSignal, { timeout = LOAD_TIMEOUT, lang = 'en' }: LoadLimits = {}): Promise<LoadedGraph> {
  // one request aborted by the caller or by the clock (by hand: AbortSignal.any is recent)
  const request = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    request.abort();
  }, timeout);
  const forward = () => request.abort(signal?.reason);
  if (signal?.aborted) forward();
  signal?.addEventListener('abort', forward);
  let file: { text: string; url: string };
  try {
    file = await download(url, request.signal, lang);
  } catch (error) {
    if (signal?.aborted || !timedOut) throw error;
    throw GraphError.of(LOADING.timeout(named(url), timeout / 1000), [], lang);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
  return { graph: parseGraph(file.text, url, lang), url: file.url || url };
}

/** The body of `url` as text, and its final address; read in pieces so that one larger than `MAX_FILE_SIZE` (or endless) is cut off. */
async function download(url: string, signal: AbortSignal, lang: Lang): Promise<{ text: string; url: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw GraphError.of(await unreachable(url, error as Error, signal), [], lang);
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${clip(response.statusText)}` : ''}`;
    throw GraphError.of(LOADING.http(named(url), status), [], lang);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_FILE_SIZE) throw tooLarge(url, measured(formatSize(declared)), lang);
  if (!response.body) return { text: '', url: response.url };
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      size += chunk.value.byteLength;
      if (size > MAX_FILE_SIZE) {
        void reader.cancel();
        throw tooLarge(url, overLimit(), lang);
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (error) {
    if (error instanceof GraphError || signal.aborted) throw error;
    throw GraphError.of(LOADING.broke(named(url), escapeInvisible(clip((error as Error).message))), [], lang);
  }
  return { text: text + decoder.decode(), url: response.url };
}

/**
 * Why a URL could not be fetched. A browser reports a refused, blocked or looping request alike,
 * so a second request that does not follow redirects tells a redirect that failed from the rest.
 */
async function unreachable(url: string, error: Error, signal: AbortSignal): Promise<Bilingual> {
  let redirects = false;
  try {
    const probe = await fetch(url, { signal, redirect: 'manual' });
    redirects = probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400);
  } catch {
    // not even the first answer arrives: the reasons below
  }
  return redirects ? LOADING.redirects(named(url)) : LOADING.unreachable(named(url), escapeInvisible(clip(error.message)));
}
