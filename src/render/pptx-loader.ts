/**
 * The slide builder and PowerPoint writer (`slides.ts` and `pptx.ts`, with pptxgenjs), loaded on
 * first use: in the app a chunk of its own; the embed bundle loads `governance-graph-pptx.js` from
 * beside itself instead (see `vite.config.ts`), and never holds either.
 */

/** The media type of a PowerPoint file. */
export const PPTX_TYPE = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** The slide builder and writer. */
export function loadPptxWriter(): Promise<typeof import('./pptx.js')> {
  return import('./pptx.js');
}
