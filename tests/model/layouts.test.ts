import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import { selectView } from '../../src/render/elements.js';
import { contentHash, unpackLayouts, type LayoutFile } from '../../src/render/layout-cache.js';
import { LAYOUT_VERSION } from '../../src/render/placement.js';

const file = JSON.parse(readFileSync('graph-data/layouts.json', 'utf8')) as LayoutFile;
const layouts = unpackLayouts(file);

describe('graph-data/layouts.json (npm run layouts)', () => {
  it('was made from the current built-in models; after editing one, run npm run layouts', () => {
    for (const graph of Object.values(BUILTIN_MODELS)) expect(file.hashes[graph.id], graph.id).toBe(contentHash(graph));
  });

  it('was made with the current layout options; after changing one, run npm run layouts', () => {
    expect(file.version).toBe(LAYOUT_VERSION);
    for (const key of Object.keys(file.layouts)) expect(key.startsWith(`${LAYOUT_VERSION}|`), key).toBe(true);
  });

  it('has a layout of every view in every language, at both type sizes', () => {
    for (const graph of Object.values(BUILTIN_MODELS)) {
      for (const view of [undefined, ...(graph.views ?? []).map((v) => v.id)]) {
        for (const lang of ['zh', 'en', 'both']) {
          // a slide-sized graph's key ends with the shape and size of the canvas it was laid out for (see `aspectClass`, `widthClass`)
          const keys = Object.keys(layouts).filter((key) => key.startsWith(`${LAYOUT_VERSION}|${graph.id}|${view ?? ''}|${lang}|`) && /\|hierarchy(\|-?\d+\|-?\d+)?$/.test(key));
          // both type sizes (light and projector), whatever shapes of canvas they were made for
          expect(new Set(keys.map((key) => key.split('|')[4])).size, `${graph.id} ${view} ${lang}`).toBe(2);
          for (const key of keys) {
            const expected = selectView(graph, view).actors.map((a) => a.id).sort();
            expect(Object.keys(layouts[key].positions).sort(), key).toEqual(expected);
          }
        }
      }
    }
  });

  it('never overlaps two actors', () => {
    for (const [key, layout] of Object.entries(layouts)) {
      const boxes = Object.entries(layout.positions).map(([id, [x, y]]) => {
        const [w, h] = layout.sizes[id];
        return { id, x1: x - w / 2, x2: x + w / 2, y1: y - h / 2, y2: y + h / 2 };
      });
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          expect(a.x1 < b.x2 - 1 && b.x1 < a.x2 - 1 && a.y1 < b.y2 - 1 && b.y1 < a.y2 - 1, `${key}: ${a.id} / ${b.id}`).toBe(false);
        }
    }
  });
});
