import type { Graph } from '../../src/model/types.js';
import type { LayoutStorage } from '../../src/render/layout-cache.js';

/** A small valid graph to break in one place per test. */
export function smallGraph(): Graph {
  return {
    id: 'small',
    title: { zh: '小图', en: 'Small graph' },
    nodes: [
      { id: 'party', label: { zh: '市委', en: 'Party Committee' }, sector: 'party' },
      { id: 'gov', label: { zh: '市政府', en: 'Government' }, sector: 'government' },
      { id: 'dept', label: { zh: '应急管理部门', en: 'Emergency Management' }, sector: 'department' },
      { id: 'public', label: { zh: '社会公众', en: 'The public' }, sector: 'society' },
    ],
    edges: [
      { id: 'party-leads-gov', source: 'party', target: 'gov', relation: 'leads' },
      { id: 'gov-directs-dept', source: 'gov', target: 'dept', relation: 'directs' },
      { id: 'public-participates', source: 'public', target: 'gov', relation: 'participates' },
    ],
    views: [{ id: 'top', title: { zh: '领导', en: 'Leadership' }, actors: ['party', 'gov'] }],
  };
}

/** A Web Storage stand-in in memory, optionally filled, exposing its entries. */
export function memoryStorage(entries: Record<string, string> = {}): LayoutStorage & { items: Map<string, string> } {
  const items = new Map(Object.entries(entries));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
    key: (index) => [...items.keys()][index] ?? null,
    get length() {
      return items.size;
    },
  };
}

/**
 * A county's flood control with a sector and two relations of its own: water boards (orange
 * hexagons, in the fourth row), `inspects` (accountability, long dashes, a vee) and `advises`
 * (influence, drawn from below, dotted, a circle).
 */
export function ownVocabularyGraph(): Graph {
  return {
    id: 'own-words',
    title: { zh: '县防汛', en: 'County flood control' },
    vocabulary: {
      sectors: [{ id: 'water-board', name: { zh: '水务协会', en: 'Water boards' }, colour: 'orange', shape: 'hexagon', tier: 4 }],
      relations: [
        { id: 'inspects', verb: { zh: '督查', en: 'inspects' }, kind: 'accountability', line: 'long-dashed', arrow: 'vee' },
        { id: 'advises', verb: { zh: '咨询', en: 'advises' }, kind: 'influence', flow: 'up', line: 'dotted', arrow: 'circle' },
      ],
    },
    nodes: [
      { id: 'county-gov', label: { zh: '县政府', en: 'County Government' }, sector: 'government' },
      { id: 'board', label: { zh: '灌区水务协会', en: 'Irrigation Water Board' }, sector: 'water-board' },
      { id: 'village', label: { zh: '村委会', en: 'Village Committee' }, sector: 'society' },
      { id: 'expert', label: { zh: '水利专家', en: 'Hydrologists' }, sector: 'market' },
    ],
    edges: [
      { id: 'gov-inspects-board', source: 'county-gov', target: 'board', relation: 'inspects' },
      { id: 'board-directs-village', source: 'board', target: 'village', relation: 'directs' },
      { id: 'expert-advises-board', source: 'expert', target: 'board', relation: 'advises' },
    ],
  };
}
