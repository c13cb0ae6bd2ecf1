import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { INFERRED_MARK, isInferred } from '../../src/model/vocabulary.js';
import { selectView } from '../../src/render/elements.js';
import { cyOf, nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

const domestic = BUILTIN_MODELS.domestic;
/** The relation the audit found presented as stated: central leadership of city committees is background knowledge. */
const READING = 'cpc-central--leads--city-party';
const STATED = 'city-party--leads--city-gov';

const shadowText = (root: Element | null) => (root as HTMLElement & { shadowRoot: ShadowRoot }).shadowRoot.textContent ?? '';

describe("the author's readings (inferred relations)", () => {
  it('carry their mark on the line, and stated relations none', async () => {
    const { cy } = await renderGraph(html`<governance-graph model="domestic" view="overview"></governance-graph>`);
    expect(cy.getElementById(READING).style('label')).toBe(INFERRED_MARK);
    expect(cy.getElementById(STATED).style('label')).toBe('');
    // the mark sits on the middle of the line, inside the canvas
    const { x, y } = cy.getElementById(READING).renderedMidpoint();
    expect(x).toBeGreaterThan(0);
    expect(y).toBeGreaterThan(0);
  });

  it('are explained in the legend, which hides and shows them all', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en"></governance-graph>`);
    const legend = el.shadowRoot!.querySelector('governance-legend')!;
    const button = legend.shadowRoot!.querySelector<HTMLButtonElement>('button[data-key="inferred"]')!;
    expect(button.textContent).toContain("The author's reading");
    const changed = nextEvent<{ hidden: string[] }>(el, 'filter-change');
    await userEvent.click(button);
    expect((await changed).detail.hidden).toEqual(['inferred']);
    await el.updateComplete;
    expect(cy.getElementById(READING).visible()).toBe(false);
    expect(cy.getElementById(STATED).visible()).toBe(true);
    expect(el.hide).toBe('inferred');
  });

  it('are not in the legend of a view that has none', async () => {
    expect(selectView(domestic, 'pilots').relations.filter(isInferred)).toEqual([]);
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="pilots" lang="en"></governance-graph>`);
    const legend = el.shadowRoot!.querySelector('governance-legend')!;
    expect(legend.shadowRoot!.querySelector('button[data-key="inferred"]')).toBeNull();
  });

  it("say in the panel what the reading rests on, and mark the verb in the chain sentences", async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en"></governance-graph>`);
    const { x, y } = cy.getElementById('city-party').renderedPosition();
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    const text = shadowText(panel);
    const note = domestic.edges.find((e) => e.id === READING)!.note as { en: string };
    expect(text).toContain(`${INFERRED_MARK} The author's reading: ${note.en}`);
    expect(text).toContain(`CPC Central Committee leads${INFERRED_MARK} Municipal Party Committee`);
  });

  it('are said to be readings in the text alternative', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en"></governance-graph>`);
    const text = el.shadowRoot!.querySelector('#text-alternative')!.textContent!;
    expect(text).toContain("Central Committee of the Communist Party of China: leads Municipal Party Committee (the author's reading)");
  });

  it('keep their mark and its legend entry in the SVG export, which parses', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en"></governance-graph>`);
    const svg = await el.exportSvg();
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const readings = selectView(domestic, 'overview').relations.filter(isInferred);
    expect(readings.length).toBeGreaterThan(0);
    for (const edge of readings) expect(doc.querySelector(`[data-id="${edge.id}"] .inferred text`)?.textContent, edge.id).toBe(INFERRED_MARK);
    expect(doc.querySelector(`[data-id="${STATED}"] .inferred`)).toBeNull();
    expect(doc.querySelector('.legend')!.textContent).toContain("The author's reading");
  });

  it('are left out of the export, legend entry too, when hidden', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en" hide="inferred"></governance-graph>`);
    const doc = new DOMParser().parseFromString(await el.exportSvg(), 'image/svg+xml');
    expect(doc.querySelector(`[data-id="${READING}"]`)).toBeNull();
    expect(doc.querySelectorAll('.inferred')).toHaveLength(0);
    expect(cyOf(el)!.getElementById(STATED).visible()).toBe(true);
  });

  it('name each actor the same in its panel heading as on the graph', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" lang="en"></governance-graph>`);
    const gov = cy.getElementById('city-gov');
    const { x, y } = gov.renderedPosition();
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // the same words, the graph's wrapped into lines
    expect(panel.shadowRoot!.querySelector('h2')!.textContent).toBe(gov.data('label').replaceAll('\n', ' '));
    expect(shadowText(panel)).toContain("Municipal People's Government");
  });
});
