import type { EdgeSingular, NodeSingular } from 'cytoscape';
import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { LABEL_HEIGHT } from '../../src/render/hubs.js';
import { inferredBadge, THEME_COLOURS } from '../../src/render/palette.js';
import { ROUTE_CLEARANCE, ROUTED, routesIn } from '../../src/render/routing.js';
import { nextEvent, renderGraph } from './helpers.js';

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

describe('relations routed around what is shown', () => {
  it('bend round no hidden actor, and round it again once it is shown', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en" theme="projector" static style="height: 100%"></governance-graph>`, {
      width: 1280,
      height: 720,
    });
    // a route bends just outside an actor's corners, `ROUTE_CLEARANCE` out (see `routeRelations`)
    const atCorner = (node: NodeSingular, { x, y }: { x: number; y: number }) =>
      Math.abs(Math.abs(x - node.position('x')) - (node.data('width') / 2 + ROUTE_CLEARANCE)) < 1 && Math.abs(Math.abs(y - node.position('y')) - (node.data('height') / 2 + ROUTE_CLEARANCE)) < 1;
    const bendsOf = (edge: EdgeSingular) => (edge.is(ROUTED) ? edge.segmentPoints() : []);
    // relations bent round a corner of an actor of another sector than their ends'
    const detours = cy
      .edges(ROUTED)
      .map((edge) => {
        const ends = [edge.source().data('sector'), edge.target().data('sector')];
        const rounded = cy.nodes().filter((node) => !ends.includes(node.data('sector')) && bendsOf(edge).some((bend) => atCorner(node, bend)));
        return rounded.map((node) => ({ edge, sector: node.data('sector') as string, bends: bendsOf(edge) }));
      })
      .flat();
    expect(detours.length, 'a relation bent round a corner of another sector’s actor').toBeGreaterThan(0);
    const drawnWith = async (hide: string) => {
      el.hide = hide;
      await el.updateComplete;
      await new Promise(requestAnimationFrame);
    };
    for (const { edge, sector, bends } of detours) {
      await drawnWith(sector);
      expect(edge.visible(), edge.id()).toBe(true);
      const hidden = cy.nodes().filter((node) => node.data('sector') === sector);
      expect(
        bendsOf(edge).filter((bend) => hidden.some((node) => atCorner(node as NodeSingular, bend))),
        `${edge.id()} with ${sector} hidden`,
      ).toEqual([]);
      await drawnWith('');
      expect(bendsOf(edge), `${edge.id()} with ${sector} shown again`).toEqual(bends);
    }
    // on each step of a build, the lines shown bend round no actor that comes in later
    let rounded = 0;
    for (let step = 1; step <= 7; step++) {
      el.step = step;
      await el.updateComplete;
      await new Promise(requestAnimationFrame);
      const later = cy.nodes().filter((node) => !node.visible());
      for (const edge of cy.edges(':visible')) {
        rounded += cy.nodes(':visible').filter((node) => bendsOf(edge).some((bend) => atCorner(node as NodeSingular, bend))).length;
        expect(bendsOf(edge).filter((bend) => later.some((node) => atCorner(node as NodeSingular, bend))), `step ${step}: ${edge.id()}`).toEqual([]);
      }
    }
    // the steps' lines still bend round the actors shown, where those stand in their way
    expect(rounded).toBeGreaterThan(0);
  });
});

describe('an actor that many lines meet', () => {
  it('is drawn taller than its label where there is room, keeps that height through a new state and a new language, and is exported as drawn', async () => {
    const { el, cy, host } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en" theme="projector" static style="height: 100%"></governance-graph>`, {
      width: 1280,
      height: 720,
    });
    const government = () => cy.getElementById('city-gov');
    const grownOverLabel = () => government().data('height') - government().data(LABEL_HEIGHT);
    expect(government().connectedEdges().length).toBeGreaterThan(15);
    expect(grownOverLabel()).toBeGreaterThan(10);
    // a department meets a few lines: drawn at its label's size
    expect(cy.getElementById('housing-department').data(LABEL_HEIGHT)).toBeUndefined();
    const height = government().data('height');
    // a state (a sector hidden) changes no size
    el.hide = 'market';
    await el.updateComplete;
    await new Promise(requestAnimationFrame);
    expect(government().data('height')).toBe(height);
    // the slides draw it as the canvas does
    const deck = await el.exportSlides({ steps: false });
    expect(deck.slides[0].panels[0].actors.find((actor) => actor.id === 'city-gov')!.height).toBe(height);
    // in Chinese its label is one line: grown again from that label's height, not from the English one
    const redrawn = nextEvent(host, 'graph-ready');
    el.lang = 'zh';
    await redrawn;
    expect(government().data(LABEL_HEIGHT)).toBeLessThan(cy.getElementById('water-department').data('height') + 1);
    expect(grownOverLabel()).toBeGreaterThan(10);
  });
});
