/**
 * The app's slide check for authors: the view shown, drawn off-screen as on a projected slide (as
 * `npm run slide-check` draws it), measured from the drawn graph (see `slide-metrics.ts`).
 */
import type { GovernanceGraph } from '../components/governance-graph.js';
import type { SlideMiss } from '../model/messages.js';
import type { DisplayLang, Graph, Lang } from '../model/types.js';
import { canvasLabel } from '../render/elements.js';
import { slideShortfalls, type SlideShortfall } from '../render/slide-metrics.js';

/** The slide the check draws on, in px, and its theme: that of projected slides. */
export const CHECKED_SLIDE = { width: 1280, height: 720, theme: 'projector' } as const;

/** What the check draws: a model file's URL, a view of it, and the language of its labels. */
export interface SlideRequest {
  src: string;
  view?: string;
  lang: DisplayLang;
}

/** The goals an author can act on (how much of the slide the graph fills is the layout's matter). */
const isMiss = (shortfall: SlideShortfall): shortfall is SlideShortfall & SlideMiss => shortfall.goal !== 'fill';

/**
 * The goals the view misses on a slide; none when it reads, or when it cannot be drawn (the
 * element shown says why). Aborted: undefined, and the drawing is gone. Actors are named by id
 * (see `namedMisses`).
 */
export async function checkSlide({ src, view, lang }: SlideRequest, signal: AbortSignal): Promise<SlideMiss[] | undefined> {
  const element = document.createElement('governance-graph') as GovernanceGraph;
  // on the page, so that it has a size, but out of sight, out of the Tab order and unheard
  element.style.cssText = `position: fixed; left: -${2 * CHECKED_SLIDE.width}px; top: 0; width: ${CHECKED_SLIDE.width}px; height: ${CHECKED_SLIDE.height}px`;
  element.inert = true;
  element.setAttribute('aria-hidden', 'true');
  Object.assign(element, { src, lang, theme: CHECKED_SLIDE.theme, static: true, ...(view ? { view } : {}) });
  const settled = new Promise<boolean>((resolve) => {
    // its events are the check's own, not the page's
    const settle = (drawn: boolean) => (event: Event) => {
      event.stopPropagation();
      resolve(drawn);
    };
    element.addEventListener('graph-ready', settle(true));
    element.addEventListener('graph-error', settle(false));
    signal.addEventListener('abort', () => resolve(false));
  });
  document.body.append(element);
  try {
    if (!(await settled) || signal.aborted) return signal.aborted ? undefined : [];
    return slideShortfalls(element.slideFigures(), CHECKED_SLIDE.theme)
      .filter(isMiss)
      .map((shortfall) => ({ goal: shortfall.goal, actual: shortfall.actual, wanted: shortfall.wanted, ...(shortfall.goal === 'labelPx' && shortfall.limit ? { limit: shortfall.limit } : {}) }));
  } finally {
    element.remove();
  }
}

/** The misses with the actors that hold the type back named by their labels on the canvas, in `lang` (an actor the graph lacks keeps its id). */
export function namedMisses<Miss extends Pick<SlideMiss, 'limit'>>(misses: readonly Miss[], graph: Graph, lang: Lang): Miss[] {
  const labels = new Map(graph.nodes.map((actor) => [actor.id, canvasLabel(actor.label, lang)]));
  return misses.map((miss) => (miss.limit ? { ...miss, limit: { ...miss.limit, largest: miss.limit.largest.map((id) => labels.get(id) ?? id) } } : miss));
}
