import { GraphError } from './errors.js';
import type { Graph } from './types.js';
import { validateGraph } from './validate.js';

export { GraphError };

/** Line and column (1-based) of a character offset, for JSON syntax errors. */
function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Parses and validates the text of a graph file.
 *
 * @param where names the file in messages (a URL or path).
 * @throws {GraphError} when the text is not JSON or not a valid graph.
 */
export function parseGraph(text: string, where: string): Graph {
  if (/^\s*</.test(text)) {
    throw new GraphError(`${where} is HTML, not JSON: check the URL points at the .json file itself (a 404 page or a login page is often served as HTML).`, [
      { path: '$', message: 'The response starts with "<".' },
    ]);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = (error as Error).message;
    const offset = Number(/position (\d+)/.exec(detail)?.[1]);
    const at = Number.isFinite(offset) ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineAndColumn(text, offset)) : '';
    throw new GraphError(`${where} is not valid JSON${at}: ${detail}. Check for a missing comma, quote or bracket there.`, [
      { path: '$', message: detail },
    ]);
  }
  const { graph, problems } = validateGraph(value);
  if (!graph) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    throw new GraphError(`${where} is not a valid graph (${count}). First: ${problems[0].path}: ${problems[0].message}`, problems);
  }
  return graph;
}

/**
 * Fetches, parses and validates a graph file.
 *
 * @throws {GraphError} on network errors, HTTP errors, bad JSON or an invalid graph;
 * an `AbortError` when `signal` aborts.
 */
export async function fetchGraph(url: string, signal?: AbortSignal): Promise<Graph> {
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new GraphError(`Could not reach ${url}: ${(error as Error).message}. Check the address, and that the server allows this page to load it (CORS).`);
  }
  if (!response.ok) {
    throw new GraphError(`Could not load ${url}: the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}. Check the address of the file.`);
  }
  return parseGraph(await response.text(), url);
}
