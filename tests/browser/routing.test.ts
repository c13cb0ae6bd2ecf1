import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { inferredBadge, THEME_COLOURS } from '../../src/render/palette.js';
import { ROUTED, routesIn } from '../../src/render/routing.js';
import { renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** How far Cytoscape may draw a bend from where the routing put it, in graph units. */
const BEND_TOLERANCE = 2;

describe('relations routed around actors', () => {
  it('are drawn by Cytoscape through the very bends the routing computed: the segments’ weights and signed distances read as meant', async () => {
    const { cy } = await renderGraph(html`<governance-graph model="domestic" view="city" lang="en" theme="projector" static style="height: 100%"></governance-graph>`, {
      width: 1280,
      height: 720,
    });
    const routes = routesIn(cy, { markRadius: inferredBadge(THEME_COLOURS.projector.scale).radius });
    expect(routes.size).toBeGreaterThan(0);
    expect(cy.edges(ROUTED).map((edge) => edge.id()).sort()).toEqual([...routes.keys()].sort());
    for (const [id, bends] of routes) {
      const drawn = cy.getElementById(id).segmentPoints();
      expect(drawn, id).toHaveLength(bends.length);
      bends.forEach((bend, i) => expect(Math.hypot(drawn[i].x - bend.x, drawn[i].y - bend.y), `${id} bend ${i}`).toBeLessThan(BEND_TOLERANCE));
    }
  });
});
