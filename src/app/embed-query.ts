/** Attributes of `<governance-graph>` that `embed.html` takes from its query string. */
export const EMBED_ATTRIBUTES = ['model', 'src', 'view', 'lang', 'theme', 'trace', 'trace-to', 'step', 'hide', 'layout'] as const;

/** Boolean attributes: present in the query (any value but `0`/`false`) means on. */
export const EMBED_FLAGS = ['static', 'influence'] as const;

/**
 * Copies `?model=…&view=…&lang=…&trace=…&step=…&theme=…` onto the element as attributes
 * (as text: an attribute value is never markup). Unknown parameters are ignored.
 */
export function applyEmbedQuery(element: Element, search: string): void {
  const params = new URLSearchParams(search);
  for (const name of EMBED_ATTRIBUTES) {
    const value = params.get(name);
    if (value !== null && value !== '') element.setAttribute(name, value);
  }
  for (const name of EMBED_FLAGS) {
    const value = params.get(name);
    if (value !== null && value !== '0' && value !== 'false') element.setAttribute(name, '');
  }
  if (!params.has('model') && !params.has('src')) element.setAttribute('model', 'domestic');
}
