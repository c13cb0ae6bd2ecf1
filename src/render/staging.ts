import type { Core, ElementDefinition } from 'cytoscape';
import { patchElements } from './patch.js';

/** Above this many elements (actors and relations) a graph is large: added in steps across tasks, panned and zoomed as one picture. */
export const LARGE_GRAPH = 2000;

/** Resolves in a later task, so that the browser can handle input in between. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/** Patches the elements, visible in the browser's performance panel and to `npm run bench`. */
function measuredPatch(cy: Core, elements: ElementDefinition[]): boolean {
  const start = performance.now();
  const changed = patchElements(cy, elements);
  performance.measure('governance-patch', { start });
  return changed;
}

/**
 * Brings a Cytoscape instance to new elements: a small graph at once, a large one in two tasks
 * (adding, then laying out) so the page stays responsive between them, in one batch across both
 * so that Cytoscape never draws a half-built graph. A newer patch supersedes one still under way.
 */
export class StagedPatch {
  private run = 0;

  /** Drops a patch still under way (the graph was replaced or cleared). */
  cancel(): void {
    this.run++;
  }

  /**
   * Patches `cy` to `elements`, calls `relayout` if actors came, went or changed size, then
   * `done`: at once for a small graph, a task later for a large one, never if superseded.
   */
  patch(cy: Core, elements: ElementDefinition[], { relayout, done }: { relayout: () => void; done: () => void }): void {
    const run = ++this.run;
    if (elements.length <= LARGE_GRAPH) {
      if (measuredPatch(cy, elements)) relayout();
      done();
      return;
    }
    const current = () => !cy.destroyed() && this.run === run;
    cy.startBatch();
    let changed: boolean;
    try {
      changed = measuredPatch(cy, elements);
    } catch (error) {
      cy.endBatch();
      throw error;
    }
    void nextTask().then(() => {
      try {
        if (current() && changed) relayout();
      } finally {
        if (!cy.destroyed()) cy.endBatch();
      }
      if (current()) done();
    });
  }
}
