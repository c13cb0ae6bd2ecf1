import { html } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from 'vitest/browser';
import { renderGraph } from './helpers.js';

declare module 'vitest/browser' {
  interface BrowserCommands {
    emulateMedia(media: { colorScheme?: 'light' | 'dark'; reducedMotion?: 'reduce' | 'no-preference' }): Promise<void>;
  }
}

afterEach(async () => {
  document.body.replaceChildren();
  await commands.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference' });
});

describe("the reader's preferences", () => {
  it('without a theme, a dark system preference gives the dark theme', async () => {
    await commands.emulateMedia({ colorScheme: 'dark' });
    const { el, cy } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(22, 24, 29)');
    const [r, g, b] = cy.getElementById('city-government--establishes--resilience-office').style('line-color').match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeGreaterThan(600);
  });

  it('an explicit theme wins over the system preference', async () => {
    await commands.emulateMedia({ colorScheme: 'dark' });
    const { el } = await renderGraph(html`<governance-graph model="foreign" theme="light"></governance-graph>`);
    expect(getComputedStyle(el).backgroundColor).toBe('rgb(255, 255, 255)');
  });

  it('reduced motion turns the trace transition off', async () => {
    const animated = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    expect(parseFloat(animated.cy.getElementById('market').style('transition-duration'))).toBeGreaterThan(0);
    document.body.replaceChildren();
    await commands.emulateMedia({ reducedMotion: 'reduce' });
    const { cy } = await renderGraph(html`<governance-graph model="foreign"></governance-graph>`);
    expect(parseFloat(cy.getElementById('market').style('transition-duration'))).toBe(0);
  });
});
