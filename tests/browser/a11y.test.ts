import axe from 'axe-core';
import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/components/governance-compare.js';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { cyOf, nextEvent, renderGraph } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname + location.search);
});

/**
 * Every axe-core rule (WCAG 2.1 A and AA, and best practices) over an element and its shadow
 * roots; returns violations as readable lines.
 */
async function violations(context: Element): Promise<string[]> {
  const result = await axe.run(context);
  return readable(result.violations);
}

const readable = (found: axe.Result[]) => found.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} ${n.failureSummary?.split('\n')[1] ?? ''}`));

/**
 * Every axe-core rule over a page of the project (the app, the embed page), in an iframe once
 * its graph is drawn, page-level rules included (one main landmark, a level-one heading, all
 * content in landmarks). axe runs inside the frame's own window; its CSP allows same-origin scripts.
 */
async function pageViolations(src: string): Promise<string[]> {
  const frame = document.createElement('iframe');
  frame.title = 'page';
  frame.style.cssText = 'width: 1280px; height: 720px';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = src;
  document.body.append(frame);
  await loaded;
  const doc = frame.contentDocument!;
  const app = () => doc.querySelector('governance-app')?.shadowRoot;
  const graph = () =>
    (doc.querySelector('governance-graph') ?? app()?.querySelector('governance-graph') ?? app()?.querySelector('governance-compare')?.shadowRoot?.querySelector('governance-graph')) as GovernanceGraph | null;
  await expect.poll(() => cyOf(graph()!)?.nodes().length ?? 0, { timeout: 15_000 }).toBeGreaterThan(0);
  await graph()!.updateComplete;
  const script = doc.createElement('script');
  script.src = '/node_modules/axe-core/axe.min.js';
  const injected = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
  doc.head.append(script);
  await injected;
  const frameAxe = (frame.contentWindow as unknown as { axe: typeof axe }).axe;
  return readable((await frameAxe.run(doc)).violations);
}

describe('accessibility (axe-core, every rule: WCAG 2.1 AA and best practices)', () => {
  for (const lang of ['zh', 'en'] as const) {
    for (const theme of ['light', 'dark', 'projector'] as const) {
      it(`the app page has no violations (${lang}, ${theme})`, async () => {
        expect(await pageViolations(`/index.html#lang=${lang}&theme=${theme}&trace=emergency-department`)).toEqual([]);
      });
    }
  }

  for (const theme of ['light', 'dark', 'projector'] as const) {
    it(`the element in a page's main content has no violations, in a step with its caption (${theme})`, async () => {
      const { el } = await renderGraph(html`<main><governance-graph model="domestic" view="overview" step="3" lang="en" theme=${theme}></governance-graph></main>`);
      expect(await violations(el)).toEqual([]);
    });
  }

  for (const theme of ['light', 'dark', 'projector'] as const) {
    it(`a traced slide with its chains strip has no violations (${theme})`, async () => {
      const { el } = await renderGraph(html`<main><governance-graph model="domestic" view="city" trace="emergency-department" static lang="zh" theme=${theme}></governance-graph></main>`);
      expect(el.shadowRoot!.querySelector('[part="chains"]')).not.toBeNull();
      expect(await violations(el)).toEqual([]);
    });
  }

  it('the app page comparing the two models has no violations', async () => {
    expect(await pageViolations('/index.html#model=compare&lang=en')).toEqual([]);
  });

  it('the iframe page (embed.html) has no violations', async () => {
    expect(await pageViolations('/embed.html?model=domestic&view=city&lang=en&trace=water-department')).toEqual([]);
  });

  for (const lang of ['zh', 'en'] as const) {
    it(`the compare view has no violations (${lang})`, async () => {
      const host = document.createElement('main');
      host.style.height = '900px';
      document.body.append(host);
      host.innerHTML = `<governance-compare lang="${lang}" style="height: 100%"></governance-compare>`;
      const compare = host.querySelector('governance-compare')!;
      await compare.updateComplete;
      await Promise.all([...compare.shadowRoot!.querySelectorAll('governance-graph')].map((g) => nextEvent(g, 'graph-ready')));
      await compare.updateComplete;
      expect(await violations(compare)).toEqual([]);
    });
  }
});

describe('for screen readers', () => {
  it('describes the graph as text: actors by sector with their relations, in sync with filters and steps', async () => {
    const { el } = await renderGraph(html`<governance-graph model="foreign" lang="en"></governance-graph>`);
    const text = () => el.shadowRoot!.querySelector('#text-alternative')!.textContent!.replace(/\s+/g, ' ');
    expect(el.shadowRoot!.querySelector('[part="canvas"]')!.getAttribute('aria-describedby')).toContain('text-alternative');
    expect(text()).toContain('Coordination bodies');
    expect(text()).toContain('City or metropolitan governments (Barcelona, London, New York…): establishes Resilience unit; establishes Chief Resilience Officer; establishes Resilience office; partners with Market');
    el.hide = 'market';
    await el.updateComplete;
    expect(text()).not.toContain('Market');
  });

  it('announces a trace in a live region', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="city" lang="en"></governance-graph>`);
    el.trace = 'emergency-department';
    await el.updateComplete;
    const status = el.shadowRoot!.querySelector('[role="status"][aria-live="polite"]')!;
    expect(status.textContent).toMatch(/Traced: Emergency Management Bureau\. Upstream: answers to 2 chains; Downstream: steers 1 chains\./);
  });

  it('shows where keyboard focus is, on the canvas and on the actor', async () => {
    const { el, cy } = await renderGraph(html`<governance-graph model="domestic" view="city"></governance-graph>`);
    const canvas = el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!;
    canvas.focus();
    expect(getComputedStyle(canvas).outlineStyle).toBe('solid');
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true }));
    await el.updateComplete;
    const focused = cy.$('.focused');
    expect(focused).toHaveLength(1);
    // 3 px on screen however far the graph is zoomed out or in
    const ringOnScreen = () => Number.parseFloat(focused.style('outline-width')) * cy.zoom();
    expect(ringOnScreen()).toBeCloseTo(3, 1);
    cy.zoom(cy.zoom() / 3);
    expect(ringOnScreen()).toBeCloseTo(3, 1);
    cy.zoom(cy.zoom() * 6);
    expect(ringOnScreen()).toBeCloseTo(3, 1);
    // the ring goes with the focus: the actor left behind has none
    canvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true, composed: true }));
    await el.updateComplete;
    expect(cy.$('.focused').id()).not.toBe(focused.id());
    expect(Number.parseFloat(focused.style('outline-width'))).toBe(0);
  });

  it('reaches the search box with one Tab from the graph, before the legend', async () => {
    const { el } = await renderGraph(html`<governance-graph model="domestic" view="overview"></governance-graph>`);
    el.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!.focus();
    await userEvent.keyboard('{Tab}');
    // focus is inside the search box's own shadow root: the graph's shadow root reports the box
    expect(el.shadowRoot!.activeElement).toBe(el.shadowRoot!.querySelector('[part="search"]'));
  });
});
