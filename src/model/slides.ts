/**
 * The authors' slide check: views (or a model without views) with more actors than read on one
 * slide. Pure.
 */
import { SLIDE_ACTORS } from './limits.js';
import type { Graph } from './types.js';

/** A view, or the whole model (`view` absent), too crowded for one slide. */
export interface CrowdedView {
  view?: string;
  actors: number;
}

/** How many actors a view shows (the whole model without a view), if that is more than `SLIDE_ACTORS`. */
export function crowded(graph: Graph, view?: string): CrowdedView | undefined {
  const actors = view ? (graph.views?.find((v) => v.id === view)?.actors.length ?? 0) : graph.nodes.length;
  return actors > SLIDE_ACTORS ? { ...(view ? { view } : {}), actors } : undefined;
}

/** Every view too crowded for one slide; a model without views is one view. */
export function crowdedViews(graph: Graph): CrowdedView[] {
  const views = graph.views?.length ? graph.views.map((v) => crowded(graph, v.id)) : [crowded(graph)];
  return views.filter((item): item is CrowdedView => item !== undefined);
}
