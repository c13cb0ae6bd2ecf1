import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BUILTIN_MODELS } from '../../src/model/builtin.js';
import type { DisplayLang, Graph } from '../../src/model/types.js';
import { RELATIONS, SECTORS } from '../../src/model/vocabulary.js';
import { canvasLabel, selectView } from '../../src/render/elements.js';
import { SECTOR_STYLES } from '../../src/render/palette.js';
import { deckToPptx } from '../../src/render/pptx.js';
import type { SlideDeck } from '../../src/render/slides.js';
import { shippedDeck } from './shipped-deck.js';

/** The parts of a .pptx: slide XML and notes XML, in slide order. */
async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const byNumber = (pattern: RegExp) =>
    Object.keys(zip.files)
      .filter((name) => pattern.test(name))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]));
  const read = (names: string[]) => Promise.all(names.map((name) => zip.file(name)!.async('string')));
  return { slides: await read(byNumber(/^ppt\/slides\/slide\d+\.xml$/)), notes: await read(byNumber(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)) };
}

const decode = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Every shape of a slide, by its name: its XML and its text (runs joined). */
function shapes(xml: string): Map<string, { xml: string; text: string }> {
  const found = new Map<string, { xml: string; text: string }>();
  for (const [shape] of xml.matchAll(/<p:sp>.*?<\/p:sp>/gs)) {
    const name = decode(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(shape)?.[1] ?? '');
    found.set(name, { xml: shape, text: [...shape.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1])).join('') });
  }
  return found;
}

const noSpace = (text: string) => text.replace(/\s+/g, '');

/** The sector shapes PowerPoint has a preset for (the rest are freeforms of the same outline). */
const PRESETS: Record<string, string> = { party: 'octagon', government: 'rect', coordination: 'hexagon', department: 'roundRect', market: 'can', society: 'ellipse', international: 'homePlate' };

const views = Object.values(BUILTIN_MODELS).flatMap((graph) => [undefined, ...(graph.views ?? []).map((view) => view.id)].map((view) => [graph, view] as const));

describe('PowerPoint export (deckToPptx), structurally', () => {
  it.each(views.flatMap(([graph, view]) => (['zh', 'en', 'both'] as const).map((lang) => [graph.id, view ?? '(whole model)', lang, graph, view] as const)))(
    '%s %s in %s: a slide per step, every actor a shape with its label as text, every relation a line with an arrowhead, notes with the quotes',
    async (_, __, lang: DisplayLang, graph: Graph, view: string | undefined) => {
      const deck = shippedDeck(graph, view, lang);
      const { slides, notes } = await unzip(await deckToPptx(deck));
      const steps = graph.views?.find((v) => v.id === view)?.steps ?? [];
      expect(slides).toHaveLength(Math.max(1, steps.length));
      expect(notes).toHaveLength(slides.length);
      const { actors, relations } = selectView(graph, view);
      slides.forEach((xml, i) => {
        const shown = steps.length ? new Set(steps.slice(0, i + 1).flatMap((step) => step.actors)) : new Set(actors.map((actor) => actor.id));
        const onSlide = shapes(xml);
        for (const actor of actors.filter((a) => shown.has(a.id))) {
          const shape = onSlide.get(`actor ${actor.id}`);
          expect(shape, `${actor.id} on slide ${i + 1}`).toBeDefined();
          const label = lang === 'both' ? canvasLabel(actor.label, 'zh') + canvasLabel(actor.label, 'en') : canvasLabel(actor.label, lang);
          expect(noSpace(shape!.text)).toBe(noSpace(label));
          // a preset shape of its sector, or its outline as a freeform
          expect(shape!.xml).toContain(PRESETS[actor.sector] ? `<a:prstGeom prst="${PRESETS[actor.sector]}">` : '<a:custGeom>');
          // a CJK font named for East Asian text, and each run's language set
          expect(shape!.xml).toMatch(/<a:ea typeface="[^"]+"/);
          if (lang !== 'en') expect(shape!.xml).toContain('lang="zh-CN"');
          if (lang !== 'zh') expect(shape!.xml).toContain('lang="en-US"');
        }
        for (const actor of actors.filter((a) => !shown.has(a.id))) expect(onSlide.has(`actor ${actor.id}`), `${actor.id} not yet on slide ${i + 1}`).toBe(false);
        const lines = relations.filter((r) => shown.has(r.source) && shown.has(r.target));
        for (const relation of lines) {
          const line = onSlide.get(`relation ${relation.id}`);
          expect(line, `${relation.id} on slide ${i + 1}`).toBeDefined();
          // its arrowhead: at the end of the line, or at its start for relations drawn from below
          expect(line!.xml).toMatch(/<a:(head|tail)End type="(triangle|stealth|arrow|diamond|oval)"/);
          expect(line!.xml).not.toContain('gg-dash');
          if (RELATIONS[relation.relation] && ['coordinates', 'guides', 'participates'].includes(relation.relation)) expect(line!.xml).toContain('<a:custDash>');
        }
        expect([...onSlide.keys()].filter((name) => name.startsWith('relation '))).toHaveLength(lines.length);
        // the legend and the source line are text
        expect([...onSlide.values()].some((shape) => shape.text.includes(lang === 'en' ? SECTORS[actors.find((a) => shown.has(a.id))!.sector].name.en : SECTORS[actors.find((a) => shown.has(a.id))!.sector].name.zh))).toBe(true);
        expect(onSlide.get('source')?.text).toMatch(lang === 'en' ? /^Source: / : /^出处/);
      });
      // every relation of the view is in the notes of the slide where it appears, with its quotes
      const allNotes = notes.map((xml) => decode([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('\n')));
      for (const relation of relations) {
        const first = steps.length ? steps.findIndex((_, i) => [relation.source, relation.target].every((id) => steps.slice(0, i + 1).some((step) => step.actors.includes(id)))) : 0;
        for (const evidence of relation.evidence ?? []) expect(allNotes[first], `${relation.id} on slide ${first + 1}`).toContain(evidence.quote);
      }
    },
  );

  it('names the step in each slide of the overview, and emphasises what the step brings in', () => {
    const graph = BUILTIN_MODELS.domestic;
    const deck = shippedDeck(graph, 'overview', 'en');
    const steps = graph.views!.find((v) => v.id === 'overview')!.steps!;
    deck.slides.forEach((slide, i) => {
      expect(slide.caption).toBe(`${i + 1} / ${steps.length}  ${steps[i].caption.en}`);
      const emphasised = slide.panels[0].actors.filter((actor) => actor.underlay).map((actor) => actor.id);
      expect(emphasised.sort()).toEqual([...(steps[i].emphasis ?? steps[i].actors)].sort());
    });
    // the same frame on every slide, so that actors keep their places as the steps build up
    expect(new Set(deck.slides.map((slide) => JSON.stringify(slide.panels[0].box))).size).toBe(1);
  });

  it('points each arrow at the actor it points to on screen', () => {
    const graph = BUILTIN_MODELS.domestic;
    const deck = shippedDeck(graph, 'city', 'zh');
    const panel = deck.slides[0].panels[0];
    const centre = new Map(panel.actors.map((actor) => [actor.id, actor]));
    const distance = (p: { x: number; y: number }, id: string) => Math.hypot(p.x - centre.get(id)!.x, p.y - centre.get(id)!.y);
    for (const drawn of panel.relations) {
      const relation = graph.edges.find((edge) => edge.id === drawn.id)!;
      // the arrow sits where the relation points: at the data's target
      const tip = drawn.targetArrow !== 'none' ? drawn.end : drawn.start;
      expect(distance(tip, relation.target), relation.id).toBeLessThan(distance(tip, relation.source));
    }
  });

  it('makes one slide of a trace, with its chains lit and the rest dimmed, and notes of the chains only', async () => {
    const graph = BUILTIN_MODELS.domestic;
    const highlight = { root: 'water-department', upstream: ['city-gov'], downstream: [] };
    const deck: SlideDeck = shippedDeck(graph, 'city', 'en', { highlight });
    expect(deck.slides).toHaveLength(1);
    expect(deck.slides[0].caption).toMatch(/^Chains of responsibility: /);
    const lit = new Set(['water-department', 'city-gov']);
    for (const actor of deck.slides[0].panels[0].actors) {
      const sector = graph.nodes.find((node) => node.id === actor.id)!.sector;
      // lit actors in their sector's colour; the others faded toward the page
      expect(actor.fill === SECTOR_STYLES[sector].colour, actor.id).toBe(lit.has(actor.id));
    }
    expect(deck.slides[0].notes).toContain('Water Affairs');
    expect(deck.slides[0].notes.split('\n\n')).toHaveLength(2);
    const { slides } = await unzip(await deckToPptx(deck));
    expect(slides).toHaveLength(1);
  });

  it('writes each dash pattern exactly, in units of the line width, with round caps for dots', async () => {
    const deck = shippedDeck(BUILTIN_MODELS.domestic, 'city', 'zh');
    const { slides } = await unzip(await deckToPptx(deck));
    const onSlide = shapes(slides[0]);
    const coordinates = BUILTIN_MODELS.domestic.edges.find((edge) => edge.relation === 'coordinates' && onSlide.has(`relation ${edge.id}`))!;
    // coordinates: dashes of 9 and gaps of 4 on a line 2.5 wide
    expect(onSlide.get(`relation ${coordinates.id}`)!.xml).toMatch(/<a:ln w="\d+" cap="flat">.*<a:custDash><a:ds d="360000" sp="160000"\/><\/a:custDash>/s);
    const leads = BUILTIN_MODELS.domestic.edges.find((edge) => edge.relation === 'leads' && onSlide.has(`relation ${edge.id}`))!;
    expect(onSlide.get(`relation ${leads.id}`)!.xml).toContain('<a:prstDash val="solid"/>');
  });

  it('gives a slide, not a broken file, when every sector is hidden', async () => {
    const graph = BUILTIN_MODELS.foreign;
    const deck = shippedDeck(graph, undefined, 'en', { hidden: new Set(Object.keys(SECTORS)) });
    expect(deck.slides[0].panels[0].actors).toEqual([]);
    const { slides } = await unzip(await deckToPptx(deck));
    expect(slides).toHaveLength(1);
    expect(slides[0]).not.toMatch(/NaN|Infinity/);
  });

  it('keeps hostile labels as text: markup escaped, control characters dropped, the file still opens', async () => {
    const graph = structuredClone(BUILTIN_MODELS.foreign);
    graph.nodes[0].label = { zh: '<script>alert(1)</script>&"\u0001', en: '<img src=x onerror=alert(1)>' };
    const deck = shippedDeck(BUILTIN_MODELS.foreign, undefined, 'zh');
    deck.slides[0].panels[0].actors[0].lines = [{ text: graph.nodes[0].label.zh, lang: 'zh' }];
    deck.slides[0].notes = `${graph.nodes[0].label.en}\u0001`;
    const bytes = await deckToPptx(deck);
    const { slides, notes } = await unzip(bytes);
    expect(slides[0]).not.toContain('<script>');
    expect(slides[0]).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&amp;');
    expect(notes[0]).not.toContain('<img');
  });
});
