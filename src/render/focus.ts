import type { Core } from 'cytoscape';
import { FOCUS_RING } from './looks.js';

/** Directions of keyboard focus moves on the canvas. */
export type FocusMove = 'up' | 'down' | 'left' | 'right';

/** An actor keyboard focus can move to: its centre in graph coordinates. */
export interface FocusCandidate {
  id: string;
  x: number;
  y: number;
}

/**
 * The actor a keyboard move goes to from `from`: the nearest one in that direction (distance
 * across the move weighs double), preferring actors `related` to `from`; the top-left actor when
 * nothing has focus yet. Pure.
 */
export function nextFocus(candidates: readonly FocusCandidate[], from: FocusCandidate | undefined, move: FocusMove, related: ReadonlySet<string> = new Set()): string | null {
  if (!from) {
    const first = [...candidates].sort((a, b) => a.y - b.y || a.x - b.x)[0];
    return first?.id ?? null;
  }
  let best: string | null = null;
  let bestCost = Infinity;
  for (const candidate of candidates) {
    if (candidate.id === from.id) continue;
    const [dx, dy] = [candidate.x - from.x, candidate.y - from.y];
    const along = move === 'up' ? -dy : move === 'down' ? dy : move === 'left' ? -dx : dx;
    const across = move === 'up' || move === 'down' ? Math.abs(dx) : Math.abs(dy);
    if (along <= 1) continue;
    const cost = (along + across * 2) * (related.has(candidate.id) ? 0.5 : 1);
    if (cost < bestCost) [best, bestCost] = [candidate.id, cost];
  }
  return best;
}

/** The actor a keyboard move goes to from `from` among those on screen in `cy` (see `nextFocus`), preferring its neighbours. */
export function nextFocusIn(cy: Core, from: string | null, move: FocusMove): string | null {
  const candidates = cy.nodes(':visible').map((node) => ({ id: node.id(), ...node.position() }));
  const start = from ? cy.getElementById(from) : undefined;
  if (!start?.nonempty()) return nextFocus(candidates, undefined, move);
  const related = new Set(start.neighborhood('node').map((node) => node.id()));
  return nextFocus(candidates, { id: start.id(), ...start.position() }, move, related);
}

/**
 * Keeps the focus ring of `cy`'s focused actor `FOCUS_RING` wide on screen at any zoom (in graph
 * units it would thin to a hairline when zoomed out): its width follows the zoom, on that actor
 * alone. `ringed` is the actor that had the ring before; returns the one that has it now.
 */
export function holdFocusRing(cy: Core, ringed: string | undefined): string | undefined {
  const focused = cy.$('node.focused');
  const now = focused.nonempty() ? focused.id() : undefined;
  cy.batch(() => {
    if (ringed && ringed !== now) cy.getElementById(ringed).removeStyle('outline-width outline-offset');
    if (now) focused.style({ 'outline-width': FOCUS_RING.width / cy.zoom(), 'outline-offset': FOCUS_RING.offset / cy.zoom() });
  });
  return now;
}
