import { GraphError } from './errors.js';
import { LOAD_TIMEOUT, MAX_FILE_SIZE, formatSize } from './limits.js';
import { MAX_QUOTED_LENGTH, clip, escapeInvisible } from './text.js';
import { invalidGraph } from './messages.js';
import type { Graph, Lang } from './types.js';
import { validateGraph } from './validate.js';

export { GraphError };

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/** A URL or path for a message: cut to its start, invisible characters escaped. */
const named = (where: string) => escapeInvisible(clip(where));

/** A file over `MAX_FILE_SIZE`, with its size as far as it is known. */
const tooLarge = (where: string, size: string) =>
  new GraphError(`${named(where)} is ${size}, larger than the ${formatSize(MAX_FILE_SIZE)} a graph file may have: split it into several files.`, [
    { path: '$', message: `A graph file may have at most ${formatSize(MAX_FILE_SIZE)}.` },
  ]);

/**
 * Parses and validates the text of a graph file.
 *
 * @param where names the file in messages (a URL or path).
 * @param lang the language of the validator's messages.
 * @throws {GraphError} when the text is larger than `MAX_FILE_SIZE`, not JSON, or not a valid graph.
 */
export function parseGraph(text: string, where: string, lang: Lang = 'en'): Graph {
  // every character takes at least a byte
  if (text.length > MAX_FILE_SIZE) throw tooLarge(where, `over ${formatSize(MAX_FILE_SIZE)}`);
  if (/^\s*</.test(text)) {
    throw new GraphError(`${named(where)} is HTML, not JSON: check the URL points at the .json file itself (a 404 page or a login page is often served as HTML).`, [
      { path: '$', message: 'The response starts with "<".' },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = (error as Error).message;
    const detail = escapeInvisible(clip(reason, 2 * MAX_QUOTED_LENGTH));
    const offset = Number(/position (\d+)/.exec(reason)?.[1]);
    const at = Number.isFinite(offset) ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, offset)) : '';
    throw new GraphError(`${named(where)} is not valid JSON${at}: ${detail}. Check for a missing comma, quote or bracket there.`, [
      { path: '$', message: detail },
    ]);
  }
  const { graph, problems } = validateGraph(value, { lang });
  if (!graph) throw new GraphError(invalidGraph(named(where), problems.length, `${problems[0].path}: ${problems[0].message}`, lang), problems);
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
    file = await download(url, request.signal);
  } catch (error) {
    if (signal?.aborted || !timedOut) throw error;
    throw new GraphError(`${named(url)} did not arrive within ${timeout / 1000} s: check the address and the server, or try again on a better connection.`);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
  return { graph: parseGraph(file.text, url, lang), url: file.url || url };
}

/** The body of `url` as text, and its final address; read in pieces so that one larger than `MAX_FILE_SIZE` (or endless) is cut off. */
async function download(url: string, signal: AbortSignal): Promise<{ text: string; url: string }> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new GraphError(await unreachable(url, error as Error, signal));
  }
  if (!response.ok) {
    const status = `${response.status}${response.statusText ? ` ${clip(response.statusText)}` : ''}`;
    throw new GraphError(`Could not load ${named(url)}: the server answered HTTP ${status}. Check the address of the file.`);
  }
  const declared = Number(response.headers.get('content-length'));
  if (declared > MAX_FILE_SIZE) throw tooLarge(url, formatSize(declared));
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
        throw tooLarge(url, `over ${formatSize(MAX_FILE_SIZE)}`);
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
  } catch (error) {
    if (error instanceof GraphError || signal.aborted) throw error;
    throw new GraphError(`The connection broke while ${named(url)} was loading (${escapeInvisible(clip((error as Error).message))}): try again, or check the server.`);
  }
  return { text: text + decoder.decode(), url: response.url };
}

/**
 * Why a URL could not be fetched. A browser reports a refused, blocked or looping request alike,
 * so a second request that does not follow redirects tells a redirect that failed from the rest.
 */
async function unreachable(url: string, error: Error, signal: AbortSignal): Promise<string> {
  let redirects = false;
  try {
    const probe = await fetch(url, { signal, redirect: 'manual' });
    redirects = probe.type === 'opaqueredirect' || (probe.status >= 300 && probe.status < 400);
  } catch {
    // not even the first answer arrives: the reasons below
  }
  return redirects
    ? `Could not load ${named(url)}: it redirects, and the redirects could not be followed (a redirect loop, or a redirect to a server that does not let this page load it). Open the address in a browser tab to see where it leads, and use the final address.`
    : `Could not reach ${named(url)}: ${escapeInvisible(clip(error.message))}. Check the address, that the server lets this page load it (CORS), and that the page's Content-Security-Policy allows it (connect-src).`;
}
