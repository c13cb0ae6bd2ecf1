import type { ElementDefinition } from 'cytoscape';
import { describe, expect, it } from 'vitest';
import { HUB_END_ROOM, HUB_MIN_GROWTH, hubHeights, withHubsGrown, type HubActor } from '../../src/render/hubs.js';
import { routeRelations } from '../../src/render/routing.js';
import { MIN_ROW_GAP } from '../../src/render/slide-layout.js';

const actor = (id: string, x: number, y: number, width = 120, height = 40): HubActor => ({ id, x, y, width, height });

// a government that directs twelve departments in a column far to its left, each reporting back, between the Party above and a row below
const hub = actor('hub', 0, 0, 160, 50);
const departments = Array.from({ length: 12 }, (_, i) => actor(`d${i}`, -700, -330 + i * 60, 120, 40));
const party = actor('party', 0, -360);
const below = actor('below', 60, 360);
const reporting = departments.flatMap((d) => [
  { id: `reports-${d.id}`, source: d.id, target: 'hub' },
  { id: `directs-${d.id}`, source: 'hub', target: d.id },
]);

/** Where the lines meeting the hub's left side meet it, top to bottom: from its centre toward each line's last bend (or its source). */
function leftEnds(grownHeight: number): number[] {
  const drawn = { ...hub, height: grownHeight };
  const routes = routeRelations([drawn, ...departments, party, below], reporting);
  return reporting
    .map(({ id, source, target }) => {
      const toward = (source === 'hub' ? routes.get(id)?.[0] : routes.get(id)?.at(-1)) ?? departments.find((d) => d.id === source || d.id === target)!;
      return (toward.y * (-drawn.width / 2)) / toward.x;
    })
    .sort((a, b) => a - b);
}

describe('hubHeights (actors that many lines meet drawn taller)', () => {
  it('draws a government that twenty-four lines meet taller, centred where it stands, so that the lines meet its side further apart', () => {
    const heights = hubHeights([hub, ...departments, party, below], reporting);
    const grown = heights.get('hub')!;
    expect(grown).toBe(Math.min(hub.width, reporting.length * HUB_END_ROOM));
    expect(grown).toBeGreaterThan(hub.height);
    // each department meets two lines: at its label's size
    expect([...heights.keys()]).toEqual(['hub']);
    const gaps = (ends: number[]) => Math.min(...ends.slice(1).map((y, i) => y - ends[i]));
    // at its label's height some of the twenty-four meet it at one point; grown, every two ≥ 4 units apart
    expect(gaps(leftEnds(hub.height))).toBeLessThan(1);
    expect(gaps(leftEnds(grown))).toBeGreaterThanOrEqual(4);
  });

  it('grows only into free room: a row’s gap from actors above and below it, the same on both sides, within the others’ extent', () => {
    // an actor just below, overlapping the hub's span: it may come no nearer than a row's gap
    const near = actor('near', 100, 25 + MIN_ROW_GAP + 10 + 20);
    const grown = hubHeights([hub, ...departments, party, near], reporting).get('hub')!;
    expect(grown).toBeCloseTo(hub.height + 2 * 10);
    // room for a box a few units taller only: it keeps its label's height rather than look like a slip
    const nearer = actor('nearer', 100, 25 + MIN_ROW_GAP + HUB_MIN_GROWTH / 2 - 2 + 20);
    expect(hubHeights([hub, ...departments, party, nearer], reporting).has('hub')).toBe(false);
    // side by side with its neighbour: no room at all
    const beside = actor('beside', 130, 0);
    expect(hubHeights([hub, ...departments, party, below, beside], reporting).has('hub')).toBe(false);
    // the hub is the topmost actor: it grows no higher, so does not grow (its centre stays)
    expect(hubHeights([hub, ...departments.map((d) => ({ ...d, y: d.y + 400 }))], reporting).has('hub')).toBe(false);
  });

  it('leaves the elements of a graph alone where no actor meets many lines, and gives a grown hub its height in the elements exports draw', () => {
    const elements: ElementDefinition[] = [
      ...[hub, ...departments, party, below].map(({ id, width, height }) => ({ data: { id, width, height } })),
      ...reporting.map(({ id, source, target }) => ({ data: { id, source, target } })),
    ];
    const positions = new Map([hub, ...departments, party, below].map(({ id, x, y }) => [id, { x, y }]));
    const grown = withHubsGrown(elements, positions);
    expect(grown.find(({ data }) => data.id === 'hub')!.data.height).toBe(hubHeights([hub, ...departments, party, below], reporting).get('hub'));
    // drawing again from the drawn elements changes nothing
    expect(withHubsGrown(grown, positions)).toBe(grown);
    const few = elements.filter(({ data }) => data.source === undefined || ['reports-d0', 'directs-d0'].includes(String(data.id)));
    expect(withHubsGrown(few, positions)).toBe(few);
  });
});
