/** A 2D context that parses colours as CSS does; one for the page. */
let parser: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

/**
 * A CSS colour as `#rrggbb` or `rgba(r, g, b, a)`, the forms every painter here reads (Cytoscape,
 * SVG attributes); undefined when `value` is no colour. Nothing else a custom
 * property or an option may hold (`"/><script>`, `var(--x)`, `url(…)`) gets through.
 */
export function cssColour(value: string): string | undefined {
  parser ??= typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(1, 1).getContext('2d') : document.createElement('canvas').getContext('2d');
  if (!parser) return undefined;
  // a value that is no colour leaves fillStyle as it was: two different starting points tell
  parser.fillStyle = '#000000';
  parser.fillStyle = value;
  const fromBlack = String(parser.fillStyle);
  parser.fillStyle = '#ffffff';
  parser.fillStyle = value;
  return String(parser.fillStyle) === fromBlack ? fromBlack : undefined;
}
