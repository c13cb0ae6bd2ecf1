import type { Core } from 'cytoscape';
import { render, type TemplateResult } from 'lit';
import '../../src/index.js';
import type { GovernanceGraph } from '../../src/components/governance-graph.js';

/** The Cytoscape instance behind an element (internal; tests read real graph state through it). */
export function cyOf(el: GovernanceGraph): Core | undefined {
  return (el as unknown as { cytoscape: { cy?: Core } }).cytoscape.cy;
}

/** Resolves with the next `name` event on `target`, or rejects after `timeout` ms. */
export function nextEvent<T = unknown>(target: EventTarget, name: string, timeout = 10_000): Promise<CustomEvent<T>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${name} event within ${timeout} ms`)), timeout);
    target.addEventListener(
      name,
      (event) => {
        clearTimeout(timer);
        resolve(event as CustomEvent<T>);
      },
      { once: true },
    );
  });
}

/** Renders a template into a fresh container on the page and waits for its first graph to be drawn. */
export async function renderGraph(template: TemplateResult, { width = 1000, height = 600 } = {}) {
  const host = document.createElement('div');
  host.style.cssText = `width: ${width}px; height: ${height}px;`;
  document.body.append(host);
  const ready = nextEvent<{ id: string; nodes: number; edges: number }>(host, 'graph-ready');
  render(template, host);
  const el = host.querySelector('governance-graph')!;
  const event = await ready;
  return { el, cy: cyOf(el)!, host, detail: event.detail };
}

/** Number of painted (non-transparent) pixels over all of an element's canvases. */
export function paintedPixels(el: GovernanceGraph): number {
  let painted = 0;
  for (const canvas of el.shadowRoot!.querySelectorAll('canvas')) {
    if (canvas.width === 0 || canvas.height === 0) continue;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted++;
  }
  return painted;
}

/** A graph file as a data: URL, for `src`. */
export function dataUrl(graph: unknown): string {
  return `data:application/json,${encodeURIComponent(typeof graph === 'string' ? graph : JSON.stringify(graph))}`;
}
