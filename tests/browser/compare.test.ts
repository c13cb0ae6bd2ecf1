import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/governance-compare.js';
import type { GovernanceCompare } from '../../src/components/governance-compare.js';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { BUILTIN_COMPARISON, BUILTIN_MODELS } from '../../src/model/builtin.js';
import { longestChain } from '../../src/model/trace.js';
import { selectView } from '../../src/render/elements.js';
import { SLIDE_GOALS } from '../../src/render/slide-metrics.js';
import { cyOf, nextEvent } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

/** A compare element at slide size, once both sides are drawn. */
async function renderCompare(attributes = '', { width = 1280, height = 720 } = {}) {
  const host = document.createElement('div');
  host.style.cssText = `width: ${width}px; height: ${height}px`;
  document.body.append(host);
  host.innerHTML = `<governance-compare ${attributes} style="height: 100%"></governance-compare>`;
  const el = host.querySelector('governance-compare') as GovernanceCompare;
  await el.updateComplete;
  const [left, right] = [el.shadowRoot!.querySelector('[part="left"]'), el.shadowRoot!.querySelector('[part="right"]')] as GovernanceGraph[];
  await Promise.all([nextEvent(left, 'graph-ready'), nextEvent(right, 'graph-ready')]);
  await el.updateComplete;
  // the legend, which lists what both sides show, appears once they are drawn; the sides refit to the room it leaves in that frame
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return { el, left, right, leftCy: cyOf(left)!, rightCy: cyOf(right)! };
}

describe('<governance-compare>', () => {
  it('draws both models side by side, the domestic overview on the left', async () => {
    const { leftCy, rightCy } = await renderCompare('lang="en"');
    const overview = BUILTIN_MODELS.domestic.views!.find((v) => v.id === BUILTIN_COMPARISON.leftView)!;
    expect(leftCy.nodes()).toHaveLength(overview.actors.length);
    expect(rightCy.nodes()).toHaveLength(BUILTIN_MODELS.foreign.nodes.length);
  });

  it('lays each side out for its own pane: the foreign model flat, its market and society beside the city and what the city set up one row beneath, both filling their panes', async () => {
    const { leftCy, rightCy } = await renderCompare('lang="en"');
    const y = (id: string) => rightCy.getElementById(id).position('y');
    const x = (id: string) => rightCy.getElementById(id).position('x');
    expect([y('market'), y('society')]).toEqual([y('city-government'), y('city-government')]);
    expect(Math.sign(x('market') - x('city-government'))).toBe(-Math.sign(x('society') - x('city-government')));
    const bodies = ['resilience-unit', 'resilience-office', 'chief-resilience-officer'];
    expect(new Set(bodies.map(y)).size).toBe(1);
    expect(y(bodies[0])).toBeGreaterThan(y('city-government'));
    for (const cy of [leftCy, rightCy]) {
      const box = cy.nodes(':visible').renderedBoundingBox();
      expect(Math.max(box.w / cy.width(), box.h / cy.height())).toBeGreaterThan(0.8);
    }
  });

  it('gives the side with more actors the wider pane, and lays each out for its pane’s size: larger type than in halves', async () => {
    const { el, left, right, leftCy } = await renderCompare('lang="zh" theme="projector" static hide-table');
    const [l, r] = [left.getBoundingClientRect().width, right.getBoundingClientRect().width];
    expect(l).toBeGreaterThan(r * 1.3);
    expect(r).toBeGreaterThan((l + r) * 0.35);
    // 19 actors in a pane of 60 % of a slide: still large enough to read from the middle of a hall
    expect(Number.parseFloat(leftCy.nodes().first().renderedStyle('font-size'))).toBeGreaterThan(13);
    expect(el.shadowRoot!.querySelector('governance-legend')!.hasAttribute('compact')).toBe(true);
  });

  it('on a slide (static) both sides are static, without search boxes; left-view shows another view of the left model', async () => {
    const { left, right, leftCy } = await renderCompare('lang="en" static left-view="city" hide-table');
    for (const side of [left, right]) {
      expect(side.static).toBe(true);
      expect(side.shadowRoot!.querySelector('[part="search"]')).toBeNull();
    }
    const city = BUILTIN_MODELS.domestic.views!.find((v) => v.id === 'city')!;
    expect(leftCy.nodes().map((node) => node.id()).sort()).toEqual([...city.actors].sort());
  });

  it('says the difference in one line above the graphs: the longest chain of accountability on each side, in the panes’ order', async () => {
    const { el } = await renderCompare('lang="en" theme="projector" static');
    const part = el.shadowRoot!.querySelector<HTMLElement>('[part="headline"]')!;
    const domestic = longestChain(BUILTIN_MODELS.domestic)!.links.length;
    const foreign = longestChain(BUILTIN_MODELS.foreign)!.links.length;
    expect(domestic).toBeGreaterThan(foreign);
    // what a screen reader reads names each side; what the slide shows is the contrast, on one line
    const read = part.textContent!.replace(/\s+/g, ' ').trim();
    expect(read).toMatch(/^Longest chain of accountability:/);
    expect(read).toContain(`${BUILTIN_MODELS.domestic.title.en} ${domestic} links against ${BUILTIN_MODELS.foreign.title.en} ${foreign} link`);
    const shownText = (node: Node): string =>
      node instanceof HTMLElement ? (node.classList.contains('visually-hidden') ? '' : [...node.childNodes].map(shownText).join('')) : node.nodeType === Node.TEXT_NODE ? node.textContent! : '';
    expect(shownText(part).replace(/\s+/g, ' ').trim()).toBe(`Longest chain of accountability: ${domestic} links against ${foreign} link`);
    const lineHeight = Number.parseFloat(getComputedStyle(part).fontSize) * 1.6;
    expect(part.getBoundingClientRect().height).toBeLessThan(lineHeight);
    // with both languages shown, one sentence in one language, still on one line
    el.lang = 'both';
    await el.updateComplete;
    expect(shownText(part).replace(/\s+/g, ' ').trim()).toBe(`最长责任链：${domestic} 环 对 ${foreign} 环`);
    expect(part.getAttribute('lang')).toBe('zh');
    expect(part.getBoundingClientRect().height).toBeLessThan(lineHeight);
  });

  it('puts the one legend under the side of fewer actors, whichever side that is, as its own part: no model’s section', async () => {
    const { el, left, right } = await renderCompare('left="foreign" right="domestic" lang="en" theme="projector" static hide-table');
    const under = (pane: GovernanceGraph, other: GovernanceGraph) => {
      const legend = el.shadowRoot!.querySelector('[part="legend"]')!;
      // the pane's column: its section, border included
      const [box, p, o] = [legend.getBoundingClientRect(), pane.closest('section')!.getBoundingClientRect(), other.getBoundingClientRect()];
      expect(box.left).toBeGreaterThanOrEqual(p.left - 1);
      expect(box.right).toBeLessThanOrEqual(p.right + 1);
      expect(box.top).toBeGreaterThanOrEqual(p.bottom - 1);
      // the other side takes the whole height beside it
      expect(o.bottom).toBeGreaterThan(box.top + box.height / 2);
      expect(legend.closest('section')).toBeNull();
    };
    under(left, right);
    // the sides swapped: the legend follows the flat model
    el.left = 'domestic';
    el.right = 'foreign';
    await Promise.all([nextEvent(left, 'graph-ready'), nextEvent(right, 'graph-ready')]);
    await el.updateComplete;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    under(right, left);
  });

  it('on a slide, reads from across a room: both panes’ type at the slide goals, the legend under the flat model so the layered one takes the whole height', async () => {
    for (const [lang, goal] of [
      ['en', SLIDE_GOALS.labelPx.light],
      ['zh', SLIDE_GOALS.labelPx.projector],
    ] as const) {
      const { el, left, right } = await renderCompare(`lang="${lang}" theme="projector" static hide-table`);
      for (const side of [left, right]) {
        const figures = side.slideFigures();
        const name = `${lang} ${side.getAttribute('part')}`;
        expect(figures.labelPx, name).toBeGreaterThanOrEqual(goal);
        expect(figures.overlaps, name).toEqual([]);
        expect(figures.passThroughs, name).toEqual([]);
        expect(figures.crossings.length, name).toBeLessThanOrEqual(SLIDE_GOALS.crossings);
      }
      // the Party above what it leads: 党中央 over 市委, 市委 over the government
      const y = (id: string) => cyOf(left)!.getElementById(id).renderedPosition().y;
      expect(y('cpc-central'), lang).toBeLessThan(y('city-party') - 20);
      expect(y('city-party'), lang).toBeLessThan(y('city-gov') - 20);
      const legend = el.shadowRoot!.querySelector('[part="legend"]')!.getBoundingClientRect();
      const [l, r] = [left.getBoundingClientRect(), right.getBoundingClientRect()];
      expect(legend.left).toBeGreaterThanOrEqual(right.closest('section')!.getBoundingClientRect().left - 1);
      expect(legend.top).toBeGreaterThanOrEqual(r.bottom - 1);
      expect(l.bottom).toBeGreaterThan(legend.top + legend.height / 2);
      document.body.replaceChildren();
    }
  });

  it('counts in the headline what each side shows: with left-view, the longest chain within that view', async () => {
    const { el } = await renderCompare('lang="en" left-view="city" hide-table');
    const { actors, relations } = selectView(BUILTIN_MODELS.domestic, 'city');
    const city = longestChain({ ...BUILTIN_MODELS.domestic, nodes: actors, edges: relations })!.links.length;
    // the whole model's chain runs on past the city's Party committee, which the city view does not show
    expect(city).toBeLessThan(longestChain(BUILTIN_MODELS.domestic)!.links.length);
    const headline = el.shadowRoot!.querySelector('[part="headline"]')!.textContent!.replace(/\s+/g, ' ');
    expect(headline).toContain(`${BUILTIN_MODELS.domestic.title.en} ${city} links`);
  });

  it('hovering an actor marks its counterparts on the other side', async () => {
    const { left, leftCy, rightCy } = await renderCompare();
    const { x, y } = leftCy.getElementById('coordination-bodies').renderedPosition();
    await userEvent.hover(left.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    await expect.poll(() => rightCy.$('.marked').map((n) => n.id()).sort()).toEqual(['chief-resilience-officer', 'resilience-office', 'resilience-unit']);
  });

  it('shows the comparison table in either language, saying where the source is silent', async () => {
    const { el } = await renderCompare('lang="en"');
    let table = el.shadowRoot!.querySelector('[part="table"]')!;
    expect(table.querySelectorAll('tr[data-row]')).toHaveLength(BUILTIN_COMPARISON.rows.length);
    expect(table.querySelector('tr[data-row="promotion-mechanism"]')!.textContent).toContain('Generally promoted at city or metropolitan level');
    expect(table.querySelector('tr[data-row="function"] td.not-stated')!.textContent).toContain('Not stated in the source');
    el.lang = 'zh';
    await el.updateComplete;
    table = el.shadowRoot!.querySelector('[part="table"]')!;
    expect(table.querySelector('tr[data-row="promotion-mechanism"]')!.textContent).toContain('一般在城市或城市圈层面推动');
    expect(table.querySelector('tr[data-row="function"] td.not-stated')!.textContent).toContain('原文未说明');
  });

  it('summarises the difference with the counts of the data', async () => {
    const { el } = await renderCompare('lang="en"');
    const count = (side: string, what: string) => Number(el.shadowRoot!.querySelector(`[data-side="${side}"] [data-count="${what}"]`)!.textContent);
    expect(count('domestic', 'actors')).toBe(BUILTIN_MODELS.domestic.nodes.length);
    expect(count('foreign', 'relations')).toBe(BUILTIN_MODELS.foreign.edges.length);
    expect(count('domestic', 'longest-chain')).toBeGreaterThan(count('foreign', 'longest-chain'));
    const leads = el.shadowRoot!.querySelector('[data-side="domestic"] [data-relation="leads"]')!.textContent!;
    expect(leads).toContain(String(BUILTIN_MODELS.domestic.edges.filter((e) => e.relation === 'leads').length));
  });

  it('hides the table on request and filters both sides from one legend', async () => {
    const { el, leftCy, rightCy } = await renderCompare('hide-table');
    expect(el.shadowRoot!.querySelector('[part="table"]')).toBeNull();
    const legend = el.shadowRoot!.querySelector('[part="legend"]')!;
    await userEvent.click(legend.shadowRoot!.querySelector<HTMLElement>('button[data-key="market"]')!);
    await expect.poll(() => rightCy.getElementById('market').visible()).toBe(false);
    expect(leftCy.getElementById('social-capital').visible()).toBe(false);
  });
});
