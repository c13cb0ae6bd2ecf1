/** The sectors and relation types named in a `hide` attribute (`"market, participates"`). */
export function parseHidden(hide: string | null | undefined): Set<string> {
  return new Set((hide ?? '').split(',').map((key) => key.trim()).filter(Boolean));
}

/** The `hide` attribute after the legend toggled `key`: hidden if it was shown, shown if it was hidden. */
export function toggleHidden(hide: string | null | undefined, key: string): string[] {
  const hidden = parseHidden(hide);
  if (!hidden.delete(key)) hidden.add(key);
  return [...hidden];
}
