import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../src/app/governance-app.js';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';
import { cyOf, nextEvent } from './helpers.js';

afterEach(() => {
  document.body.replaceChildren();
  history.replaceState(null, '', location.pathname + location.search);
});

/** Opens the app with a URL hash, as a shared link would, and waits for the graph. */
async function openApp(hash: string) {
  history.replaceState(null, '', hash || location.pathname + location.search);
  const app = document.createElement('governance-app');
  const ready = nextEvent(app, 'graph-ready');
  document.body.append(app);
  await ready;
  const graph = app.shadowRoot!.querySelector('governance-graph') as GovernanceGraph;
  return { app, graph, cy: cyOf(graph)! };
}

describe('the app', () => {
  it('opens on the model, view and language of the link', async () => {
    const { graph, cy } = await openApp('#model=foreign&lang=en');
    expect(graph.model).toBe('foreign');
    expect(cy.getElementById('resilience-office').data('label')).toBe('Resilience office');
    expect(document.documentElement.lang).toBe('en');
  });

  it('opens the domestic model in Chinese by default', async () => {
    const { graph, cy } = await openApp('');
    expect(graph.model).toBe('domestic');
    expect(cy.getElementById('city-gov').data('label')).toBe('市政府');
  });

  it('writes toolbar choices into the URL, so the link reopens the same view', async () => {
    const { app, graph } = await openApp('');
    const english = [...app.shadowRoot!.querySelectorAll('label')].find((l) => l.textContent!.trim() === 'English')!;
    const redrawn = nextEvent(graph, 'graph-ready');
    await userEvent.click(english.querySelector('input')!);
    await redrawn;
    expect(location.hash).toBe('#lang=en');
    const model = app.shadowRoot!.querySelector('select')!;
    await userEvent.selectOptions(model, 'foreign');
    expect(new URLSearchParams(location.hash.slice(1)).get('model')).toBe('foreign');
    expect(graph.model).toBe('foreign');
  });

  it('keeps hidden legend entries in the URL', async () => {
    const { graph } = await openApp('#model=foreign&lang=en&hide=society');
    expect(cyOf(graph)!.getElementById('society').visible()).toBe(false);
    const legend = graph.shadowRoot!.querySelector('governance-legend')!;
    await userEvent.click(legend.shadowRoot!.querySelector<HTMLElement>('button[data-key="market"]')!);
    expect(new URLSearchParams(location.hash.slice(1)).get('hide')).toBe('society,market');
  });
});
