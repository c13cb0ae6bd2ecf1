import type { Core, EdgeSingular, ElementDefinition } from 'cytoscape';
import { LABEL_HEIGHT } from './hubs.js';

/**
 * A definition with data of its own: Cytoscape keeps the data object it is given, and a hub drawn
 * taller (see `growHubsIn`) must not change the scene's elements, whose sizes key the layouts.
 */
const owned = (definition: ElementDefinition): ElementDefinition => ({ ...definition, data: { ...definition.data } });

/**
 * Brings the graph in `cy` to `next` by removing, adding and updating elements by id, in one
 * batch, so positions, selection and viewport survive.
 *
 * @returns whether the layout must run again: elements came or went, or node sizes or edge ends changed.
 */
export function patchElements(cy: Core, next: ElementDefinition[]): boolean {
  const wanted = new Set(next.map((definition) => definition.data.id as string));
  // a first graph needs no comparing: add it in one call
  if (cy.elements().empty()) {
    if (next.length > 0) cy.add(next.map(owned));
    return next.length > 0;
  }
  let relayout = false;
  cy.batch(() => {
    const gone = cy.elements().filter((element) => !wanted.has(element.id()));
    if (gone.nonempty()) {
      cy.remove(gone);
      relayout = true;
    }
    for (const definition of next) {
      const existing = cy.getElementById(definition.data.id as string);
      if (existing.empty()) {
        cy.add(owned(definition));
        relayout = true;
        continue;
      }
      const { data } = definition;
      if (definition.group === 'nodes') {
        // a hub drawn taller than its label (see `growHubsIn`) compares at its label's height
        relayout ||= existing.data('width') !== data.width || (existing.data(LABEL_HEIGHT) ?? existing.data('height')) !== data.height;
        existing.data(data);
      } else if (existing.data('source') !== data.source || existing.data('target') !== data.target) {
        (existing as EdgeSingular).move({ source: data.source as string, target: data.target as string }).data(data);
        relayout = true;
      } else existing.data(data);
    }
  });
  return relayout;
}
