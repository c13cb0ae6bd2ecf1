import { SLIDE_ASPECT } from './export.js';
import { SLIDE_CANVAS_WIDTH } from './slide-layout.js';

/** Width over height of a container, for layouts that follow its shape; a slide's before it has a size. */
export function containerAspect(container: HTMLElement | null | undefined): number {
  return container && container.clientHeight > 0 ? container.clientWidth / container.clientHeight : SLIDE_ASPECT;
}

/** The container's width in px, or a slide's (`SLIDE_CANVAS_WIDTH`) while it has none (a hidden slide). */
export function containerWidth(container: HTMLElement | null | undefined): number {
  return container && container.clientWidth > 0 ? container.clientWidth : SLIDE_CANVAS_WIDTH;
}

/** Page events after which the container may sit elsewhere on screen. */
const MOVE_EVENTS = ['transitionend', 'animationend', 'scroll', 'resize'] as const;

/**
 * Watches a Cytoscape container: its size (a hidden slide is 0×0; the legend may shrink it) and
 * the page around it moving (a slide changed, a deck scaled, the page scrolled). Cytoscape caches
 * where its container is and does not see such moves through a shadow root, so clicks would land
 * on the wrong actor: `onMove` then runs, at most once per frame.
 */
export class ContainerWatch {
  private readonly observer: ResizeObserver;
  private movePending = false;

  constructor(
    container: HTMLElement,
    private readonly handlers: { onResize: () => void; onMove: () => void },
  ) {
    for (const type of MOVE_EVENTS) window.addEventListener(type, this.handleMove, { capture: true, passive: true });
    this.observer = new ResizeObserver(() => handlers.onResize());
    this.observer.observe(container);
  }

  /** Stops watching: listeners left attached would keep the element alive. */
  disconnect(): void {
    for (const type of MOVE_EVENTS) window.removeEventListener(type, this.handleMove, true);
    this.observer.disconnect();
  }

  private readonly handleMove = () => {
    if (this.movePending) return;
    this.movePending = true;
    requestAnimationFrame(() => {
      this.movePending = false;
      this.handlers.onMove();
    });
  };
}
