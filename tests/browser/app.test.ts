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

describe('traces in the app URL', () => {
  it('a #trace link opens with the chain highlighted', async () => {
    const { cy } = await openApp('#view=city&trace=disaster-departments');
    expect(cy.getElementById('disaster-departments').hasClass('traced')).toBe(true);
    expect(cy.getElementById('emergency-department').hasClass('upstream')).toBe(true);
  });

  it('a #from…&to… link opens the chain between two actors', async () => {
    const { graph, cy } = await openApp('#view=city&from=emergency-department&to=city-party');
    expect(graph.traceTo).toBe('city-party');
    expect(cy.getElementById('city-gov').hasClass('upstream')).toBe(true);
  });

  it('clicking an actor writes its trace into the URL, and Escape removes it', async () => {
    const { graph, cy } = await openApp('#view=city');
    const { x, y } = cy.getElementById('water-department').renderedPosition();
    await userEvent.click(graph.shadowRoot!.querySelector<HTMLElement>('[part="canvas"]')!, { position: { x, y } });
    expect(new URLSearchParams(location.hash.slice(1)).get('trace')).toBe('water-department');
    await userEvent.keyboard('{Escape}');
    expect(new URLSearchParams(location.hash.slice(1)).get('trace')).toBeNull();
  });
});

describe('the compare view in the app', () => {
  it('#model=compare shows both models side by side', async () => {
    history.replaceState(null, '', '#model=compare&lang=en');
    const app = document.createElement('governance-app');
    document.body.append(app);
    await app.updateComplete;
    const compare = app.shadowRoot!.querySelector('governance-compare')!;
    expect(compare).not.toBeNull();
    expect(compare.lang).toBe('en');
    expect(app.shadowRoot!.querySelector('governance-graph')).toBeNull();
  });
});

describe('exports from the app', () => {
  it('the SVG button downloads a file named after what it shows', async () => {
    const { app } = await openApp('#view=city&lang=en&trace=water-department');
    const downloads: { name: string; type: string }[] = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      fetch(this.href).then((r) => r.blob()).then((blob) => downloads.push({ name: this.download, type: blob.type }));
    };
    try {
      // Export SVG is in the File menu
    await userEvent.click(app.shadowRoot!.querySelector<HTMLElement>('.menu summary')!);
    const button = [...app.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Export SVG'))!;
      await userEvent.click(button);
      await expect.poll(() => downloads).toEqual([{ name: 'governance-domestic-city-en-trace-water-department.svg', type: 'image/svg+xml' }]);
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
  });
});
