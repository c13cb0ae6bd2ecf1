import type { Core, ElementDefinition } from 'cytoscape';
import { INFERRED } from '../model/vocabulary.js';

/** What to emphasise: a traced actor and the elements of its chains. Everything else is dimmed. */
export interface Highlight {
  /** The traced actor. */
  root: string;
  /** Ids of actors and relations on chains upward (to whom the root answers). */
  upstream: readonly string[];
  /** Ids of actors and relations on chains downward (whom the root steers). */
  downstream: readonly string[];
}

/** The state of a graph that shows as classes on its elements. */
export interface DisplayState {
  /** Hidden sectors and relation types, and `inferred` for every relation that is the author's reading. */
  filtered: ReadonlySet<string>;
  /** Actors shown at the current presentation step; `null`: all. */
  stepShown: ReadonlySet<string> | null;
  /** Actors the current step emphasises. */
  stepEmphasis: readonly string[];
  focused: string | null;
  /** Counterparts of an actor picked in another graph. */
  marked: readonly string[];
  highlight: Highlight | null;
}

/**
 * The classes each element gets in a state (`filtered`, `step-hidden`, `step-emphasis`,
 * `focused`, `marked`, `traced`, `upstream`, `downstream`, `dimmed`); elements with none are
 * left out. Pure: part of the scene (see `scene.ts`), which the export reads too.
 */
export function classesOf(elements: readonly ElementDefinition[], state: DisplayState): Map<string, string[]> {
  const wanted = new Map<string, string[]>();
  const add = (id: string, name: string) => {
    const list = wanted.get(id);
    if (list) list.push(name);
    else wanted.set(id, [name]);
  };
  const ids = new Set<string>();
  const shown = state.stepShown;
  for (const { data } of elements) {
    const id = data.id!;
    ids.add(id);
    const isNode = data.source === undefined;
    if (state.filtered.has(isNode ? data.sector : data.relation) || (!isNode && data.inferred && state.filtered.has(INFERRED))) add(id, 'filtered');
    if (shown && (isNode ? !shown.has(id) : !shown.has(data.source) || !shown.has(data.target))) add(id, 'step-hidden');
  }
  if (shown) for (const id of state.stepEmphasis) if (ids.has(id)) add(id, 'step-emphasis');
  if (state.focused && ids.has(state.focused)) add(state.focused, 'focused');
  for (const id of state.marked) if (ids.has(id)) add(id, 'marked');
  const highlight = state.highlight;
  if (highlight && ids.has(highlight.root)) {
    add(highlight.root, 'traced');
    for (const id of highlight.upstream) if (ids.has(id)) add(id, 'upstream');
    for (const id of highlight.downstream) if (ids.has(id)) add(id, 'downstream');
    const lit = new Set([highlight.root, ...highlight.upstream, ...highlight.downstream]);
    for (const id of ids) if (!lit.has(id)) add(id, 'dimmed');
  }
  return wanted;
}

/**
 * Gives every element of `cy` its classes in `wanted` (see `classesOf`). Only elements whose
 * classes change are touched: a class change restyles the element, and restyling thousands at
 * once would be one long task.
 */
export function applyClasses(cy: Core, wanted: ReadonlyMap<string, readonly string[]>): void {
  const changed = cy.collection();
  cy.batch(() => {
    cy.elements().forEach((element) => {
      const classes = wanted.get(element.id()) ?? [];
      const current = element.classes();
      if (current.length === classes.length && classes.every((name) => current.includes(name))) return;
      element.classes([...classes]);
      changed.merge(element);
    });
  });
  // Cytoscape restyles lazily; resolve now so selectors such as :visible see the new state
  changed.forEach((element) => void element.style('display'));
}
