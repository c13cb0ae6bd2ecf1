import JSZip from 'jszip';
import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/app/governance-app.js';
import type { GovernanceCompare } from '../../src/components/governance-compare.js';
import { extentOfActors } from '../../src/render/layout.js';
import { nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname + location.search);
});

/** Slide XML of a .pptx, in slide order, with its notes. */
async function slidesOf(blob: Blob) {
  const zip = await JSZip.loadAsync(await blob.arrayBuffer());
  const read = (pattern: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((name) => pattern.test(name))
        .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
        .map((name) => zip.file(name)!.async('string')),
    );
  return { slides: await read(/^ppt\/slides\/slide\d+\.xml$/), notes: await read(/^ppt\/notesSlides\/notesSlide\d+\.xml$/) };
}

/** Clicks an item of the app's File menu and returns what it downloads. */
async function download(app: HTMLElement, label: string): Promise<{ name: string; blob: Blob }> {
  const downloads: { name: string; blob: Blob }[] = [];
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    fetch(this.href)
      .then((r) => r.blob())
      .then((blob) => downloads.push({ name: this.download, blob }));
  };
  try {
    await userEvent.click(app.shadowRoot!.querySelector<HTMLElement>('.menu summary')!);
    const button = [...app.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.trim() === label)!;
    await userEvent.click(button);
    await expect.poll(() => downloads.length, { timeout: 15_000 }).toBe(1);
    return downloads[0];
  } finally {
    HTMLAnchorElement.prototype.click = click;
  }
}

async function openApp(hash: string, event = 'graph-ready') {
  history.replaceState(null, '', hash);
  const app = document.createElement('governance-app');
  const ready = nextEvent(app, event);
  document.body.append(app);
  await ready;
  return app;
}

describe('Export PowerPoint', () => {
  it("the app's File → Export PowerPoint downloads a .pptx of the view, one slide per presentation step, with notes", async () => {
    const app = await openApp('#view=overview&lang=en');
    const { name, blob } = await download(app, 'Export PowerPoint');
    expect(name).toBe('governance-domestic-overview-en.pptx');
    expect(blob.type).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    const { slides, notes } = await slidesOf(blob);
    expect(slides).toHaveLength(7);
    expect(notes).toHaveLength(7);
    expect(slides[6]).toContain('name="actor city-gov"');
    expect(slides[6]).toContain('<a:t>Municipal</a:t>');
    expect(slides[6]).toContain('<a:t>Government</a:t>');
  });

  it("the app's File → Export PowerPoint in the compare view gives one slide with both models side by side", async () => {
    history.replaceState(null, '', '#model=compare&lang=en');
    const app = document.createElement('governance-app');
    document.body.append(app);
    await expect.poll(() => app.shadowRoot!.querySelector('governance-compare')).toBeTruthy();
    const compare = app.shadowRoot!.querySelector('governance-compare') as GovernanceCompare;
    // both sides drawn
    await expect.poll(() => compare.exportSlides().then(() => true, () => false), { timeout: 15_000 }).toBe(true);
    const { name, blob } = await download(app, 'Export PowerPoint');
    expect(name).toBe('governance-compare-all-en.pptx');
    const { slides } = await slidesOf(blob);
    expect(slides).toHaveLength(1);
    expect(slides[0]).toContain('name="panel title 1"');
    expect(slides[0]).toContain('name="panel title 2"');
    expect(slides[0]).toContain('name="actor resilience-office"');
    expect(slides[0]).toContain('name="actor city-party"');
  });

  it('places every actor where the canvas draws it, and makes one slide of a trace', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city" lang="en" trace="water-department"></governance-graph>`);
    const deck = await el.exportSlides();
    expect(deck.slides).toHaveLength(1);
    expect(deck.slides[0].caption).toBe('Chains of responsibility: Water Affairs Bureau');
    for (const actor of deck.slides[0].panels[0].actors) expect({ x: actor.x, y: actor.y }, actor.id).toEqual(cy.getElementById(actor.id).position());
    const { slides, notes } = await slidesOf(await el.exportPptx());
    expect(slides).toHaveLength(1);
    expect(notes[0]).toContain('Water Affairs Bureau');
  });

  it("puts every line's middle, where a mark of the author's reading sits, where the canvas draws it", async () => {
    const compared = { marked: 0, routed: 0, fanned: 0 };
    // with the market hidden the lines run round what is shown, on the canvas and on the slide alike; the whole model is
    // too large to route, so its pairs of relations fan out on Cytoscape's curves: those are compared there
    for (const [view, hide] of [['overview', ''], ['market-society', ''], ['beijing', ''], ['overview', 'market'], ['', '']]) {
      const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view=${view} hide=${hide} lang="en" theme="projector"></governance-graph>`, { width: 1280, height: 720 });
      const { relations } = (await el.exportSlides({ steps: false })).slides[0].panels[0];
      expect(relations.length, view).toBe(cy.edges(':visible').length);
      for (const relation of relations.filter((relation) => view || relation.control)) {
        // Cytoscape moves a straight line's middle a quarter of its arrowhead's gap toward it: at most 2.5 graph units (the
        // widest line's, 4.55 units × 1.1 × 2 / 4), a hair beside a mark 23 units across
        const drawn = cy.getElementById(relation.id).midpoint();
        expect(Math.hypot(relation.middle.x - drawn.x, relation.middle.y - drawn.y), `${view}: ${relation.id}`).toBeLessThan(2.6);
        compared.marked += Number(relation.inferred);
        compared.routed += Number(Boolean(relation.bends));
        compared.fanned += Number(Boolean(relation.control));
      }
      document.body.replaceChildren();
    }
    // straight, fanned and routed lines were compared, marked ones among them
    expect(Object.values(compared).every((count) => count > 0), JSON.stringify(compared)).toBe(true);
  });

  it('frames a slide round the lines routed outside its actors too, as the canvas is fitted', async () => {
    let outside = 0;
    for (const view of ['overview', 'city', 'beijing', 'market-society'])
      for (const lang of ['zh', 'en']) {
        const { el } = await renderGraph(html`<governance-graph model="domestic" view=${view} lang=${lang} theme="projector" static style="height: 100%"></governance-graph>`, { width: 1280, height: 720 });
        const { box, actors, relations } = (await el.exportSlides({ steps: false })).slides[0].panels[0];
        const around = extentOfActors(actors);
        for (const bend of relations.flatMap((relation) => relation.bends ?? [])) {
          expect(bend.x >= box.x1 && bend.x <= box.x2 && bend.y >= box.y1 && bend.y <= box.y2, `${view} ${lang}: ${bend.x}, ${bend.y}`).toBe(true);
          outside += Number(bend.x < around.x1 || bend.x > around.x2 || bend.y < around.y1 || bend.y > around.y2);
        }
        document.body.replaceChildren();
      }
    // some lines do run outside the actors
    expect(outside).toBeGreaterThan(0);
  });

  it('refuses, saying why, before the graph is drawn', async () => {
    const el = document.createElement('governance-graph');
    el.setAttribute('model', 'domestic');
    await expect(el.exportPptx()).rejects.toThrow(/not drawn yet/);
  });
});
