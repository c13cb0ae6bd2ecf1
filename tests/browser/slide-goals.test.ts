import type { Core } from 'cytoscape';
import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { TIERS } from '../../src/model/vocabulary.js';
import { tierOf } from '../../src/render/layout.js';
import { inferredBadge, THEME_COLOURS } from '../../src/render/palette.js';
import { ROUTE_CLEARANCE } from '../../src/render/routing.js';
import { measureSlide, shownSlide, SLIDE_GOALS } from '../../src/render/slide-metrics.js';
import { nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/**
 * Every view of every built-in model (a model without views as a whole), in both languages, in the themes slides are
 * shown in, on a whole 1280×720 slide; and in the light theme under a slide's title (1200×600). The projector theme
 * under a title is asserted on the slide goals alone (below): two marks of the city view meet there (see the README).
 */
const slides = Object.values(BUILTIN_MODELS).flatMap((graph) =>
  (graph.views?.length ? graph.views.map((view) => view.id) : [undefined]).flatMap((view) =>
    (['zh', 'en'] as const).flatMap((lang) =>
      [
        ...(['projector', 'light'] as const).map((theme) => ({ theme, width: 1280, height: 720 })),
        { theme: 'light' as const, width: 1200, height: 600 },
      ].map((slide) => ({ model: graph.id, view, lang, ...slide })),
    ),
  ),
);

describe('built-in views on a 1280×720 slide in the projector and the light theme, and under a title in the light theme', () => {
  it.each(slides)('$model $view $lang $theme $width×$height: no actor overlaps another, no relation is drawn through a third actor, no more lines cross than the goal allows, labels reach the theme’s goal (the projector’s reads from the back of a hall), the graph fills the slide as the goals ask both ways, neighbours in a row leave room for the arrow between them, marks of the author’s reading stand clear of each other and of actors, leaders stand above what they lead', async ({ model, view, lang, theme, width, height }) => {
    const { cy } = await renderGraph(html`<governance-graph model=${model} view=${view ?? ''} lang=${lang} theme=${theme} static style="height: 100%"></governance-graph>`, { width, height });
    const figures = measureSlide(shownSlide(cy));
    expect(figures.overlaps).toEqual([]);
    expect(figures.passThroughs).toEqual([]);
    expect(figures.crossings.length).toBeLessThanOrEqual(SLIDE_GOALS.crossings);
    expect(figures.labelPx).toBeGreaterThanOrEqual(SLIDE_GOALS.labelPx[theme]);
    expect(Math.max(figures.fill.width, figures.fill.height)).toBeGreaterThanOrEqual(SLIDE_GOALS.fillMajor);
    expect(Math.min(figures.fill.width, figures.fill.height)).toBeGreaterThanOrEqual(SLIDE_GOALS.fillMinor);
    // two actors side by side in a row that a relation joins leave room between them for its arrowhead and its mark (∗)
    const shown = shownSlide(cy);
    const byId = new Map(shown.actors.map((actor) => [actor.id, actor]));
    for (const { source, target } of shown.relations) {
      const [a, b] = [byId.get(source)!, byId.get(target)!];
      if (Math.abs(a.y - b.y) > 1) continue;
      expect(Math.abs(a.x - b.x) - (a.width + b.width) / 2, `${source} beside ${target}`).toBeGreaterThanOrEqual(40);
    }
    // each mark of the author's reading (∗) stands clear of the others (two meeting read as a blot) and of every actor, as
    // far as lines keep from actors at least (a line hugging an actor leaves its mark no more room; half a unit for rounding)
    const radius = inferredBadge(THEME_COLOURS[theme].scale).radius;
    const marks = cy.edges(':visible[?inferred]').map((edge) => ({ id: edge.id(), ...edge.midpoint() }));
    marks.forEach((mark, i) => {
      for (const other of marks.slice(i + 1)) expect(Math.hypot(mark.x - other.x, mark.y - other.y), `${mark.id} meets ${other.id}`).toBeGreaterThanOrEqual(2 * radius);
      for (const node of cy.nodes(':visible')) {
        const { x, y } = node.position();
        const [dx, dy] = [Math.max(0, Math.abs(mark.x - x) - node.data('width') / 2), Math.max(0, Math.abs(mark.y - y) - node.data('height') / 2)];
        expect(Math.hypot(dx, dy), `${mark.id} on ${node.id()}`).toBeGreaterThan(Math.min(radius, ROUTE_CLEARANCE) - 0.5);
      }
    });
    // 政府主导: a Party actor stands above what it leads, a government never below it (beside, at most)
    for (const edge of cy.edges(':visible')) {
      const [leader, led] = [tierOf(edge.source().data()), tierOf(edge.target().data())];
      if (leader > TIERS.leaders || leader > led) continue;
      const [above, below] = [edge.source().renderedPosition().y, edge.target().renderedPosition().y];
      expect(below - above, `${edge.source().id()} above ${edge.target().id()}`).toBeGreaterThan(leader === TIERS.min ? 1 : -1);
    }
  });
});

const underTitle = slides.filter(({ theme, width }) => theme === 'projector' && width === 1280).map((slide) => ({ ...slide, width: 1200, height: 600 }));

describe('built-in views under a slide’s title (1200×600) in the projector theme', () => {
  it.each(underTitle)('$model $view $lang: the slide goals hold, labels reading from the back of a hall', async ({ model, view, lang, width, height }) => {
    const { cy } = await renderGraph(html`<governance-graph model=${model} view=${view ?? ''} lang=${lang} theme="projector" static style="height: 100%"></governance-graph>`, { width, height });
    const figures = measureSlide(shownSlide(cy));
    expect(figures.overlaps).toEqual([]);
    expect(figures.passThroughs).toEqual([]);
    expect(figures.crossings.length).toBeLessThanOrEqual(SLIDE_GOALS.crossings);
    expect(figures.labelPx).toBeGreaterThanOrEqual(SLIDE_GOALS.labelPx.projector);
    expect(Math.max(figures.fill.width, figures.fill.height)).toBeGreaterThanOrEqual(SLIDE_GOALS.fillMajor);
    expect(Math.min(figures.fill.width, figures.fill.height)).toBeGreaterThanOrEqual(SLIDE_GOALS.fillMinor);
  });
});

describe('the legend on a slide', () => {
  it('is the entries alone in static mode, without the heading that folds them, and leaves the graph more of the slide', async () => {
    const legendOf = async (mode: 'static' | 'interactive') => {
      const { el } = await renderGraph(
        mode === 'static'
          ? html`<governance-graph model="domestic" view="overview" lang="en" theme="projector" static style="height: 100%"></governance-graph>`
          : html`<governance-graph model="domestic" view="overview" lang="en" theme="projector" style="height: 100%"></governance-graph>`,
        { width: 1280, height: 720 },
      );
      const legend = el.shadowRoot!.querySelector('governance-legend')!;
      const found = { summary: legend.shadowRoot!.querySelector('summary'), entries: legend.shadowRoot!.querySelectorAll('button').length, height: legend.getBoundingClientRect().height };
      document.body.replaceChildren();
      return found;
    };
    const [slide, page] = [await legendOf('static'), await legendOf('interactive')];
    expect(slide.summary).toBeNull();
    expect(page.summary).not.toBeNull();
    expect(slide.entries).toBe(page.entries);
    expect(slide.height).toBeLessThan(page.height - 20);
  });
});

/** The legend's box on the canvas, and the actors and lines the graph draws into it. */
function legendOver(el: HTMLElement, cy: Core) {
  const legend = el.shadowRoot!.querySelector('governance-legend')!;
  const canvas = el.shadowRoot!.querySelector('[part="canvas"]')!.getBoundingClientRect();
  const box = legend.getBoundingClientRect();
  const [x1, y1, x2, y2] = [box.left - canvas.left, box.top - canvas.top, box.right - canvas.left, box.bottom - canvas.top];
  const inside = ({ x, y }: { x: number; y: number }) => x > x1 && x < x2 && y > y1 && y < y2;
  const { actors, relations } = shownSlide(cy);
  const overlapping = actors.filter(({ x, y, width, height }) => x - width / 2 < x2 && x + width / 2 > x1 && y - height / 2 < y2 && y + height / 2 > y1);
  // each line looked at every twentieth of each of its pieces
  const crossing = relations.filter(({ points = [] }) =>
    points.some((to, i) => i > 0 && Array.from({ length: 21 }, (_, k) => ({ x: points[i - 1].x + ((to.x - points[i - 1].x) * k) / 20, y: points[i - 1].y + ((to.y - points[i - 1].y) * k) / 20 })).some(inside)),
  );
  return { legend, top: y1, bottom: y2, canvasHeight: canvas.height, actors, over: [...overlapping, ...crossing].map(({ id }) => id) };
}

describe('the legend over a slide of a whole view', () => {
  it('stands in a corner the graph leaves empty where that draws the type larger, clear of every actor and line', async () => {
    // the English overview under a slide's title: with the legend under it, 15.6 px
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en" theme="projector" static style="height: 100%"></governance-graph>`, { width: 1200, height: 600 });
    const { legend, over } = legendOver(el, cy);
    expect(legend.dataset.corner).toMatch(/^(top|bottom)-(left|right)$/);
    expect(over).toEqual([]);
    expect(measureSlide(shownSlide(cy)).labelPx).toBeGreaterThanOrEqual(SLIDE_GOALS.labelPx.projector);
  });

  it('stands under the graph where no corner has the room, the graph above it', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="beijing" lang="en" theme="projector" static style="height: 100%"></governance-graph>`, { width: 1280, height: 720 });
    const { legend, top, bottom, canvasHeight, actors, over } = legendOver(el, cy);
    expect(legend.dataset.corner).toBeUndefined();
    expect(bottom).toBeCloseTo(canvasHeight, 0);
    expect(over).toEqual([]);
    expect(Math.max(...actors.map(({ y, height }) => y + height / 2))).toBeLessThanOrEqual(top);
  });

  it('keeps its row under the graph at a step, where the step’s caption sits, and with a trace, where its chains do', async () => {
    for (const attributes of ['step="2"', 'trace="water-department"']) {
      const host = document.createElement('div');
      host.style.cssText = 'width: 1280px; height: 720px';
      host.innerHTML = `<governance-graph model="domestic" view="overview" lang="en" theme="projector" static ${attributes} style="height: 100%"></governance-graph>`;
      const ready = nextEvent(host, 'graph-ready');
      document.body.append(host);
      await ready;
      const legend = host.querySelector('governance-graph')!.shadowRoot!.querySelector('governance-legend')!;
      expect(getComputedStyle(legend).position, attributes).toBe('static');
      expect(legend.dataset.corner, attributes).toBeUndefined();
      host.remove();
    }
  });
});

describe('laid out toward the element’s shape', () => {
  it('a tall element gets a taller layout of the same view, filling it', async () => {
    const shape = async (width: number, height: number) => {
      const { cy } = await renderGraph(html`<governance-graph model="domestic" view="beijing" lang="en" static style="height: 100%"></governance-graph>`, { width, height });
      const figures = measureSlide(shownSlide(cy));
      const box = cy.nodes(':visible').boundingBox();
      document.body.replaceChildren();
      return { aspect: box.w / box.h, figures };
    };
    const wide = await shape(1280, 720);
    const tall = await shape(700, 1000);
    expect(tall.aspect).toBeLessThan(wide.aspect * 0.8);
    expect(Math.max(tall.figures.fill.width, tall.figures.fill.height)).toBeGreaterThanOrEqual(SLIDE_GOALS.fillMajor);
    expect(tall.figures.overlaps).toEqual([]);
  });
});
