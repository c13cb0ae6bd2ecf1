import type { Measure } from './elements.js';

let context: CanvasRenderingContext2D | null | undefined;

/** Measures label widths with the canvas Cytoscape draws on, in the given CSS font. */
export function canvasMeasure(font: string): Measure {
  context ??= document.createElement('canvas').getContext('2d');
  const cache = new Map<string, number>();
  return (text) => {
    let width = cache.get(text);
    if (width === undefined) {
      if (!context) return text.length * 14;
      context.font = font;
      width = context.measureText(text).width;
      cache.set(text, width);
    }
    return width;
  };
}
