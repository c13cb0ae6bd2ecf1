import cytoscape, { type Core } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import type { DisplayLang } from '../../src/model/types.js';
import { toElements } from '../../src/render/elements.js';
import { FIT_PADDING, HIERARCHY_LAYOUT, MAX_FIT_ZOOM, fitViewport, packComponents } from '../../src/render/layout.js';

const measure = (text: string) => [...text].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 14 : 7.5), 0);

beforeAll(() => {
  cytoscape.use(dagre);
});

/** Lays out a built-in model headlessly, with node sizes from the data as in the browser. */
function laidOut(model: string, lang: DisplayLang, view?: string): Core {
  const cy = cytoscape({
    headless: true,
    styleEnabled: true,
    style: [{ selector: 'node', style: { width: 'data(width)', height: 'data(height)', shape: 'rectangle' } }],
    elements: toElements(BUILTIN_MODELS[model], { lang, view, measure, fontSize: 14 }),
  });
  cy.layout(HIERARCHY_LAYOUT).run();
  return cy;
}

const y = (cy: Core, id: string) => cy.getElementById(id).position().y;

describe('hierarchy layout of the domestic model', () => {
  it('puts the Party committee above the government, above its departments, above the departments they coordinate', () => {
    const cy = laidOut('domestic', 'zh', 'city');
    expect(y(cy, 'city-party')).toBeLessThan(y(cy, 'city-gov'));
    expect(y(cy, 'city-gov')).toBeLessThan(y(cy, 'emergency-department'));
    expect(y(cy, 'emergency-department')).toBeLessThan(y(cy, 'disaster-departments'));
  });

  it('puts market and society below the departments and the government that guide them', () => {
    const cy = laidOut('domestic', 'en', 'market-society');
    for (const below of ['social-capital', 'insurance', 'social-organisations', 'households']) {
      expect(y(cy, 'city-gov')).toBeLessThan(y(cy, below));
      expect(y(cy, 'finance-department')).toBeLessThan(y(cy, below));
    }
  });

  for (const lang of ['zh', 'en', 'both'] as const) {
    it(`never overlaps two actors (${lang})`, () => {
      const cy = laidOut('domestic', lang);
      const boxes = cy.nodes().map((node) => ({ id: node.id(), ...node.boundingBox({ includeLabels: false }) }));
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap = a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
          expect(overlap, `${a.id} overlaps ${b.id}`).toBe(false);
        }
      }
    });
  }
});

describe('packComponents', () => {
  it('places components without overlap, in rows about as wide as the aspect asks', () => {
    const sizes = [
      { w: 400, h: 300 },
      { w: 100, h: 50 },
      { w: 120, h: 80 },
      { w: 90, h: 60 },
      { w: 200, h: 100 },
    ];
    const corners = packComponents(sizes, 16 / 9, 10);
    const boxes = sizes.map((s, i) => ({ x1: corners[i].x, y1: corners[i].y, x2: corners[i].x + s.w, y2: corners[i].y + s.h }));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i], boxes[j]];
        expect(a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2).toBe(false);
      }
    const width = Math.max(...boxes.map((b) => b.x2)) - Math.min(...boxes.map((b) => b.x1));
    const height = Math.max(...boxes.map((b) => b.y2));
    expect(width / height).toBeGreaterThan(1);
    expect(width / height).toBeLessThan(4);
  });

  it('fills a square, a 16:9 and a wide canvas with the same pieces, each at least 70 % both ways once fitted', () => {
    // the pieces of the cities view: two city clusters with their plans, two cities with their strategies, two with one plan each
    const sizes = [
      { w: 420, h: 210 },
      { w: 260, h: 210 },
      { w: 440, h: 140 },
      { w: 280, h: 120 },
      { w: 150, h: 100 },
      { w: 150, h: 100 },
    ];
    for (const aspect of [1, 16 / 9, 2.16]) {
      const corners = packComponents(sizes, aspect, 48);
      const width = Math.max(...corners.map((corner, i) => corner.x + sizes[i].w)) - Math.min(...corners.map((corner) => corner.x));
      const height = Math.max(...corners.map((corner, i) => corner.y + sizes[i].h)) - Math.min(...corners.map((corner) => corner.y));
      // a fit into a canvas `aspect` wide and 1 high
      const zoom = Math.min(aspect / width, 1 / height);
      expect(Math.min((width * zoom) / aspect, height * zoom), `aspect ${aspect.toFixed(2)}`).toBeGreaterThanOrEqual(0.7);
    }
  });

  it('returns nothing for nothing', () => {
    expect(packComponents([], 1, 10)).toEqual([]);
  });
});

describe('fitViewport', () => {
  const onScreen = (viewport: { zoom: number; pan: { x: number; y: number } }, x: number, y: number) => ({ x: x * viewport.zoom + viewport.pan.x, y: y * viewport.zoom + viewport.pan.y });

  it('shows the whole box inside the padding, centred, leaving the reserved strips free', () => {
    const box = { x1: -200, y1: 100, x2: 1800, y2: 700 };
    const viewport = fitViewport(box, 1000, 600, { top: 40, bottom: 30 })!;
    const [topLeft, bottomRight] = [onScreen(viewport, box.x1, box.y1), onScreen(viewport, box.x2, box.y2)];
    expect(topLeft.x).toBeGreaterThanOrEqual(FIT_PADDING - 1e-9);
    expect(bottomRight.x).toBeLessThanOrEqual(1000 - FIT_PADDING + 1e-9);
    expect(topLeft.y).toBeGreaterThanOrEqual(FIT_PADDING + 40 - 1e-9);
    expect(bottomRight.y).toBeLessThanOrEqual(600 - FIT_PADDING - 30 + 1e-9);
    // the limiting side touches the padding; the other is centred
    expect(topLeft.x).toBeCloseTo(FIT_PADDING);
    expect((topLeft.y + bottomRight.y) / 2).toBeCloseTo((FIT_PADDING + 40 + 600 - FIT_PADDING - 30) / 2);
  });

  it('does not blow up a tiny graph, and gives up on a canvas of no size', () => {
    expect(fitViewport({ x1: 0, y1: 0, x2: 50, y2: 20 }, 1000, 600)!.zoom).toBe(MAX_FIT_ZOOM);
    expect(fitViewport({ x1: 0, y1: 0, x2: 50, y2: 20 }, 0, 0)).toBeUndefined();
  });
});
