import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { COLOURS } from '../../src/render/palette.js';
import { ownVocabularyGraph } from '../model/fixtures.js';
import { dataUrl, nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

const legendOf = (el: GovernanceGraph) => el.shadowRoot!.querySelector('governance-legend')!.shadowRoot!;

describe('a model with a sector and relations of its own', () => {
  it('draws them with their looks and lists them in the legend, where they filter too', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph src=${dataUrl(ownVocabularyGraph())} lang="en"></governance-graph>`);
    const board = cy.getElementById('board');
    expect(board.style('shape')).toBe('hexagon');
    expect(board.style('background-color')).toBe('rgb(238,136,102)');
    const inspects = cy.getElementById('gov-inspects-board');
    expect(inspects.style('line-style')).toBe('dashed');
    expect(inspects.style('target-arrow-shape')).toBe('vee');
    const legend = legendOf(el);
    const entry = (key: string) => legend.querySelector<HTMLButtonElement>(`button[data-key="${key}"]`)!;
    expect(entry('water-board').textContent!.trim()).toBe('Water boards');
    expect(entry('inspects').textContent!.trim()).toBe('inspects');
    expect(entry('advises').textContent!.trim()).toBe('advises');
    entry('water-board').click();
    await el.updateComplete;
    expect(el.hide).toBe('water-board');
    expect(cy.getElementById('board').style('display')).toBe('none');
  });

  it('traces through its own accountability relation, and through its influence relation on request', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph src=${dataUrl(ownVocabularyGraph())} lang="en"></governance-graph>`);
    const traced = nextEvent<{ upstream: string[][] }>(el, 'trace-change');
    el.trace = 'village';
    expect((await traced).detail.upstream).toEqual([['village', 'board', 'county-gov']]);
    expect(cy.getElementById('gov-inspects-board').hasClass('upstream')).toBe(true);
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    await (panel as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    // the chain in words, with the model's own verb
    expect(panel.shadowRoot!.textContent).toContain('inspects');
    const expert = nextEvent<{ upstream: string[][] }>(el, 'trace-change');
    el.influence = true;
    el.trace = 'expert';
    expect((await expert).detail.upstream).toEqual([['expert', 'board', 'county-gov']]);
  });

  it('exports them: an SVG and slides with their looks and names', async () => {
    const { el } = await renderGraph(html`<governance-graph src=${dataUrl(ownVocabularyGraph())} lang="zh"></governance-graph>`);
    const svg = new DOMParser().parseFromString(await el.exportSvg(), 'image/svg+xml');
    expect(svg.querySelector('parsererror')).toBeNull();
    const text = svg.documentElement.textContent!;
    for (const name of ['水务协会', '督查', '咨询']) expect(text).toContain(name);
    expect(svg.documentElement.outerHTML.toLowerCase()).toContain(COLOURS.orange.colour.toLowerCase());
    const deck = await el.exportSlides();
    const [slide] = deck.slides;
    expect(slide.legend.find((entry) => entry.key === 'water-board')).toMatchObject({ kind: 'sector', name: '水务协会', shape: 'hexagon', fill: COLOURS.orange.colour });
    expect(slide.legend.find((entry) => entry.key === 'inspects')).toMatchObject({ kind: 'relation', name: '督查', arrow: 'vee' });
    expect(slide.notes).toContain('县政府 → 督查 → 灌区水务协会');
    const pptx = await el.exportPptx();
    expect(pptx.size).toBeGreaterThan(10_000);
  });
});

describe("the element's own load errors", () => {
  const broken = dataUrl('{ "id": "x", ');

  /** The text of the error part once `src` has failed, in `lang`. */
  async function errorIn(lang: string, src = broken) {
    const el = document.createElement('governance-graph');
    el.setAttribute('lang', lang);
    el.style.height = '300px';
    const failed = nextEvent<{ message: string }>(el, 'graph-error');
    el.src = src;
    document.body.append(el);
    const { detail } = await failed;
    await el.updateComplete;
    return { el, detail, text: () => el.shadowRoot!.querySelector('[part="error"]')!.textContent! };
  }

  it('are shown in Chinese by a Chinese element, and the event keeps English for scripts', async () => {
    const { detail, text } = await errorIn('zh');
    expect(text()).toContain('不是有效的 JSON(第 1 行第 14 列)');
    expect(text()).not.toContain('not valid JSON');
    expect(detail.message).toMatch(/not valid JSON at line 1/);
  });

  it('are shown in both languages with lang="both", and follow the language when it changes', async () => {
    const { el, text } = await errorIn('both');
    expect(text()).toContain('不是有效的 JSON');
    expect(text()).toContain('not valid JSON');
    el.lang = 'en';
    await el.updateComplete;
    expect(text()).toContain('not valid JSON');
    expect(text()).not.toContain('不是有效的 JSON');
  });

  it("name each validation problem in the element's language", async () => {
    const graph = ownVocabularyGraph();
    graph.vocabulary!.sectors![0].colour = 'orang' as never;
    const { text } = await errorIn('zh', dataUrl(graph));
    expect(text()).toContain('$.vocabulary.sectors[0].colour');
    expect(text()).toContain('调色板中没有颜色 "orang"');
  });
});
