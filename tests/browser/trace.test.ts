import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { commands, userEvent } from 'vitest/browser';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { SEARCH_DELAY } from '../../src/components/governance-search.js';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { chainName } from '../../src/model/trace.js';
import { nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
});

type TraceDetail = { id: string | null; to?: string; upstream: string[][]; downstream: string[][] };

/** The text of the panel (inside its own shadow root) once it has rendered. */
async function panelText(el: GovernanceGraph): Promise<string> {
  await el.updateComplete;
  const panel = el.shadowRoot!.querySelector('[part="panel"]') as (HTMLElement & { updateComplete: Promise<unknown> }) | null;
  if (!panel) return '';
  await panel.updateComplete;
  return panel.shadowRoot!.textContent!.replace(/\s+/g, ' ');
}

describe('tracing in <governance-graph>', () => {
  it('clicking an actor highlights its upstream and downstream chains and dims the rest', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
    const { x, y } = cy.getElementById('emergency-department').renderedPosition();
    const traced = nextEvent<TraceDetail>(el, 'trace-change');
    await userEvent.click(el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    const { detail } = await traced;
    expect(detail.id).toBe('emergency-department');
    // the city view ends at the city's Party committee: the Central Committee is not drawn
    expect(detail.upstream).toContainEqual(['emergency-department', 'city-gov', 'city-party']);
    expect(detail.downstream).toContainEqual(['emergency-department', 'disaster-departments']);
    expect(cy.getElementById('city-gov').hasClass('upstream')).toBe(true);
    expect(cy.getElementById('emergency-department--takes-lead--city-gov').hasClass('upstream')).toBe(true);
    expect(cy.getElementById('disaster-departments').hasClass('downstream')).toBe(true);
    expect(cy.getElementById('water-department').hasClass('dimmed')).toBe(true);
    const text = await panelText(el);
    // every arrow of a chain one way; each link below it as the data states it
    expect(text).toContain('应急管理部门 → 市政府 → 市委');
    expect(text).toContain('应急管理部门 牵头 市政府');
    expect(text).toContain('市委 监督∗ 市政府');
    expect(text).toContain('应急管理部门 → 涉灾部门');
    expect(text).toContain('应急管理部门 统筹协调 涉灾部门');
    expect(text).not.toContain('←');
  });

  it('tracing never moves an actor, and the panel hides none: the graph is refitted into the space it leaves', async () => {
    await commands.emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
      const before = cy.nodes().map((node) => ({ ...node.position() }));
      el.trace = 'disaster-departments';
      await el.updateComplete;
      expect(cy.nodes().map((node) => ({ ...node.position() }))).toEqual(before);
      const panel = el.shadowRoot!.querySelector<HTMLElement>('[part="panel"]')!;
      const panelLeft = panel.getBoundingClientRect().left - el.shadowRoot!.querySelector('[part="canvas"]')!.getBoundingClientRect().left;
      const rightmost = () => Math.max(...cy.nodes().map((node) => node.renderedPosition().x + node.renderedOuterWidth() / 2));
      await expect.poll(rightmost).toBeLessThanOrEqual(panelLeft);
    } finally {
      await commands.emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('on a slide (static), lists the chains in a strip under the graph instead of a panel over it', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city" trace="disaster-departments" lang="en" theme="projector" static style="height: 100%"></governance-graph>`, { width: 1280, height: 720 });
    const root = el.shadowRoot!;
    expect(root.querySelector('[part="panel"]')).toBeNull();
    const strip = root.querySelector<HTMLElement>('[part="chains"]')!;
    expect(strip.textContent).toContain('Upstream: answers to');
    expect(strip.textContent).toContain('Disaster-related departments → Emergency Management → Municipal Government → Municipal Party Committee');
    // disaster-related departments steer no one in the city view: said in words, not left out
    expect(strip.querySelector('.downstream')!.textContent!.replace(/\s+/g, ' ')).toContain('Downstream: steers Steers no one in this view');
    const canvas = root.querySelector('[part="canvas"]')!.getBoundingClientRect();
    const lowest = () => Math.max(...cy.nodes(':visible').map((node) => canvas.top + node.renderedPosition().y + node.renderedOuterHeight() / 2));
    await expect.poll(lowest).toBeLessThanOrEqual(strip.getBoundingClientRect().top);
    el.removeAttribute('trace');
    await el.updateComplete;
    expect(root.querySelector('[part="chains"]')).toBeNull();
  });

  it('on a slide, says in words, in either language, when no chain connects the two actors of trace-to, or the actor steers no one', async () => {
    const { el } = await renderGraph(
      html`<governance-graph model="domestic" view="city" trace="disaster-departments" trace-to="water-department" lang="en" theme="projector" static style="height: 100%"></governance-graph>`,
      { width: 1280, height: 720 },
    );
    const strip = () => el.shadowRoot!.querySelector('[part="chains"]')?.textContent?.replace(/\s+/g, ' ').trim();
    const [from, to] = ['disaster-departments', 'water-department'];
    expect(strip()).toBe(`In this view, no chain of responsibility connects ${chainName(BUILTIN_MODELS.domestic, from, 'en')} and ${chainName(BUILTIN_MODELS.domestic, to, 'en')}`);
    el.lang = 'zh';
    await el.updateComplete;
    expect(strip()).toBe(`本视图中没有责任链连接 ${chainName(BUILTIN_MODELS.domestic, from, 'zh')} 与 ${chainName(BUILTIN_MODELS.domestic, to, 'zh')}`);
    el.traceTo = undefined;
    await el.updateComplete;
    expect(strip()).toContain('向下:领导、协调谁 本视图中不领导或协调其他主体');
    // the whole model: the words say so
    el.view = undefined;
    await el.updateComplete;
    expect(strip()).toContain('本模型中不领导或协调其他主体');
  });

  it('the trace attribute reproduces a trace and fires trace-change with chains nearest first', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const traced = nextEvent<TraceDetail>(host, 'trace-change');
    host.innerHTML = '<governance-graph model="domestic" trace="disaster-departments" lang="en"></governance-graph>';
    const { detail } = await traced;
    expect(detail.upstream[0]).toEqual(['disaster-departments', 'city-party', 'cpc-central']);
    expect(detail.upstream).toContainEqual(['disaster-departments', 'city-gov', 'city-party', 'cpc-central']);
    expect(detail.upstream).toContainEqual(['disaster-departments', 'emergency-department', 'city-gov', 'city-party', 'cpc-central']);
    const el = host.querySelector('governance-graph')!;
    await nextEvent(el, 'graph-ready');
    const text = await panelText(el);
    expect(text).toContain('Disaster-related departments → Emergency Management → Municipal Government → Municipal Party Committee → CPC Central Committee');
    expect(text).toContain('Emergency Management coordinates Disaster-related departments');
  });

  it('in a view, follows chains only through the actors it shows', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const traced = nextEvent<TraceDetail>(host, 'trace-change');
    host.innerHTML = '<governance-graph model="domestic" view="city" trace="disaster-departments" lang="en"></governance-graph>';
    const { detail } = await traced;
    const inView = new Set(BUILTIN_MODELS.domestic.views!.find((view) => view.id === 'city')!.actors);
    // the whole model leads on to the Central Committee, which the city view does not show
    expect(inView.has('cpc-central')).toBe(false);
    expect(detail.upstream).toContainEqual(['disaster-departments', 'city-party']);
    for (const chain of [...detail.upstream, ...detail.downstream]) for (const id of chain) expect(inView.has(id), id).toBe(true);
    const el = host.querySelector('governance-graph')!;
    await nextEvent(el, 'graph-ready');
    expect(await panelText(el)).not.toContain('CPC Central Committee');
  });

  it('trace-to shows the chain between two actors, or says that none connects them', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" trace="emergency-department" trace-to="city-party" lang="en"></governance-graph>`);
    expect(cy.getElementById('city-gov').hasClass('upstream')).toBe(true);
    expect(cy.getElementById('disaster-departments').hasClass('dimmed')).toBe(true);
    expect(await panelText(el)).toContain('Emergency Management → Municipal Government → Municipal Party Committee');
    expect(await panelText(el)).toContain('Emergency Management takes the lead for Municipal Government');
    const changed = nextEvent<TraceDetail>(el, 'trace-change');
    el.traceTo = 'households';
    expect((await changed).detail).toEqual({ id: 'emergency-department', to: 'households', upstream: [], downstream: [] });
    expect(await panelText(el)).toContain('No chain of responsibility connects Emergency Management Bureau and Households and individuals');
  });

  it('switching influence on brings guided and participating actors into the trace', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="overview" trace="city-gov" lang="en"></governance-graph>`);
    expect(cy.getElementById('households').hasClass('dimmed')).toBe(true);
    const panel = el.shadowRoot!.querySelector('[part="panel"]')!;
    const changed = nextEvent<TraceDetail>(el, 'trace-change');
    await userEvent.click(panel.shadowRoot!.querySelector<HTMLInputElement>('.influence input')!);
    expect((await changed).detail.downstream).toContainEqual(['city-gov', 'households']);
    expect(el.influence).toBe(true);
    expect(cy.getElementById('households').hasClass('downstream')).toBe(true);
  });

  it('the search box finds actors by partial Chinese and English names and traces the one picked', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic"></governance-graph>`);
    const search = el.shadowRoot!.querySelector('[part="search"]')!;
    const input = search.shadowRoot!.querySelector('input')!;
    await userEvent.fill(input, '涉灾');
    // results come once typing pauses
    await expect.poll(() => search.shadowRoot!.querySelector('[role="option"]')?.textContent).toContain('涉灾部门');
    const traced = nextEvent<TraceDetail>(el, 'trace-change');
    await userEvent.keyboard('{Enter}');
    expect((await traced).detail.id).toBe('disaster-departments');
    await userEvent.fill(input, 'water aff');
    await expect.poll(() => search.shadowRoot!.querySelector('[role="option"]')?.textContent).toContain('Water Affairs Bureau');
  });

  it('the keyboard moves between actors and Enter traces, Escape clears', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
    el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!.focus();
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{ArrowDown}');
    const traced = nextEvent<TraceDetail>(el, 'trace-change');
    await userEvent.keyboard('{Enter}');
    const { detail } = await traced;
    expect(detail.id).not.toBe('city-party');
    expect(detail.upstream.length + detail.downstream.length).toBeGreaterThan(0);
    const cleared = nextEvent<TraceDetail>(el, 'trace-change');
    await userEvent.keyboard('{Escape}');
    expect((await cleared).detail.id).toBeNull();
    expect(el.trace).toBeUndefined();
  });

  it('an unknown trace id leaves the graph drawn and says which actor was meant, in the element’s language', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" trace="city-goverment"></governance-graph>`);
    expect(cy.nodes().length).toBeGreaterThan(0);
    await el.updateComplete;
    const notice = () => el.shadowRoot!.querySelector('[part="notice"]')!.textContent;
    expect(notice()).toBe('模型 "domestic" 中没有可追溯的主体 "city-goverment"。是否想写 "city-gov"?');
    el.lang = 'en';
    await el.updateComplete;
    expect(notice()).toBe('The model "domestic" has no actor "city-goverment" to trace. Did you mean "city-gov"?');
  });

  it('an actor of the model that the view leaves out is said to be outside the view, not missing from the model', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="city" trace="cpc-central" lang="en"></governance-graph>`);
    await el.updateComplete;
    const notice = () => el.shadowRoot!.querySelector('[part="notice"]')!.textContent!;
    expect(notice()).toContain('The actor "cpc-central" is not in the view "city"');
    el.lang = 'zh';
    await el.updateComplete;
    expect(notice()).toContain('主体 "cpc-central" 不在视图 "city" 中');
  });

  it('in a view, the search boxes offer the view’s actors only: the Central Committee is not in the city view', async () => {
    type Search = HTMLElement & { updateComplete: Promise<unknown> };
    /** The options a search box lists for `text`, once typing pauses. */
    const optionsFor = async (search: Search, text: string) => {
      await userEvent.fill(search.shadowRoot!.querySelector('input')!, text);
      await new Promise((resolve) => setTimeout(resolve, SEARCH_DELAY + 50));
      await search.updateComplete;
      return [...search.shadowRoot!.querySelectorAll('[role="option"]')].map((option) => option.textContent!).join();
    };
    // "Committee" names both the Central Committee and the municipal Party committee: one list shows which are offered
    const { el } = await renderGraph(html`<governance-graph model="domestic" lang="en"></governance-graph>`);
    const whole = await optionsFor(el.shadowRoot!.querySelector('[part="search"]') as Search, 'Committee');
    expect(whole).toContain('CPC Central Committee');
    expect(whole).toContain('Municipal Party Committee');
    el.view = 'city';
    await el.updateComplete;
    const inView = await optionsFor(el.shadowRoot!.querySelector('[part="search"]') as Search, 'Committee');
    expect(inView).toContain('Municipal Party Committee');
    expect(inView).not.toContain('CPC Central Committee');
    // the panel's search for a second actor, too
    el.trace = 'emergency-department';
    await el.updateComplete;
    const panel = el.shadowRoot!.querySelector('[part="panel"]') as Search;
    await panel.updateComplete;
    const chainTo = await optionsFor(panel.shadowRoot!.querySelector('governance-search') as Search, 'Committee');
    expect(chainTo).toContain('Municipal Party Committee');
    expect(chainTo).not.toContain('CPC Central Committee');
  });

  it('in a view, the panel says the trace has nothing to list in this view, not in the model', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="city" trace="disaster-departments" lang="en"></governance-graph>`);
    expect(await panelText(el)).toContain('Steers no one in this view');
    el.traceTo = 'lead-unit';
    await el.updateComplete;
    expect(await panelText(el)).toContain('In this view, no chain of responsibility connects');
  });
});
