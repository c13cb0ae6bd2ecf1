import type { Problem } from '../model/types.js';

/** Detail of `graph-ready`: the graph is drawn. */
export interface GraphReadyDetail {
  id: string;
  /** Number of actors drawn. */
  nodes: number;
  /** Number of relations drawn. */
  edges: number;
}

/** Detail of `graph-error`: nothing could be drawn, and why. */
export interface GraphErrorDetail {
  message: string;
  problems: Problem[];
}

/** Detail of `actor-select`. */
export interface ActorSelectDetail {
  id: string;
}

/** Detail of `actor-hover`: the actor under the pointer, or `null`. */
export interface ActorHoverDetail {
  id: string | null;
}

/** Detail of `step-change`: the presentation step shown, from 1, of `total`. */
export interface StepChangeDetail {
  step: number;
  total: number;
}

/** Detail of `trace-change`: each inner array is one chain of actor ids, nearest first. */
export interface TraceChangeDetail {
  /** The traced actor, or `null` when the trace was cleared. */
  id: string | null;
  /** With `trace-to`: the second actor; the chains connecting the two are in `upstream` or `downstream`. */
  to?: string;
  upstream: string[][];
  downstream: string[][];
}

/** Detail of `filter-change`: the sectors and relation types now hidden. */
export interface FilterChangeDetail {
  hidden: string[];
}

export type GraphReadyEvent = CustomEvent<GraphReadyDetail>;
export type GraphErrorEvent = CustomEvent<GraphErrorDetail>;
export type ActorSelectEvent = CustomEvent<ActorSelectDetail>;
export type FilterChangeEvent = CustomEvent<FilterChangeDetail>;
export type TraceChangeEvent = CustomEvent<TraceChangeDetail>;
export type ActorHoverEvent = CustomEvent<ActorHoverDetail>;
export type StepChangeEvent = CustomEvent<StepChangeDetail>;

/**
 * Details of the events the inner elements (panel, legend, search box) send to the element that
 * holds them. They neither bubble nor leave its shadow root: the page sees the public events above.
 */
export interface InnerEventDetails {
  /** The user picked a related actor in the panel. */
  'panel-navigate': { id: string };
  /** The user closed the panel. */
  'panel-close': null;
  /** The user asked for the chains to another actor, or (`null`) to go back to the whole trace. */
  'panel-trace-to': { id: string | null };
  /** The user let influence relations into the trace, or took them out. */
  'panel-influence': { influence: boolean };
  /** The user toggled a sector, a relation type or `inferred` in the legend. */
  'legend-toggle': { key: string };
  /** The user picked an actor in a search box. */
  'search-pick': { id: string };
}

/** An inner element's event. */
export type InnerEvent<K extends keyof InnerEventDetails> = CustomEvent<InnerEventDetails[K]>;

/** Dispatches an inner element's event: it reaches the holding element only. */
export function emitInner<K extends keyof InnerEventDetails>(host: EventTarget, name: K, detail: InnerEventDetails[K]): void {
  host.dispatchEvent(new CustomEvent(name, { detail }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'panel-navigate': InnerEvent<'panel-navigate'>;
    'panel-close': InnerEvent<'panel-close'>;
    'panel-trace-to': InnerEvent<'panel-trace-to'>;
    'panel-influence': InnerEvent<'panel-influence'>;
    'legend-toggle': InnerEvent<'legend-toggle'>;
    'search-pick': InnerEvent<'search-pick'>;
    'graph-ready': GraphReadyEvent;
    'graph-error': GraphErrorEvent;
    'actor-select': ActorSelectEvent;
    'filter-change': FilterChangeEvent;
    'trace-change': TraceChangeEvent;
    'actor-hover': ActorHoverEvent;
    'step-change': StepChangeEvent;
  }
}

/** Dispatches a bubbling, composed `CustomEvent` from `host`. */
export function emit<K extends keyof GlobalEventHandlersEventMap>(
  host: EventTarget,
  name: K,
  detail: GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never,
): void {
  host.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
}
